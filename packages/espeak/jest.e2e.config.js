module.exports = require('../../jest.preset.js')('espeak', __dirname, { e2e: true });
