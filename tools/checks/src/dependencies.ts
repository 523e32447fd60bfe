/**
 * Declared dependencies against imports. For one project folder (with a package.json and src/),
 * lists every bare module its runtime sources import that its package.json does not declare, and
 * every declared dependency that no runtime source imports. Spec files and test fixtures may also
 * use the root's devDependencies.
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

export interface DependencyProblem {
  kind: 'undeclared' | 'unused';
  /** The npm package name. */
  name: string;
  /** For `undeclared`: the first file that imports it, relative to the project. */
  file?: string;
}

const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; relative and built-in → undefined. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? undefined : name;
}

/** Every bare module a TypeScript or JavaScript file imports (static, dynamic, `require`, `require.resolve`). */
export function importsOf(source: string): string[] {
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  for (const m of source.matchAll(/require\.resolve\(\s*['"]([^'"]+)['"]/g)) specifiers.push(m[1]);
  const names = specifiers.map(packageOf).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : listFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const isTestFile = (file: string) => /\.spec\.ts$|\.e2e\.ts$|__fixtures__|[/\\]testing[/\\]/.test(file);

/**
 * @param projectDir a folder with package.json and src/ (and optionally bin/, bench/)
 * @param rootDevDependencies names that test files may import without the project declaring them
 */
export function findDependencyProblems(projectDir: string, rootDevDependencies: string[] = []): DependencyProblem[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  const runtime = new Set<string>([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const forTests = new Set<string>([...runtime, ...Object.keys(pkg.devDependencies ?? {}), ...rootDevDependencies]);
  const problems: DependencyProblem[] = [];
  const used = new Set<string>();
  const files = ['src', 'bin'].flatMap((d) => listFiles(path.join(projectDir, d)));
  for (const file of files) {
    const rel = path.relative(projectDir, file);
    const test = isTestFile(rel);
    for (const name of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (name === pkg.name) continue;
      if (!test) used.add(name);
      const allowed = test ? forTests : runtime;
      if (!allowed.has(name) && !problems.some((p) => p.kind === 'undeclared' && p.name === name)) {
        problems.push({ kind: 'undeclared', name, file: rel });
      }
    }
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (!used.has(name)) problems.push({ kind: 'unused', name });
  }
  return problems;
}
