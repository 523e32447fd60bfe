// Seq2seq with attention really learns: held-out dates translated far above chance.
import { initBackend, Rng } from '@dlkit/core';
import { DateSplit, formatDate, dateFromDayNumber, isoDate } from './dates';
import { PairCoder, type Pair } from './pairs';
import { trainTranslator } from './train';

beforeAll(() => initBackend());

// A small, quick task: day-first dotted dates (09.05.2018) to ISO (2018-05-09), so the model must
// learn to reorder the fields with its attention.
function numericPairs(n: number, pool: readonly number[], rng: Rng): Pair[] {
  return Array.from({ length: n }, () => {
    const date = dateFromDayNumber(pool[rng.int(pool.length)]);
    return { source: formatDate(date, 'dd.mm.yyyy'), target: isoDate(date) };
  });
}
const SMALL = { nA: 16, nS: 32, attentionUnits: 8 };

describe('seq2seq training', () => {
  // Slow (~15-25 s): 5 epochs on 1,200 date pairs.
  it('learns to reorder numeric dates (held-out dates, far above chance)', async () => {
    const split = new DateSplit({ seed: 2 });
    const rng = new Rng(2);
    const train = numericPairs(1200, split.train, rng);
    const test = numericPairs(300, split.heldOut, rng);
    const coder = PairCoder.fromPairs([...train, ...test]);
    const { translator, history } = await trainTranslator(coder, train, {
      ...SMALL,
      epochs: 5,
      batchSize: 40,
      learningRate: 0.02,
      learningRateDecay: 1,
      seed: 3,
      progress: false,
    });
    const losses = history.epochs.map((e) => e.loss);
    const { exactMatch, charAccuracy } = translator.evaluate(test);
    translator.dispose();
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.5);
    // Chance: ~1/12 per character, ~1e-11 for a whole 10-character date.
    expect(charAccuracy).toBeGreaterThan(0.7);
    expect(exactMatch).toBeGreaterThan(0.02);
  }, 180_000);
});
