// The lint rules that keep the house in order fire on code that breaks them: module boundaries
// (DESIGN.md section 1: apps -> vision|nlp|audio -> sequence -> core, nothing imports the app)
// and the line-length limit. ESLint runs in a child process (its flat config is an ES module,
// which jest's CommonJS runtime cannot load) over virtual files placed in each project.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Probe {
  file: string;
  code: string;
}

/** Lints each probe as if it were that file; returns the rule ids reported per probe. */
function lintProbes(probes: Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const probes = JSON.parse(process.argv[1]);
      const out = [];
      for (const p of probes) {
        const [r] = await eslint.lintText(p.code, { filePath: p.file });
        out.push(r.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  // The boundary rule skips itself without a cached project graph (a fresh clone): compute it.
  spawnSync('npx', ['nx', 'show', 'projects'], { cwd: ROOT, env, stdio: 'ignore' });
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(probes)], { cwd: ROOT, encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`eslint probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const importFrom = (from: string, dir: string) => ({
  file: path.join(ROOT, dir, 'src', '__boundary_probe__.ts'),
  code: `import * as other from '${from}';\nexport const probe = other;\n`,
});

const illegal: [string, Probe][] = [
  ['nlp imports vision', importFrom('@dlkit/vision', 'packages/nlp')],
  ['vision imports nlp', importFrom('@dlkit/nlp', 'packages/vision')],
  ['audio imports nlp', importFrom('@dlkit/nlp', 'packages/audio')],
  ['vision imports audio', importFrom('@dlkit/audio', 'packages/vision')],
  ['core imports sequence', importFrom('@dlkit/sequence', 'packages/core')],
  ['sequence imports vision', importFrom('@dlkit/vision', 'packages/sequence')],
  ['a library imports the app', importFrom('@dlkit/demo-cli', 'packages/core')],
];
const legal: [string, Probe][] = [
  ['vision imports core', importFrom('@dlkit/core', 'packages/vision')],
  ['sequence imports core', importFrom('@dlkit/core', 'packages/sequence')],
  ['the app imports core', importFrom('@dlkit/core', 'apps/demo-cli')],
  ['the app imports vision', importFrom('@dlkit/vision', 'apps/demo-cli')],
];
const longLine: Probe = {
  file: path.join(ROOT, 'packages/core/src/__long_line_probe__.ts'),
  code: `// ${'x'.repeat(170)}\nexport const probe = 1;\n`,
};

describe('lint rules', () => {
  let results: string[][];
  // One ESLint start-up (it builds the Nx project graph) for all probes: ~10-20 s on 2 cores.
  beforeAll(() => {
    results = lintProbes([...illegal.map(([, p]) => p), ...legal.map(([, p]) => p), longLine]);
  }, 120_000);

  test.each(illegal.map(([name], i) => [name, i] as const))('an illegal import fails lint: %s', (_name, i) => {
    expect(results[i]).toContain('@nx/enforce-module-boundaries');
  });
  test.each(legal.map(([name], i) => [name, illegal.length + i] as const))('a legal import passes: %s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
  test('a line over 160 characters fails lint', () => {
    expect(results[results.length - 1]).toEqual(['max-len']);
  });
});
