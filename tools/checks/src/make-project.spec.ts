// tools/make-project.sh generates a project that matches the real ones: regenerating the
// placeholder projects (nlp, audio: made by it) from their own name, description and
// dependencies gives back their files byte for byte. Those files pass `npm run lint`, so a
// generated project does too.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'tools', 'make-project.sh');

function generate(dir: string, name: string, description: string, deps: string[]): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-make-project-'));
  const run = spawnSync('bash', [SCRIPT, dir, name, description, deps.join(' ')], { cwd: out, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`make-project.sh failed: ${run.stderr}`);
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full).map((f) => path.join(e.name, f)) : [e.name];
  });
}

describe('tools/make-project.sh', () => {
  test.each(['nlp', 'audio'])(
    'regenerates packages/%s exactly',
    (name) => {
      const dir = path.join('packages', name);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
      const out = generate(dir, name, pkg.description, Object.keys(pkg.dependencies ?? {}));
      try {
        const generated = filesUnder(path.join(out, dir)).sort();
        expect(generated).toEqual([
          'README.md',
          'jest.config.js',
          'jest.e2e.config.js',
          'package.json',
          'project.json',
          path.join('src', 'index.ts'),
          'tsconfig.lib.json',
        ]);
        for (const file of generated) {
          expect([file, fs.readFileSync(path.join(out, dir, file), 'utf8')]).toEqual([
            file,
            fs.readFileSync(path.join(ROOT, dir, file), 'utf8'),
          ]);
        }
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
    // Starts node and Prettier: ~1-2 s.
    20_000,
  );

  test('declares the dependencies it is given, with project references', () => {
    const out = generate('packages/probe', 'probe', 'A probe.', ['@dlkit/core', '@dlkit/sequence']);
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(out, 'packages/probe/package.json'), 'utf8'));
      const tsconfig = JSON.parse(fs.readFileSync(path.join(out, 'packages/probe/tsconfig.lib.json'), 'utf8'));
      const project = JSON.parse(fs.readFileSync(path.join(out, 'packages/probe/project.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ '@dlkit/core': '0.1.0', '@dlkit/sequence': '0.1.0' });
      expect(tsconfig.references).toEqual([
        { path: '../core/tsconfig.lib.json' },
        { path: '../sequence/tsconfig.lib.json' },
      ]);
      expect(project.tags).toEqual(['scope:probe', 'type:lib']);
      expect(Object.keys(project.targets)).toEqual(['build', 'test', 'e2e']);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 20_000);

  test('a missing argument is a usage error (exit 2)', () => {
    const run = spawnSync('bash', [SCRIPT, 'packages/x'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: tools\/make-project\.sh/);
  });
});
