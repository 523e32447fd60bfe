module.exports = require('../../jest.preset.js')('sequence', __dirname, { e2e: true });
