/**
 * compromise's NER scored like a model: entity-level F1 (seqeval rules, micro-averaged) on the
 * generated test split (`f1`) and on the hand-labelled set (`handF1`), on PER/LOC/ORG only because
 * compromise has no MISC, with per-type scores for both.
 *
 * @example
 * const r = compromiseBaseline({ testCount: 200 });
 * console.log(r.f1, r.handF1, r.perType.PER.f1, r.handPerType.LOC.f1);
 */
import { compromiseTextTags, compromiseTokenTags } from './compromise-ner';
import { TaggedSentence } from './conll';
import { entityF1, EntityF1Result, PrecisionRecallF1 } from './entity-metrics';
import { generateNerSentences, GenerateNerOptions } from './generate-ner';
import { loadHandLabelledNer } from './hand-labelled';

/** The types compromise can find (people, places, organisations). */
export const COMPROMISE_TYPES = ['PER', 'LOC', 'ORG'] as const;

export interface NerBaselineOptions {
  /** Generated test sentences to score on. */
  testCount?: number;
  /** Seed of the generated test sentences. */
  seed?: number;
  /** The partitioned entity lists, when already loaded. */
  lists?: GenerateNerOptions['lists'];
  /** The hand-labelled sentences (default: the shipped set). */
  hand?: TaggedSentence[];
}

export const NER_BASELINE_DEFAULTS = { testCount: 1000, seed: 1 } satisfies NerBaselineOptions;

export interface NerScores {
  /** Micro F1 over PER/LOC/ORG on the generated test split. */
  f1: number;
  /** Micro F1 over PER/LOC/ORG on the hand-labelled set. */
  handF1: number;
  /** Per-type scores on the generated test split. */
  perType: Record<string, PrecisionRecallF1>;
  /** Per-type scores on the hand-labelled set. */
  handPerType: Record<string, PrecisionRecallF1>;
  /** The full results (precision, recall, counts). */
  generated: EntityF1Result;
  handLabelled: EntityF1Result;
  sizes: { generated: number; handLabelled: number };
}

/** Scores any tagger given as two functions: tags for a generated sentence's text, and for the words of a hand-labelled sentence. */
export function scoreNerTagger(
  tagText: (text: string, tokens: readonly string[]) => string[],
  tagTokens: (tokens: readonly string[]) => string[],
  options: NerBaselineOptions = {},
  types: readonly string[] = COMPROMISE_TYPES,
): NerScores {
  const o = { ...NER_BASELINE_DEFAULTS, ...options };
  const test = generateNerSentences({ split: 'test', count: o.testCount, seed: o.seed, lists: o.lists });
  const hand = o.hand ?? loadHandLabelledNer();
  const generated = entityF1(
    test.map((s) => s.tags),
    test.map((s) => tagText(s.text, s.tokens)),
    { types },
  );
  const handLabelled = entityF1(
    hand.map((s) => s.tags),
    hand.map((s) => tagTokens(s.tokens)),
    { types },
  );
  return {
    f1: generated.f1,
    handF1: handLabelled.f1,
    perType: generated.perType,
    handPerType: handLabelled.perType,
    generated,
    handLabelled,
    sizes: { generated: test.length, handLabelled: hand.length },
  };
}

/** compromise's scores (see the module comment). */
export function compromiseBaseline(options: NerBaselineOptions = {}): NerScores {
  return scoreNerTagger(
    (text, tokens) => {
      const tagged = compromiseTextTags(text);
      if (tagged.tokens.join(' ') !== tokens.join(' '))
        throw new Error(`tokenisation differs for ${JSON.stringify(text)}`);
      return tagged.tags;
    },
    compromiseTokenTags,
    options,
  );
}
