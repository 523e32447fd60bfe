module.exports = require('../../jest.preset.js')('vision', __dirname, { e2e: true });
