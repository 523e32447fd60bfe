import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findDependencyProblems, importsOf, packageOf } from './dependencies';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const rootDev = Object.keys(rootPkg.devDependencies ?? {});
const projects = ['packages', 'apps'].flatMap((group) =>
  fs
    .readdirSync(path.join(ROOT, group))
    .map((name) => path.join(group, name))
    .filter((dir) => fs.existsSync(path.join(ROOT, dir, 'package.json'))),
);

describe('packageOf / importsOf', () => {
  test('maps specifiers to package names and skips relative and built-in modules', () => {
    expect(packageOf('@tensorflow/tfjs-core/dist/ops')).toBe('@tensorflow/tfjs-core');
    expect(packageOf('sharp')).toBe('sharp');
    expect(packageOf('n2words/fr-FR')).toBe('n2words');
    expect(packageOf('./local')).toBeUndefined();
    expect(packageOf('fs')).toBeUndefined();
    expect(packageOf('node:path')).toBeUndefined();
  });
  test('finds static, type-only, dynamic and require imports', () => {
    const src = [
      "import * as tf from '@tensorflow/tfjs';",
      "import type { X } from 'typed-only';",
      "export { y } from 'reexported';",
      "const s = require('sharp');",
      "const m = await import('dynamic-one');",
      "const file = require.resolve('data-pkg/file.csv');",
      "import * as fs from 'fs';",
    ].join('\n');
    expect(importsOf(src).sort()).toEqual([
      '@tensorflow/tfjs',
      'data-pkg',
      'dynamic-one',
      'reexported',
      'sharp',
      'typed-only',
    ]);
  });
});

describe('findDependencyProblems on a fixture project', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-deps-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: '@x/fixture', dependencies: { used: '1', 'never-imported': '1' } }),
    );
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), "import { u } from 'used';\nimport { m } from 'missing';\n");
    fs.writeFileSync(path.join(dir, 'src', 'a.spec.ts'), "import 'jest-only';\nimport 'not-anywhere';\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reports an undeclared import with its file, an unused dependency, and lets specs use root devDependencies', () => {
    const problems = findDependencyProblems(dir, ['jest-only']);
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'undeclared', name: 'missing', file: path.join('src', 'a.ts') },
        { kind: 'undeclared', name: 'not-anywhere', file: path.join('src', 'a.spec.ts') },
        { kind: 'unused', name: 'never-imported' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});

describe('every project declares exactly what it imports', () => {
  test.each(projects)('%s', (project) => {
    expect(findDependencyProblems(path.join(ROOT, project), rootDev)).toEqual([]);
  });
});
