module.exports = require('../../jest.preset.js')('vision', __dirname);
