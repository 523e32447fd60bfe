/**
 * Data augmentation for the generated NER training sentences, after Dai & Adel 2020 ("An Analysis
 * of Simple Data Augmentation for Named Entity Recognition"): label-wise token replacement,
 * restricted to the words outside entities, plus joining two sentences into one.
 *
 * Why: trained on template sentences alone, a small BERT learns "a word of the training frames is
 * O, anything else is an entity": 44 % of the held-out sentences' O words never occur in the train
 * templates, and the model tagged them ("who grew up speaking") as entities (f1 0.13; the same
 * model in PyTorch on the same data: 0.155). Replacing context words by random real English words
 * (WordNet's gloss vocabulary) makes "an unknown lower-case word" mean O and leaves the entities'
 * shape and neighbours as the cue; joining sentences moves entities away from the few positions
 * the templates put them in. Entity words and tags are never changed.
 *
 * @example
 * const words = contextWords();
 * augmentNerSentences([{ tokens: ['Ann', 'flew', 'to', 'Lima', '.'], tags: ['B-PER', 'O', 'O', 'B-LOC', 'O'] }], { words });
 * // e.g. [{ tokens: ['Ann', 'flew', 'across', 'Lima', '.'], tags: [...the same] }]
 */
import { Rng } from '@dlkit/core';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import type { TaggedSentence } from './conll';
import { brownSentenceOpeners } from './sentence-openers';

export interface AugmentNerOptions {
  /** Replacement words (lower-case; default: contextWords()). */
  words?: readonly string[];
  /** Probability that a lower-case O word is replaced. */
  replaceRate?: number;
  /** Probability that a sentence is followed by the next one in the same row. */
  joinRate?: number;
  /**
   * Probability that a capitalised O word opening a sentence ("The", "Shares") is replaced by a
   * random word, capitalised: otherwise every unknown capitalised first word looks like a name
   * ("Translated from ..." tagged PER). Needs a tokenizer that knows capitalised words (pretrainMlm's
   * `sentenceCase`).
   */
  initialRate?: number;
  /**
   * Probability that a sentence opening with an entity gets a capitalised function word before it
   * ("From Lima to ...", "Only Ann knew ..."), tagged O, so that a word right before a name is not
   * read as part of it. Drawn from `openers` (default: brownSentenceOpeners()).
   */
  openerRate?: number;
  /** The words openerRate puts first (capitalised). */
  openers?: readonly string[];
  seed?: number;
}

export const AUGMENT_NER_DEFAULTS = { replaceRate: 0.5, joinRate: 0.3, initialRate: 0, openerRate: 0, seed: 1 };

/** Lower-case words occurring at least `minCount` times in WordNet's glosses (6,578 at 20), most frequent first. */
export function contextWords(minCount = 20, sentences: readonly string[] = wordnetGlossSentences()): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const w of s.split(/[^A-Za-z'-]+/)) if (/^[a-z]+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
}

/** One row per input row (seeded): O words replaced, some rows followed by the next row. */
export function augmentNerSentences(
  sentences: readonly TaggedSentence[],
  options: AugmentNerOptions = {},
): TaggedSentence[] {
  const o = { ...AUGMENT_NER_DEFAULTS, ...options };
  const words = options.words ?? contextWords();
  if (words.length === 0) throw new Error('augmentNerSentences: no replacement words');
  for (const [name, p] of [
    ['replaceRate', o.replaceRate],
    ['joinRate', o.joinRate],
    ['initialRate', o.initialRate],
    ['openerRate', o.openerRate],
  ] as const)
    if (!(p >= 0 && p <= 1)) throw new Error(`augmentNerSentences: ${name} must be in [0, 1], got ${p}`);
  const rng = new Rng(o.seed);
  const replace = (s: TaggedSentence): TaggedSentence => ({
    tags: [...s.tags],
    tokens: s.tokens.map((t, i) => {
      if (s.tags[i] !== 'O') return t;
      if (i === 0 && /^[A-Z][a-z]+$/.test(t)) {
        if (rng.uniform() >= o.initialRate) return t;
        const w = words[rng.int(words.length)];
        return w[0].toUpperCase() + w.slice(1);
      }
      if (rng.uniform() >= o.replaceRate) return t;
      if (!/^[a-z]+$/.test(t)) return t; // keep punctuation, numbers, "Mr.", capitalised words
      return words[rng.int(words.length)];
    }),
  });
  const openers = o.openerRate > 0 ? (options.openers ?? brownSentenceOpeners()) : [];
  if (o.openerRate > 0 && openers.length === 0) throw new Error('augmentNerSentences: no opener words');
  // Only sentences that open with an entity draw, so other rows (and rates of 0) keep their draws.
  const open = (s: TaggedSentence): TaggedSentence =>
    s.tags[0] === undefined || s.tags[0] === 'O' || rng.uniform() >= o.openerRate
      ? s
      : { tokens: [openers[rng.int(openers.length)], ...s.tokens], tags: ['O', ...s.tags] };
  const out = sentences.map((s) => (o.openerRate > 0 ? open(replace(s)) : replace(s)));
  return out.map((s, i) => {
    if (out.length < 2 || rng.uniform() >= o.joinRate) return s;
    const next = out[(i + 1) % out.length];
    return { tokens: [...s.tokens, ...next.tokens], tags: [...s.tags, ...next.tags] };
  });
}
