import { Rng } from '@dlkit/core';
import { drawCategorical, sampleLogits, samplingProbabilities } from './sampling';

describe('samplingProbabilities', () => {
  it('is the softmax at temperature 1', () => {
    // softmax([0, ln 2, ln 3]) = [1, 2, 3] / 6
    const p = samplingProbabilities([0, Math.log(2), Math.log(3)]);
    expect([...p].map((x) => x * 6)).toEqual([expect.closeTo(1, 12), expect.closeTo(2, 12), expect.closeTo(3, 12)]);
  });

  it('divides logits by the temperature', () => {
    // T = 0.5 squares the odds: [1, 4, 9] / 14
    const p = samplingProbabilities([0, Math.log(2), Math.log(3)], { temperature: 0.5 });
    expect(p[2]).toBeCloseTo(9 / 14, 12);
  });

  it('keeps only the top k and renormalises', () => {
    const p = samplingProbabilities([0, Math.log(2), Math.log(3)], { topK: 2 });
    expect([...p]).toEqual([0, expect.closeTo(0.4, 12), expect.closeTo(0.6, 12)]);
  });

  it('is argmax at temperature 0', () => {
    expect([...samplingProbabilities([1, 5, 3], { temperature: 0 })]).toEqual([0, 1, 0]);
  });

  it('rejects bad options', () => {
    expect(() => samplingProbabilities([1], { temperature: -1 })).toThrow(/temperature/);
    expect(() => samplingProbabilities([1], { topK: 0 })).toThrow(/topK/);
    expect(() => samplingProbabilities([])).toThrow(/empty/);
  });
});

describe('drawCategorical', () => {
  it('matches the distribution over many seeded draws and never picks a zero', () => {
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[drawCategorical([0.1, 0, 0.3, 0.6], rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 20000).toBeCloseTo(0.1, 1);
    expect(counts[3] / 20000).toBeCloseTo(0.6, 1);
  });

  it('is reproducible per seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => sampleLogits([0.2, 1, 0.5, 2], { temperature: 1.2 }, rng));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });
});
