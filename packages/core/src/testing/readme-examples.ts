/**
 * Keeps README examples honest: every ```ts block of a README is type-checked, as an ES module
 * of its own, against the workspace's sources (`@dlkit/<package>` → `packages/<package>/src`), so a
 * renamed function or a changed option breaks the package's tests instead of the reader's first try.
 *
 * A block that needs names it does not define (a sketch over the user's own data) says so in an
 * HTML comment on the line right above its fence, invisible on GitHub and npm:
 *
 *     <!-- example-context: declare const x: tf.Tensor4D; -->
 *     ```ts
 *
 * @example
 * const { examples, errors } = checkReadmeExamples(path.join(__dirname, '..', 'README.md'));
 * expect(errors).toEqual([]);
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as TS from 'typescript';

export interface ReadmeExample {
  /** 1-based README line of the first code line (the line after the fence). */
  line: number;
  code: string;
  /** Declarations from an `<!-- example-context: ... -->` comment right above the fence. */
  context: string;
}

const FENCE = /^```ts\s*$/;
const CONTEXT = /^<!--\s*example-context:(.*)-->\s*$/;

/** The ```ts blocks of a Markdown text, with their line numbers and context comments. */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const lines = markdown.split('\n');
  const examples: ReadmeExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README line ${i + 1}: \`\`\`ts block is never closed`);
    const context = CONTEXT.exec(lines[i - 1] ?? '')?.[1].trim() ?? '';
    examples.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n'), context });
    i = end;
  }
  return examples;
}

/** The workspace's packages directory (this file is packages/core/{src,dist}/testing/…). */
const PACKAGES_DIR = path.resolve(__dirname, '..', '..', '..');

/**
 * Type-checks every ```ts block of `readmeFile`; returns the number of blocks and one
 * `README.md:LINE:COL: message` per error (README coordinates, not the snippet's).
 */
export function checkReadmeExamples(readmeFile: string): { examples: number; errors: string[] } {
  // Loaded here, not at the top: typescript is a development dependency of the workspace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts: typeof TS = require('typescript');
  const examples = readmeExamples(fs.readFileSync(readmeFile, 'utf8'));
  const dir = path.dirname(readmeFile);
  // Each example becomes a virtual module next to the README: context on line 1, code from line 2.
  const virtual = new Map(
    examples.map((e) => [path.join(dir, `__readme_example_${e.line}.mts`).replace(/\\/g, '/'), e]),
  );
  const packages = fs
    .readdirSync(PACKAGES_DIR)
    .filter((p) => fs.existsSync(path.join(PACKAGES_DIR, p, 'src', 'index.ts')));
  const paths: Record<string, string[]> = {};
  for (const p of packages) {
    paths[`@dlkit/${p}`] = [path.join(PACKAGES_DIR, p, 'src', 'index.ts')];
    paths[`@dlkit/${p}/*`] = [path.join(PACKAGES_DIR, p, 'src', '*', 'index.ts')];
  }
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    paths,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  const source = (file: string): string | undefined => {
    const e = virtual.get(file);
    return e && `${e.context}\n${e.code}`;
  };
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => source(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = source(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, ...rest)
      : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const readme = path.basename(readmeFile);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && virtual.has(d.file.fileName))
    .map((d) => {
      const e = virtual.get(d.file!.fileName)!;
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const readmeLine = line === 0 ? e.line - 2 : e.line + line - 1;
      const where = line === 0 ? `${readmeLine} (example-context)` : `${readmeLine}:${character + 1}`;
      return { readmeLine, text: `${readme}:${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}` };
    })
    .sort((a, b) => a.readmeLine - b.readmeLine)
    .map((e) => e.text);
  return { examples: examples.length, errors };
}
