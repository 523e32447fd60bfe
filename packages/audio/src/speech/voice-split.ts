import { Rng } from '@dlkit/core';
import type { VoiceSpec } from './speech-synthesizer';

export interface VoiceSplitOptions {
  seed: number;
  /** Base voices whose every combination goes to the test set (never heard in training). */
  testBaseVoices?: number;
  /** Share of the other combinations held out for testing. */
  testFraction?: number;
  /** Share of the other combinations held out for validation. */
  validationFraction?: number;
}

export const VOICE_SPLIT_DEFAULTS = { testBaseVoices: 1, testFraction: 0.2, validationFraction: 0.1 } satisfies Omit<
  VoiceSplitOptions,
  'seed'
>;

export interface VoiceSplit {
  train: VoiceSpec[];
  validation: VoiceSpec[];
  test: VoiceSpec[];
  /** The base voices that only the test set uses. */
  testOnlyVoices: string[];
}

/**
 * A seeded split of voice+variant combinations into train, validation and test, disjoint: the test
 * set has `testBaseVoices` base voices all to itself, plus a share of the other combinations.
 * Scores on `test` are then on voices the model never heard (within one synthesizer).
 * @example
 * const split = splitVoices(['en-us', 'en-gb', 'en-gb-scotland'], ['', 'f1', 'm3'], { seed: 1 });
 * split.testOnlyVoices; // e.g. ['en-gb']: 'en-gb', 'en-gb+f1' and 'en-gb+m3' are all in split.test
 */
export function splitVoices(voices: string[], variants: string[], options: VoiceSplitOptions): VoiceSplit {
  const o = { ...VOICE_SPLIT_DEFAULTS, ...options };
  if (voices.length <= o.testBaseVoices) {
    throw new Error(
      `splitVoices: need more than ${o.testBaseVoices} base voices to hold some out, got ${voices.length}`,
    );
  }
  const rng = new Rng(o.seed);
  const order = rng.permutation(voices.length).map((i) => voices[i]);
  const testOnlyVoices = order.slice(0, o.testBaseVoices);
  const combos = (vs: string[]) =>
    vs.flatMap((voice) => variants.map((variant) => (variant ? { voice, variant } : { voice })));
  const rest = combos(order.slice(o.testBaseVoices));
  const shuffled = rng.permutation(rest.length).map((i) => rest[i]);
  const nTest = Math.round(o.testFraction * shuffled.length);
  const nValidation = Math.round(o.validationFraction * shuffled.length);
  return {
    test: [...combos(testOnlyVoices), ...shuffled.slice(0, nTest)],
    validation: shuffled.slice(nTest, nTest + nValidation),
    train: shuffled.slice(nTest + nValidation),
    testOnlyVoices,
  };
}
