#!/usr/bin/env node
// `npm test`: runs every project's unit and end-to-end tests through Nx (`nx run-many -t test e2e`),
// then prints one plain line `N passed, N failed` totalled over all projects and both targets.
// Extra arguments go to Nx, e.g. `npm test -- --projects=core`.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const resultsDir = path.join(__dirname, '..', '.test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

const args = [
  'nx',
  'run-many',
  '-t',
  'test',
  'e2e',
  '--skip-nx-cache',
  '--outputStyle=stream',
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const projects = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : [];
for (const file of projects) {
  const s = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
  console.log(`  ${s.project}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
}
// A project that crashed before reporting counts as a failure.
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
