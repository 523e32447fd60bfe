/**
 * What the intent model sees of a message: a bag of stemmed words and stem bigrams (present or
 * not), a bag of character n-grams of the words (for typos and word forms the stemmer misses,
 * as fastText's subwords, Bojanowski et al. 2017), scaled to unit length, and optionally the
 * average of the words' unit vectors (word embeddings carry synonyms that the training utterances
 * never used). Words, bigrams and n-grams not seen in training are skipped.
 *
 * @example
 * const f = IntentFeaturizer.fit(['train on my images', 'resume a run']);
 * f.encode(['how do I train?']); // Float32Array [1 × f.dim]
 */
import { stripUndefined } from '@dlkit/core';
import type { WordVectors } from '../embeddings/word-vectors';
import { wordTokens } from '../text/word-tokenizer';
import { stemWord } from './stem';
import { sensesFromTable, wordnetSenses, type WordnetSenses } from './wordnet-senses';

export interface IntentFeatureOptions {
  /** Add pairs of neighbouring stems. */
  bigrams?: boolean;
  /** Lengths of the character n-grams of each word (with `<` and `>` marking its ends); [] for none. */
  charNgrams?: number[];
  /** Word vectors whose average over the message is appended (optional). */
  vectors?: WordVectors;
  /** Add the WordNet synsets of each content word's first senses (see wordnetSenses). */
  wordnet?: boolean;
}

export const INTENT_FEATURE_DEFAULTS = {
  bigrams: true,
  charNgrams: [3, 4],
  wordnet: false,
} satisfies IntentFeatureOptions;

/** Function words whose WordNet senses would only add noise ("do" as a party, "i" as iodine). */
const NO_SENSES = new Set(
  'the and how what does can with for you are was this that from into not use have has get set his her its our their its which who why when where there here then than will would should could about any all one'.split(
    ' ',
  ),
);

/** The saved form (the vectors, if any, are saved beside it). */
export interface IntentFeaturesJson {
  terms: string[];
  bigrams: boolean;
  charNgrams: number[];
  /** Lemma → the synsets among the terms (WordNet features), when used. */
  senses?: Record<string, string[]>;
}

/** Lowercase words and numbers of a message, accents stripped, punctuation dropped. */
export function messageWords(text: string): string[] {
  return wordTokens(text, { lowercase: true, stripAccents: true })
    .map((t) => t.text)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function charNgrams(word: string, sizes: readonly number[]): string[] {
  const w = `<${word}>`;
  const out: string[] = [];
  for (const n of sizes) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  return out;
}

export class IntentFeaturizer {
  private readonly index: Map<string, number>;
  readonly bigrams: boolean;
  readonly charNgrams: number[];
  readonly vectors?: WordVectors;
  private readonly senses?: WordnetSenses;

  /**
   * @param terms the feature names: `w:<stem>`, `b:<stem> <stem>`, `c:<n-gram>`, `s:<synset>`
   * @param senseTable lemma → synsets, for the `s:` terms (from WordnetSenses.restrictedTo)
   */
  constructor(
    readonly terms: string[],
    options: IntentFeatureOptions = {},
    readonly senseTable?: Record<string, string[]>,
  ) {
    const o = { ...INTENT_FEATURE_DEFAULTS, ...stripUndefined(options) };
    this.bigrams = o.bigrams;
    this.charNgrams = [...o.charNgrams];
    this.vectors = o.vectors;
    this.index = new Map(terms.map((t, i) => [t, i]));
    if (senseTable) this.senses = sensesFromTable(senseTable);
  }

  /** The vocabulary of every term in the texts, in order of first appearance. */
  static fit(texts: readonly string[], options: IntentFeatureOptions = {}): IntentFeaturizer {
    const wordnet = options.wordnet ?? INTENT_FEATURE_DEFAULTS.wordnet;
    const probe = new IntentFeaturizer([], options);
    const senses = wordnet ? wordnetSenses() : undefined;
    const terms = new Set<string>();
    for (const t of texts) for (const term of probe.termsOf(t, senses).all) terms.add(term);
    const synsets = new Set([...terms].filter((t) => t.startsWith('s:')).map((t) => t.slice(2)));
    return new IntentFeaturizer([...terms], options, senses?.restrictedTo(synsets));
  }

  static fromJson(json: IntentFeaturesJson, vectors?: WordVectors): IntentFeaturizer {
    return new IntentFeaturizer(
      json.terms,
      { bigrams: json.bigrams, charNgrams: json.charNgrams, vectors, wordnet: !!json.senses },
      json.senses,
    );
  }

  toJson(): IntentFeaturesJson {
    return {
      terms: this.terms,
      bigrams: this.bigrams,
      charNgrams: this.charNgrams,
      ...(this.senseTable ? { senses: this.senseTable } : {}),
    };
  }

  /** Input size: one column per term, plus the vector size when vectors are used. */
  get dim(): number {
    return this.terms.length + (this.vectors?.dim ?? 0);
  }

  private termsOf(text: string, senses = this.senses): { words: string[]; all: string[] } {
    const words = messageWords(text);
    const stems = words.map(stemWord);
    const bag = stems.map((s) => `w:${s}`);
    if (this.bigrams) for (let i = 0; i + 1 < stems.length; i++) bag.push(`b:${stems[i]} ${stems[i + 1]}`);
    if (senses)
      for (const w of words)
        if (w.length > 2 && !NO_SENSES.has(w)) bag.push(...senses.synsets(w).map((id) => `s:${id}`));
    const grams = words.flatMap((w) => charNgrams(w, this.charNgrams)).map((g) => `c:${g}`);
    return { words, all: [...bag, ...grams] };
  }

  /** How many of the message's terms and words the featurizer knows (0: nothing to classify on). */
  knownCount(text: string): number {
    const { words, all } = this.termsOf(text);
    return (
      all.filter((t) => !t.startsWith('c:') && this.index.has(t)).length +
      (this.vectors ? words.filter((w) => this.vectors?.has(w)).length : 0)
    );
  }

  /** The feature rows of the texts, [texts.length × dim], row-major. */
  encode(texts: readonly string[]): Float32Array {
    const dim = this.dim;
    const out = new Float32Array(texts.length * dim);
    texts.forEach((text, n) => {
      const row = out.subarray(n * dim, (n + 1) * dim);
      const { words, all } = this.termsOf(text);
      const gramIds: number[] = [];
      for (const t of all) {
        const id = this.index.get(t);
        if (id === undefined) continue;
        if (t.startsWith('c:')) gramIds.push(id);
        else row[id] = 1;
      }
      // n-gram counts scaled to unit length, so long messages do not outweigh the word features
      for (const id of gramIds) row[id] += 1;
      const distinct = new Set(gramIds);
      let norm = 0;
      for (const id of distinct) norm += row[id] ** 2;
      for (const id of distinct) row[id] /= Math.sqrt(norm);
      if (this.vectors) this.addAverage(words, row.subarray(this.terms.length));
    });
    return out;
  }

  /** The unit-length mean of the known words' unit vectors, written into `target` [vectors.dim]. */
  private addAverage(words: readonly string[], target: Float32Array): void {
    const v = this.vectors!;
    for (const w of words) {
      if (!v.has(w)) continue;
      const x = v.vector(w);
      const len = Math.hypot(...x) || 1;
      for (let j = 0; j < v.dim; j++) target[j] += x[j] / len;
    }
    const norm = Math.hypot(...target);
    if (norm > 0) for (let j = 0; j < v.dim; j++) target[j] /= norm;
  }
}
