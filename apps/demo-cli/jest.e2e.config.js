module.exports = require('../../jest.preset.js')('demo-cli', __dirname, { e2e: true });
