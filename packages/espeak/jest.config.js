module.exports = require('../../jest.preset.js')('espeak', __dirname);
