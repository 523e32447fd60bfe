import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Rng } from '../data/rng';
import { blobs, tinyClassifier } from './__fixtures__/tiny';
import { NonFiniteLossError } from './errors';
import { intUniform, linUniform, logUniform, oneOf, randomSearch } from './random-search';
import { Trainer } from './trainer';

beforeAll(() => initBackend());

describe('samplers', () => {
  it('logUniform spreads samples evenly over decades (chi-square test)', () => {
    const rng = new Rng(1);
    const s = logUniform(1e-4, 1);
    const n = 20000;
    const counts = [0, 0, 0, 0];
    let [min, max] = [Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const v = s.sample(rng);
      [min, max] = [Math.min(min, v), Math.max(max, v)];
      counts[Math.floor(-Math.log10(v))]++; // decade 0: [0.1, 1), ..., 3: [1e-4, 1e-3)
    }
    // one expect for the range, not 40,000 (each expect call costs ~1 ms)
    expect(min).toBeGreaterThanOrEqual(1e-4);
    expect(max).toBeLessThan(1);
    const expected = n / 4;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(16.27); // chi-square, 3 degrees of freedom, p = 0.001
    // A linear sampler would put ~90% in the top decade: the log scale matters.
    const lin = linUniform(1e-4, 1);
    let top = 0;
    for (let i = 0; i < 2000; i++) if (lin.sample(rng) >= 0.1) top++;
    expect(top / 2000).toBeGreaterThan(0.85);
  });

  it('intUniform and oneOf cover their values; bad ranges are rejected', () => {
    const rng = new Rng(2);
    const ints = new Set(Array.from({ length: 200 }, () => intUniform(3, 6).sample(rng)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    const picks = new Set(Array.from({ length: 100 }, () => oneOf(['a', 'b']).sample(rng)));
    expect([...picks].sort()).toEqual(['a', 'b']);
    expect(() => logUniform(0, 1)).toThrow(/0 < low < high/);
    expect(() => intUniform(2, 1.5)).toThrow(/integers low <= high/);
  });
});

describe('randomSearch', () => {
  it('returns trials best first, is reproducible from the seed, and records diverged trials last', async () => {
    const space = { x: linUniform(-1, 1), lr: logUniform(1e-3, 1) };
    const evaluate = ({ x, lr }: { x: number; lr: number }) => {
      if (lr > 0.5)
        throw new NonFiniteLossError({ epoch: 0, epochs: 1, batch: 0, batches: 1, loss: Number.NaN, learningRate: lr });
      return -(x * x);
    };
    const trials = await randomSearch({ space, trials: 12, seed: 4, evaluate });
    const again = await randomSearch({ space, trials: 12, seed: 4, evaluate });
    expect(again.map((t) => t.params)).toEqual(trials.map((t) => t.params));
    const ok = trials.filter((t) => !Number.isNaN(t.score));
    const failed = trials.filter((t) => Number.isNaN(t.score));
    expect(trials.slice(0, ok.length)).toEqual(ok); // failures last
    for (let i = 1; i < ok.length; i++) expect(ok[i - 1].score).toBeGreaterThanOrEqual(ok[i].score);
    expect(Math.abs(trials[0].params.x)).toBe(Math.min(...ok.map((t) => Math.abs(t.params.x))));
    for (const f of failed) expect(f.error).toMatch(/loss is NaN/);
    expect(failed.length).toBeGreaterThan(0);
    const min = await randomSearch({
      space: { x: linUniform(-1, 1) },
      trials: 5,
      goal: 'minimize',
      evaluate: ({ x }) => x,
    });
    expect(min[0].params.x).toBe(Math.min(...min.map((t) => t.params.x)));
  });

  // Slow (~2-5 s): a random search of several short training runs.
  it('finds a learning rate that trains a tiny model', async () => {
    const before = tf.memory().numTensors;
    const { x, y } = blobs(60, 8);
    const val = blobs(30, 9);
    const trials = await randomSearch({
      space: { learningRate: logUniform(1e-5, 1) },
      trials: 6,
      seed: 3,
      evaluate: async ({ learningRate }, { seed }) => {
        const model = tinyClassifier(seed % 1000);
        const trainer = new Trainer(model, {
          epochs: 4,
          batchSize: 10,
          seed,
          optimizer: 'sgd',
          learningRate,
          loss: 'categoricalCrossentropy',
          validationData: { x: val.x, y: val.y },
          progress: false,
        });
        try {
          return (await trainer.fit({ x, y })).last()!.valAcc!;
        } finally {
          trainer.dispose();
          model.dispose();
        }
      },
    });
    const lrs = trials.map((t) => t.params.learningRate.toExponential(1));
    // The decades are covered and the best trial has a usable rate and a good score.
    expect(Math.min(...trials.map((t) => t.params.learningRate))).toBeLessThan(1e-3);
    expect(trials[0].score).toBeGreaterThan(0.85);
    expect(trials[0].params.learningRate).toBeGreaterThan(1e-2);
    expect(trials[trials.length - 1].score).toBeLessThan(0.7);
    expect(lrs).toHaveLength(6);
    tf.dispose([x, y, val.x, val.y]);
    expect(tf.memory().numTensors).toBe(before); // six training runs leave no tensor behind
  }, 30_000);
});
