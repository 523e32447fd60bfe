// Shared Jest config for every project. Sources are transpiled by ts-jest in isolated-module
// mode (fast, no type check here: `npm run build` type-checks); `@dlkit/*` imports resolve to the sibling projects' sources,
// so tests never need a build of their dependencies.
const path = require('path');

const root = __dirname;
const packages = ['core', 'vision', 'sequence', 'nlp', 'audio'];

module.exports = (name, projectDir) => ({
  displayName: name,
  rootDir: projectDir,
  // node, sharing the host's typed arrays so onnxruntime-node's outputs pass instanceof checks.
  testEnvironment: path.join(root, 'tools', 'jest-environment.js'),
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.spec.json'), diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    packages.flatMap((p) => [
      [`^@dlkit/${p}$`, path.join(root, 'packages', p, 'src', 'index.ts')],
      [`^@dlkit/${p}/(.*)$`, path.join(root, 'packages', p, 'src', '$1', 'index.ts')],
    ]),
  ),
  // Training tests are real training runs on 2 cores: use both (jest's default leaves one idle),
  // and give them time.
  maxWorkers: 2,
  testTimeout: 120000,
  reporters: ['default', [path.join(root, 'tools', 'jest-summary-reporter.js'), { name }]],
});
