// tools/make-project.sh generates a project that matches the real ones: regenerating any package
// gives back its project.json and jest configs byte for byte, and a placeholder package (one that
// exports nothing yet) entirely. Those files pass `npm run lint`, so a generated project does too.
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

const projects = fs
  .readdirSync(path.join(ROOT, 'packages'))
  .filter((p) => fs.existsSync(path.join(ROOT, 'packages', p, 'project.json')));
/** Projects that export nothing yet: every file of theirs is exactly what the script writes. */
const isPlaceholder = (name: string) =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'packages', name, 'package.json'), 'utf8')).dependencies ?? {})
    .length === 0 &&
  /^\s*export \{\};\s*$/m.test(fs.readFileSync(path.join(ROOT, 'packages', name, 'src', 'index.ts'), 'utf8')) &&
  fs.readdirSync(path.join(ROOT, 'packages', name, 'src')).length === 1;

describe('tools/make-project.sh', () => {
  test.each(projects)(
    'regenerates the project files of packages/%s',
    (name) => {
      const dir = path.join('packages', name);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
      const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@dlkit/'));
      const out = generate(dir, name, pkg.description, deps);
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
        const compared = isPlaceholder(name) ? generated : ['project.json', 'jest.config.js', 'jest.e2e.config.js'];
        for (const file of compared) {
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
