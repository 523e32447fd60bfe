// Shared Jest config for every project. Sources are transpiled by ts-jest in isolated-module
// mode (fast, no type check here: `npm run build` type-checks); `@dlkit/*` imports resolve to the sibling projects' sources,
// so tests never need a build of their dependencies.
const path = require('path');

const root = __dirname;
// Unit specs are `*.spec.ts`; end-to-end specs (real training runs, README type-checks: seconds to
// minutes each) are `*.e2e.spec.ts` and run by each project's `e2e` target (jest.e2e.config.js),
// so that `nx affected -t test` stays quick. `npm test` runs both targets.
const E2E = '\\.e2e\\.spec\\.ts$';
const packages = ['core', 'vision', 'sequence', 'nlp', 'audio', 'espeak'];

module.exports = (name, projectDir, { e2e = false } = {}) => ({
  displayName: e2e ? `${name}:e2e` : name,
  rootDir: projectDir,
  // node, sharing the host's typed arrays so onnxruntime-node's outputs pass instanceof checks.
  testEnvironment: path.join(root, 'tools', 'jest-environment.js'),
  testMatch: [e2e ? '<rootDir>/src/**/*.e2e.spec.ts' : '<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: e2e ? ['/node_modules/'] : ['/node_modules/', E2E],
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
  // Use both cores (jest's default leaves one idle). Jest's default 5 s timeout applies: a slower
  // test states its own timeout and says why it is slow.
  maxWorkers: 2,
  reporters: ['default', [path.join(root, 'tools', 'jest-summary-reporter.js'), { name: e2e ? `${name}-e2e` : name }]],
});
