import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Rng } from '../data/rng';
import { expectNoLeak } from '../testing';
import { he, INITIALIZERS, randomScaled, resolveInitializer, xavier, zeros } from './initializers';

beforeAll(async () => {
  await initBackend();
});

function stats(t: tf.Tensor): { mean: number; std: number } {
  const v = Array.from(t.dataSync());
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const std = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
  t.dispose();
  return { mean, std };
}

test('standard deviations follow the course: xavier sqrt(1/fanIn), he sqrt(2/fanIn), randomScaled(s) s', () => {
  // 40,000 samples: the sample std is within ~0.4% (1/sqrt(2n)) of the true one; 2% is > 5 sigma
  const shape = [200, 200];
  const cases: [number, number][] = [
    [stats(xavier(shape, 50, new Rng(1))).std, Math.sqrt(1 / 50)],
    [stats(he(shape, 50, new Rng(2))).std, Math.sqrt(2 / 50)],
    [stats(randomScaled(10)(shape, 50, new Rng(3))).std, 10],
    [stats(INITIALIZERS.random(shape, 50, new Rng(4))).std, 0.01],
  ];
  for (const [got, want] of cases) expect(Math.abs(got / want - 1)).toBeLessThan(0.02);
  const z = zeros([3, 2], 3, new Rng(0));
  expect(Array.from(z.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
  z.dispose();
});

test('seeded: same seed same values on any backend, the generator advances between draws', () => {
  const a = he([4, 3], 4, new Rng(7));
  const b = he([4, 3], 4, new Rng(7));
  expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
  const rng = new Rng(7);
  const first = he([4, 3], 4, rng);
  const second = he([4, 3], 4, rng);
  expect(Array.from(first.dataSync())).not.toEqual(Array.from(second.dataSync()));
  tf.dispose([a, b, first, second]);
});

test('each initializer returns one tensor and leaves nothing else behind', async () => {
  for (const init of Object.values(INITIALIZERS)) await expectNoLeak(() => init([4, 3], 4, new Rng(1)).dispose());
});

test('names resolve through the table; bad input is named', () => {
  expect(resolveInitializer('he')).toBe(he);
  expect(resolveInitializer(xavier)).toBe(xavier);
  expect(() => resolveInitializer('glorot' as never)).toThrow(
    "unknown initializer 'glorot', expected one of zeros, xavier, he, random, large",
  );
  expect(() => he([2, 2], 0, new Rng(0))).toThrow('fanIn must be a positive integer, got 0');
  expect(() => randomScaled(Number.NaN)).toThrow('scale must be a finite number');
});
