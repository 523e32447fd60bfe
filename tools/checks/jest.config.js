module.exports = require('../../jest.preset.js')('workspace-checks', __dirname);
