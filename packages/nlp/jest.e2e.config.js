module.exports = require('../../jest.preset.js')('nlp', __dirname, { e2e: true });
