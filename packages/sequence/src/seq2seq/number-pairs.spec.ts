import { Rng } from '@dlkit/core';
import { MAX_NUMBER } from './number-words';
import { logUniformNumber, numberPairs, numberSplit } from './number-pairs';

describe('number pairs', () => {
  it('draws log-uniformly: every decade about equally often, all in 0..999,999', () => {
    const rng = new Rng(3);
    const decades = new Array(7).fill(0);
    let outside = 0;
    for (let i = 0; i < 60_000; i++) {
      const n = logUniformNumber(rng);
      if (!(n >= 0 && n <= MAX_NUMBER && Number.isInteger(n))) outside++;
      decades[n === 0 ? 0 : Math.floor(Math.log10(n))]++;
    }
    expect(outside).toBe(0);
    // P(n < 9) = ln(10)/ln(1e6+1) ≈ 1/6, and each decade [10^k, 10^(k+1)) ≈ 1/6 (n = 0..8: the first bucket).
    for (const count of decades.slice(0, 6)) expect(count / 60_000).toBeGreaterThan(0.14);
    for (const count of decades.slice(0, 6)) expect(count / 60_000).toBeLessThan(0.19);
  });

  it('splits by value: distinct, disjoint, held-out numbers from 100 up, seeded', () => {
    const a = numberSplit({ train: 3000, heldOut: 500, seed: 4 });
    expect(a.train).toHaveLength(3000);
    expect(a.heldOut).toHaveLength(500);
    expect(new Set(a.train).size).toBe(3000);
    expect(new Set(a.heldOut).size).toBe(500);
    const train = new Set(a.train);
    expect(a.heldOut.filter((n) => train.has(n))).toEqual([]);
    expect(Math.min(...a.heldOut)).toBeGreaterThanOrEqual(100);
    expect(a.train.filter((n) => n < 100).length).toBeGreaterThan(90); // the small numbers are all in training
    expect(numberSplit({ train: 3000, heldOut: 500, seed: 4 })).toEqual(a);
    expect(numberSplit({ train: 3000, heldOut: 500, seed: 5 }).heldOut).not.toEqual(a.heldOut);
    expect(() => numberSplit({ train: 400_000, heldOut: 200_000 })).toThrow('at most 500000 numbers in all');
  });

  it('pairs the phrases of a preset', () => {
    expect(numberPairs([412, 21000], 'en-fr')).toEqual([
      { source: 'four hundred twelve', target: 'quatre cent douze', value: 412 },
      { source: 'twenty-one thousand', target: 'vingt et un mille', value: 21000 },
    ]);
    expect(numberPairs([21000], 'en-es')[0].target).toBe('veintiún mil');
    expect(numberPairs([1971], 'en-de')[0].target).toBe('eintausendneunhunderteinundsiebzig');
    expect(() => numberPairs([1], 'en-it' as 'en-fr')).toThrow(
      'unknown number preset "en-it" (known: en-fr, en-de, en-es)',
    );
  });
});
