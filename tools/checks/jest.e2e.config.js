module.exports = require('../../jest.preset.js')('workspace-checks', __dirname, { e2e: true });
