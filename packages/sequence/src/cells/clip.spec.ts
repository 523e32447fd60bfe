import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { GradientDescent } from '@dlkit/core/scratch';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { clipGradientsByNorm, clipGradientsByValue, disposeGrads, globalNorm } from './clip';
import { ClippedOptimizer } from './clipped-optimizer';

beforeAll(async () => {
  await initBackend();
});

describe('clipGradientsByValue', () => {
  test('clips every entry to [-maxValue, maxValue], worked by hand', () => {
    // the course's Dinosaur Island check: clip(gradients, 10) of values in [-13, 10.1]
    const grads = {
      dWaa: tf.tensor2d([
        [-13, 0.5],
        [10.1, -10],
      ]),
      db: tf.tensor1d([3, -7]),
    };
    const clipped = clipGradientsByValue(grads, 10);
    expectClose(
      clipped.dWaa,
      tf.tensor2d([
        [-10, 0.5],
        [10, -10],
      ]),
      { label: 'dWaa' },
    );
    expectClose(clipped.db, tf.tensor1d([3, -7]), { label: 'db (inside the range: unchanged)' });
    const two = clipGradientsByValue(grads, 2);
    expectClose(two.db, tf.tensor1d([2, -2]), { label: 'db clipped at 2' });
    expect(Object.keys(clipped)).toEqual(['dWaa', 'db']);
    // new tensors: the caller's are untouched and still alive
    expectClose(
      grads.dWaa,
      tf.tensor2d([
        [-13, 0.5],
        [10.1, -10],
      ]),
      { label: 'input untouched' },
    );
    disposeGrads(clipped);
    disposeGrads(two);
    disposeGrads(grads);
  });

  test('validates maxValue', () => {
    expect(() => clipGradientsByValue({}, 0)).toThrow('maxValue must be a positive finite number, got 0');
    expect(() => clipGradientsByValue({}, Number.NaN)).toThrow('got NaN');
  });
});

describe('clipGradientsByNorm', () => {
  test('scales all tensors by maxNorm / global norm, worked by hand', () => {
    // N = sqrt(3^2 + 4^2 + 12^2) = sqrt(169) = 13
    const grads = { a: tf.tensor1d([3, 4]), b: tf.tensor2d([[12]]) };
    expect(globalNorm(grads)).toBeCloseTo(13, 6);
    // maxNorm 6.5 -> scale 6.5 / 13 = 0.5
    const half = clipGradientsByNorm(grads, 6.5);
    expectClose(half.a, tf.tensor1d([1.5, 2]), { label: 'a' });
    expectClose(half.b, tf.tensor2d([[6]]), { label: 'b' });
    expect(globalNorm(half)).toBeCloseTo(6.5, 5);
    // maxNorm 1 -> scale 1/13: the direction is kept (a[0]/b = 3/12), unlike clipping by value
    const unit = clipGradientsByNorm(grads, 1);
    expectClose(unit.a, tf.tensor1d([3 / 13, 4 / 13]), { label: 'a / 13' });
    expectClose(unit.b, tf.tensor2d([[12 / 13]]), { label: 'b / 13' });
    const byValue = clipGradientsByValue(grads, 1);
    expectClose(byValue.a, tf.tensor1d([1, 1]), { label: 'by value loses the direction' });
    // below the threshold: unchanged copies
    const same = clipGradientsByNorm(grads, 13.5);
    expectClose(same.a, grads.a, { label: 'unclipped a' });
    expect(same.a).not.toBe(grads.a);
    [half, unit, byValue, same, grads].forEach(disposeGrads);
  });

  test('refuses a non-finite norm and a bad maxNorm; leaks nothing', async () => {
    const bad = { a: tf.tensor1d([1, Number.POSITIVE_INFINITY]) };
    expect(() => clipGradientsByNorm(bad, 5)).toThrow("the gradients' global norm is Infinity");
    expect(() => clipGradientsByNorm({}, -1)).toThrow('maxNorm must be a positive finite number, got -1');
    disposeGrads(bad);
    const grads = { a: tf.randomNormal([10, 10], 0, 1, 'float32', 1), b: tf.randomNormal([10], 0, 1, 'float32', 2) };
    await expectNoLeak(() => {
      disposeGrads(clipGradientsByNorm(grads, 0.1));
      disposeGrads(clipGradientsByNorm(grads, 1e6));
      disposeGrads(clipGradientsByValue(grads, 0.5));
      globalNorm(grads);
    });
    disposeGrads(grads);
  });
});

describe('ClippedOptimizer', () => {
  test('clips, then lets the wrapped optimizer update; records the norm before clipping', async () => {
    const params = { a: tf.variable(tf.zeros([2])), b: tf.variable(tf.zeros([1, 1])) };
    const grads = { a: tf.tensor1d([3, 4]), b: tf.tensor2d([[12]]) };
    // plain gradient descent, lr 1: W := W - clipped grad = -(0.5 * g) since the norm 13 is scaled to 6.5
    const opt = new ClippedOptimizer(new GradientDescent({ learningRate: 1 }), { clipNorm: 6.5 });
    expect(opt.name).toBe(`${opt.inner.name}+clip`);
    opt.step(params, grads);
    expect(opt.lastNorm).toBeCloseTo(13, 6);
    expectClose(params.a, tf.tensor1d([-1.5, -2]), { label: 'a' });
    expectClose(params.b, tf.tensor2d([[-6]]), { label: 'b' });
    // by value after by norm: 0.5 g = [1.5, 2], [6] then clipped to 1.75 -> [1.5, 1.75], [1.75]; lr 0.1 from the step
    const both = new ClippedOptimizer(new GradientDescent({ learningRate: 1 }), { clipNorm: 6.5, clipValue: 1.75 });
    both.step(params, grads, 0.1);
    expectClose(params.a, tf.tensor1d([-1.65, -2.175]), { label: 'a after both' });
    expectClose(params.b, tf.tensor2d([[-6.175]]), { label: 'b after both' });
    await expectNoLeak(() => both.step(params, grads));
    expect(() => new ClippedOptimizer(new GradientDescent(), { clipNorm: 0 })).toThrow(
      'maxNorm must be a positive finite number, got 0',
    );
    opt.dispose();
    both.dispose();
    disposeGrads(grads);
    disposeGrads(params);
  });
});
