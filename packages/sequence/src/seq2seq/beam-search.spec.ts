import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { beamDecode, greedyDecode, sequenceScore, type DecoderSession } from './beam-search';
import { PairCoder } from './pairs';
import { trainTranslator } from './train';

beforeAll(() => initBackend());

/**
 * A decoder over tokens {0 = end, 1 = a, 2 = b} whose next-token distribution depends only on the
 * previous token (the same for every row): greedy takes 'a' (0.6) first, but after 'a' every
 * continuation is uncertain, while 'b' (0.4) is followed by the end with certainty 0.99.
 */
const P: Record<number, number[]> = {
  [-1]: [0.0, 0.6, 0.4],
  1: [0.34, 0.33, 0.33],
  2: [0.99, 0.005, 0.005],
  0: [1, 0, 0],
};
function markovSession(rows: number): DecoderSession {
  let n = rows;
  return {
    get rows() {
      return n;
    },
    vocab: 3,
    step(previous) {
      const out = new Float32Array(n * 3);
      for (let r = 0; r < n; r++) P[previous[r]].forEach((p, v) => (out[r * 3 + v] = Math.log(Math.max(p, 1e-30))));
      return out;
    },
    select(rows) {
      n = rows.length;
    },
    dispose() {},
  };
}

describe('greedy and beam decoding', () => {
  it('worked example: beam finds "b" + end (log 0.4·0.99) where greedy takes "a" + end (log 0.6·0.34)', () => {
    const greedy = greedyDecode(markovSession(2), { steps: 5 });
    expect(greedy[0].ids).toEqual([1]);
    expect(greedy[0].logProb).toBeCloseTo(Math.log(0.6 * 0.34), 5);
    expect(greedy[0].score).toBeCloseTo(Math.log(0.6 * 0.34) / 2, 5);
    const beam = beamDecode(markovSession(2), { steps: 5, beamWidth: 2 });
    expect(beam.map((d) => d.ids)).toEqual([[2], [2]]);
    expect(beam[0].logProb).toBeCloseTo(Math.log(0.4 * 0.99), 5);
    expect(beamDecode(markovSession(2), { steps: 5, beamWidth: 1 })).toEqual(greedy);
    // Out of steps: the open hypothesis ends without an end token, its length is the steps taken.
    expect(greedyDecode(markovSession(1), { steps: 1 })[0]).toEqual({
      ids: [1],
      logProb: expect.closeTo(Math.log(0.6), 5),
      score: expect.closeTo(Math.log(0.6), 5),
    });
    expect(sequenceScore(-6, 3, 0)).toBe(-6);
    expect(sequenceScore(-6, 3)).toBe(-2);
    expect(() => beamDecode(markovSession(1), { steps: 5, beamWidth: 0 })).toThrow(
      'beamWidth must be a positive integer, got 0',
    );
  });

  // Slow (~4-8 s idle, 13 s with the 2 cores shared): trains a tiny translator (decoder fed the previous character) for 6 epochs.
  it('on a tiny trained model: width 1 equals greedy, wider beams score at least as well, nothing leaks', async () => {
    const words = [
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
      'juliet',
      'kilo',
      'lima',
    ];
    const pairs = words.map((w) => ({ source: w, target: [...w].reverse().join('') }));
    const coder = PairCoder.fromPairs(pairs, { ty: 8 });
    const { translator } = await trainTranslator(coder, pairs, {
      nA: 8,
      nS: 16,
      attentionUnits: 4,
      feedPrevious: true,
      epochs: 6,
      batchSize: 4,
      seed: 3,
      progress: false,
    });
    try {
      const greedy = translator.translateBatch(words);
      expect(translator.translateBatch(words, { beamWidth: 1 })).toEqual(greedy);
      for (const width of [2, 4]) {
        const beam = translator.translateBatch(words, { beamWidth: width, batchSize: 5 });
        beam.forEach((b, i) => expect(b.score).toBeGreaterThanOrEqual(greedy[i].score - 1e-6));
      }
      await expectNoLeak(() => translator.translateBatch(words.slice(0, 3), { beamWidth: 3 }));
    } finally {
      translator.dispose();
    }
  }, 60_000);
});
