import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { GradientDescent } from '../optim/gradient-descent';
import { Dense } from '../scratch/layers/dense';
import { ScratchSequential } from '../scratch/sequential';
import { expectClose, expectNoLeak } from '../testing';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy';
import { binaryAccuracy, fitScratch } from './train';

beforeAll(async () => {
  await initBackend();
});

/** A logistic unit with fixed weights W = [[1], [-1]], b = 0: predicts 1 when x1 > x2. */
function fixedLogistic(): ScratchSequential {
  const model = new ScratchSequential([new Dense({ units: 1, inputDim: 2, initializer: 'zeros' })]);
  const W = tf.tensor2d([[1], [-1]]);
  model.params()['dense1.W'].assign(W);
  W.dispose();
  return model;
}

describe('fit and accuracy', () => {
  it('accuracy thresholds the logit at 0', () => {
    const model = fixedLogistic();
    const X = tf.tensor2d([
      [2, 1],
      [0, 1],
      [3, 0],
      [1, 2],
    ]); // logits 1, -1, 3, -1
    const Y = tf.tensor2d([[1], [0], [0], [1]]); // predictions 1, 0, 1, 0: two right
    expect(binaryAccuracy(model, X, Y)).toBe(0.5);
    tf.dispose([X, Y]);
    model.dispose();
  });

  it('one full-batch epoch is one gradient step: W - lr * X^T (sigmoid(XW) - Y) / m', () => {
    const model = fixedLogistic();
    const X = tf.tensor2d([
      [1, 0],
      [0, 2],
    ]);
    const Y = tf.tensor2d([[0], [1]]);
    // logits [1, -2]; sigmoid [0.731059, 0.119203]; dZ = ([0.731059, 0.119203] - [0, 1]) / 2 = [0.365529, -0.440399]
    // dW = X^T dZ = [0.365529, -0.880797]; db = 0.365529 - 0.440399 = -0.074870
    // lr 0.5: W = [1 - 0.182765, -1 + 0.440399] = [0.817235, -0.559601]; b = 0.037435
    const result = fitScratch(model, X, Y, new GradientDescent({ learningRate: 0.5 }), { epochs: 1 });
    expect(result.steps).toBe(1);
    expectClose(model.params()['dense1.W'], [0.817235, -0.559601]);
    expectClose(model.params()['dense1.b'], [0.037435]);
    // the reported cost is that of the step, before the update: (ln(1 + e^1) + ln(1 + e^2)) / 2
    expect(result.finalCost).toBeCloseTo((Math.log(1 + Math.E) + Math.log(1 + Math.exp(2))) / 2, 5);
    tf.dispose([X, Y]);
    model.dispose();
  });

  it('mini-batches: ceil(m / batchSize) steps per epoch, reproducible per seed, no leaks', async () => {
    const X = tf.tensor2d([
      [1, 0],
      [0, 1],
      [2, 1],
      [1, 3],
      [0, 0],
    ]);
    const Y = tf.tensor2d([[1], [0], [1], [0], [1]]);
    const run = (seed: number) => {
      const model = fixedLogistic();
      const r = fitScratch(model, X, Y, new GradientDescent({ learningRate: 0.1 }), {
        epochs: 3,
        batchSize: 2,
        seed,
        loss: sigmoidCrossEntropy,
        recordEvery: 1,
      });
      const w = Array.from(model.params()['dense1.W'].dataSync());
      model.dispose();
      return { ...r, w };
    };
    const a = run(1);
    expect(a.steps).toBe(9);
    expect(a.costs.map(([e]) => e)).toEqual([0, 1, 2]);
    expect(run(1)).toEqual(a);
    expect(run(2).w).not.toEqual(a.w); // different shuffles, different path
    await expectNoLeak(() => run(1));
    tf.dispose([X, Y]);
  });

  it('validates its inputs', () => {
    const model = fixedLogistic();
    const X = tf.zeros([3, 2]) as tf.Tensor2D;
    const Y = tf.zeros([2, 1]) as tf.Tensor2D;
    const opt = new GradientDescent();
    expect(() => fitScratch(model, X, Y, opt, { epochs: 0 })).toThrow(/epochs must be a positive integer, got 0/);
    expect(() => fitScratch(model, X, Y, opt, { epochs: 1 })).toThrow(/X has 3 examples but Y has 2/);
    tf.dispose([X, Y]);
    model.dispose();
  });
});
