/**
 * Keeps a README's API table honest: the names in the first column of the table under its
 * `## Public API` heading must be exactly the names the package's `src/index.ts` exports (values,
 * types and namespaces), so a new export without a row, or a row for a name that is gone, fails the
 * package's tests.
 *
 * @example
 * const { missing, extra } = checkReadmeApiTable(path.join(__dirname, '..', 'README.md'), path.join(__dirname, 'index.ts'));
 * expect({ missing, extra }).toEqual({ missing: [], extra: [] });
 */
import * as fs from 'fs';
import type * as TS from 'typescript';

/** The `name`s in the first column of the first table under the `## Public API` heading. */
export function readmeApiNames(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^##\s+Public API\s*$/.test(l));
  if (start < 0) throw new Error('README has no "## Public API" section');
  const names: string[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2}\s/.test(line)) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([A-Za-z_$][\w$]*)`/g)) names.push(m[1]);
  }
  if (names.length === 0) throw new Error('the "## Public API" section has no table of `names`');
  return names;
}

/** The names a module exports (values, types, namespaces), as the TypeScript checker sees them. */
export function moduleExportNames(indexFile: string): string[] {
  // Loaded here, not at the top: typescript is a development dependency of the workspace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts: typeof TS = require('typescript');
  const program = ts.createProgram([indexFile], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const source = program.getSourceFile(indexFile);
  if (!source) throw new Error(`${indexFile}: not found`);
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [];
}

/** Names exported by `indexFile` but absent from the README's API table, and the reverse. */
export function checkReadmeApiTable(readmeFile: string, indexFile: string): { missing: string[]; extra: string[] } {
  const listed = new Set(readmeApiNames(fs.readFileSync(readmeFile, 'utf8')));
  const exported = new Set(moduleExportNames(indexFile));
  return {
    missing: [...exported].filter((n) => !listed.has(n)).sort(),
    extra: [...listed].filter((n) => !exported.has(n)).sort(),
  };
}
