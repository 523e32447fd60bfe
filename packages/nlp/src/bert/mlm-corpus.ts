/**
 * The sentences a masked LM pretrains on (pretrainMlm's `corpus`): WordNet's gloss definitions and
 * examples (plus "<name> is <definition>" sentences for WordNet's named things, which teach what
 * names such as "Munich" are), and the Brown corpus's 57,340 sentences of 1961 American English,
 * whose running text (news, fiction, letters) has the frames names stand in — "Mr. X said", "grew
 * up speaking X", "X knew the way" — that definitions lack.
 *
 * @example
 * mlmCorpusSentences({ corpus: ['brown'], maxSentences: 2, rng: new Rng(1) }); // two shuffled Brown sentences
 */
import type { Rng } from '@dlkit/core';
import { brownSentences, type BrownSentence } from '../text/brown-corpus';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { wordnetNameDefinitions } from '../text/wordnet-name-definitions';

export const MLM_CORPORA = ['wordnet', 'brown'] as const;
export type MlmCorpus = (typeof MLM_CORPORA)[number];

export interface MlmCorpusOptions {
  corpus: readonly MlmCorpus[];
  /** Sentences drawn from each corpus (after a seeded shuffle). */
  maxSentences: number;
  /** With 'wordnet': add one "<name> is <definition>" sentence per four glosses. */
  nameDefinitions?: boolean;
  /** Applied to every gloss and Brown sentence (e.g. sentenceCase: WordNet's glosses open in lower case). */
  normalize?: (s: string) => string;
  rng: Rng;
}

/** A Brown sentence as plain text: words joined by spaces, the corpus's `` and '' quotes as ". */
export function brownText(s: Pick<BrownSentence, 'words'>): string {
  return s.words.map((w) => (w === '``' || w === "''" ? '"' : w)).join(' ');
}

/** The shuffled sentences of the chosen corpora (the same draws as before Brown existed when it is WordNet alone). */
export function mlmCorpusSentences(o: MlmCorpusOptions): string[] {
  const unknown = o.corpus.filter((c) => !MLM_CORPORA.includes(c));
  if (o.corpus.length === 0 || unknown.length > 0)
    throw new Error(`corpus must list ${MLM_CORPORA.join(' and/or ')}, got ${JSON.stringify(o.corpus)}`);
  const normalize = o.normalize ?? ((s: string) => s);
  let all: string[] = [];
  if (o.corpus.includes('wordnet')) {
    const glosses = o.rng.shuffle(wordnetGlossSentences().map(normalize)).slice(0, o.maxSentences);
    const names = o.nameDefinitions
      ? o.rng.shuffle(wordnetNameDefinitions()).slice(0, Math.round(glosses.length / 4))
      : [];
    all = o.nameDefinitions ? o.rng.shuffle([...glosses, ...names]) : glosses;
  }
  if (o.corpus.includes('brown')) {
    const brown = o.rng.shuffle(brownSentences().map((s) => normalize(brownText(s)))).slice(0, o.maxSentences);
    all = o.rng.shuffle([...all, ...brown]);
  }
  return all;
}
