import { constantLr, cosineWithWarmup, exponentialDecay, inverseTimeDecay, stepDecay } from './schedules';

describe('learning-rate schedules', () => {
  it('inverse-time decay matches the course formula lr0 / (1 + decay * epoch)', () => {
    const s = inverseTimeDecay(0.2, { decayRate: 1 });
    expect(s(0)).toBeCloseTo(0.2);
    expect(s(1)).toBeCloseTo(0.1); // 0.2 / 2
    expect(s(3)).toBeCloseTo(0.05); // 0.2 / 4
    // with an interval, the rate only falls every `interval` epochs
    const fixedInterval = inverseTimeDecay(0.1, { decayRate: 0.5, interval: 10 });
    expect(fixedInterval(9)).toBeCloseTo(0.1);
    expect(fixedInterval(10)).toBeCloseTo(0.1 / 1.5);
  });

  it('exponential and step decay', () => {
    expect(exponentialDecay(1, { rate: 0.5 })(2)).toBeCloseTo(0.25);
    expect(stepDecay(1, { factor: 0.1, stepSize: 5 })(4)).toBeCloseTo(1);
    expect(stepDecay(1, { factor: 0.1, stepSize: 5 })(5)).toBeCloseTo(0.1);
    expect(constantLr(0.3)(100)).toBe(0.3);
  });

  it('cosine with warmup ramps up linearly, peaks, then decays to minLr', () => {
    const s = cosineWithWarmup(1, { totalEpochs: 12, warmupEpochs: 2, minLr: 0.1, warmupStart: 0 });
    expect(s(0)).toBeCloseTo(0);
    expect(s(1)).toBeCloseTo(0.5);
    expect(s(2)).toBeCloseTo(1);
    expect(s(7)).toBeCloseTo(0.55); // halfway through decay: 0.1 + 0.45 * (1 + cos(pi/2))
    expect(s(12)).toBeCloseTo(0.1);
    expect(() => cosineWithWarmup(1, { totalEpochs: 2, warmupEpochs: 2 })).toThrow(/must exceed/);
  });
});
