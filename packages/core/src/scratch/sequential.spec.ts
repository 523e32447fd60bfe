import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Rng } from '../data/rng';
import { expectClose, expectNoLeak } from '../testing';
import { gradientCheck } from './gradient-check';
import { BatchNorm } from './layers/batch-norm';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Flatten } from './layers/flatten';
import { MaxPool2D } from './layers/max-pool2d';
import { ReLU } from './layers/relu';
import { Sigmoid } from './layers/sigmoid';
import { binaryCrossEntropy } from './losses/binary-cross-entropy';
import { softmaxCrossEntropy } from './losses/softmax-cross-entropy';
import { ScratchSequential } from './sequential';
import { trainStep } from './train-step';
import type { Grads, Params, ScratchOptimizer } from './types';

beforeAll(async () => {
  await initBackend();
});

/** Plain gradient descent, W := W - lr dW, recording the gradients it was given. */
class RecordingSgd implements ScratchOptimizer {
  readonly name = 'sgd';
  seen: Record<string, Float32Array> = {};
  constructor(private readonly lr: number) {}
  step(params: Params, grads: Grads, learningRate = this.lr): void {
    this.seen = {};
    tf.tidy(() => {
      for (const [k, v] of Object.entries(params)) {
        this.seen[k] = Float32Array.from(grads[k].dataSync());
        v.assign(tf.sub(v, tf.mul(grads[k], learningRate)));
      }
    });
  }
  dispose(): void {}
}

function mlp(seed: number, l2 = 0): ScratchSequential {
  const rng = new Rng(seed);
  return new ScratchSequential([
    new Dense({ units: 4, inputDim: 2, seed: rng, l2 }),
    new ReLU(),
    new Dense({ units: 1, seed: rng, l2 }),
    new Sigmoid(),
  ]);
}

/** XOR-like blobs: label 1 when x0 * x1 > 0. */
function toyData(m: number, seed: number): [tf.Tensor, tf.Tensor] {
  const rng = new Rng(seed);
  const x = Float32Array.from({ length: 2 * m }, () => rng.normal());
  const y = Float32Array.from({ length: m }, (_, i) => (x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0));
  return [tf.tensor2d(x, [m, 2]), tf.tensor2d(y, [m, 1])];
}

describe('ScratchSequential', () => {
  test("keys are layer-prefixed, numbered per kind unless named; params are the layers' own variables", () => {
    const named = new Dense({ units: 3, inputDim: 2, name: 'hidden' });
    const model = new ScratchSequential([named, new ReLU(), new Dense({ units: 2 }), new Dense({ units: 1 })]);
    expect(model.layerKeys).toEqual(['hidden', 'relu1', 'dense1', 'dense2']);
    model.build([2]);
    expect(Object.keys(model.params())).toEqual([
      'hidden.W',
      'hidden.b',
      'dense1.W',
      'dense1.b',
      'dense2.W',
      'dense2.b',
    ]);
    expect(model.params()['hidden.W']).toBe(named.params.W);
    expect(model.countParams()).toBe(3 * 2 + 3 + 3 * 2 + 2 + 2 + 1);
    expect(model.summary()).toContain('dense1 (dense) W[3,2] b[2]');
    expect(() => new ScratchSequential([new ReLU({ name: 'a' }), new ReLU({ name: 'a' })])).toThrow(
      "two layers are named 'a'",
    );
    expect(() => new ScratchSequential([])).toThrow('non-empty array of layers');
    model.dispose();
  });

  test('build propagates shapes through a CNN without running it', () => {
    const model = new ScratchSequential([
      new Conv2D({ filters: 4, kernelSize: 3, pad: 'same' }),
      new ReLU(),
      new MaxPool2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 3 }),
    ]).build([8, 8, 1]);
    expect(model.params()['conv2d1.W'].shape).toEqual([3, 3, 1, 4]);
    expect(model.params()['dense1.W'].shape).toEqual([4 * 4 * 4, 3]);
    model.dispose();
  });

  test('forward/backward equal tfjs autodiff (tf.variableGrads) of the same model on the same variables', () => {
    const model = mlp(1);
    const [x, y] = toyData(8, 2);
    const A = model.forward(x, { training: true });
    const { loss, dA } = binaryCrossEntropy(y, A);
    const dX = model.backward(dA);
    const p = model.params();
    const f = (input: tf.Tensor) => {
      const h = tf.relu(tf.add(tf.matMul(input, p['dense1.W']), p['dense1.b']));
      const a = tf.sigmoid(tf.add(tf.matMul(h, p['dense2.W']), p['dense2.b']));
      return tf.div(
        tf.neg(tf.sum(tf.add(tf.mul(y, tf.log(a)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, a)))))),
        8,
      ) as tf.Scalar;
    };
    const ref = tf.variableGrads(() => f(x), Object.values(p));
    expect(loss).toBeCloseTo(ref.value.dataSync()[0], 5);
    const grads = model.grads();
    for (const [k, v] of Object.entries(p))
      expectClose(grads[k], ref.grads[v.name], { atol: 1e-6, rtol: 1e-5, label: k });
    expectClose(dX, tf.grad(f)(x), { atol: 1e-6, rtol: 1e-5, label: 'dX' });
    tf.dispose([A, dA, dX, x, y, ref.value, ...Object.values(ref.grads)]);
    model.dispose();
  });

  test('trainStep: plain gradient descent learns XOR-like blobs; the cost includes L2 and the gradients lambda/m W', () => {
    const [x, y] = toyData(64, 3);
    const model = mlp(4);
    const sgd = new RecordingSgd(1);
    const first = trainStep(model, binaryCrossEntropy, x, y, sgd).cost;
    let last = first;
    for (let i = 0; i < 300; i++) last = trainStep(model, binaryCrossEntropy, x, y, sgd).cost;
    expect(last).toBeLessThan(first * 0.6);
    const pred = model.predict(x);
    const acc = tf.tidy(
      () => tf.mean(tf.cast(tf.equal(tf.greater(pred, 0.5), tf.cast(y, 'bool')), 'float32')).dataSync()[0],
    );
    expect(acc).toBeGreaterThan(0.85);
    pred.dispose();

    // L2: the optimizer sees data gradient + (lambda/m) W for weights, unchanged biases
    const out = model.forward(x, { training: true });
    const { loss, dA } = binaryCrossEntropy(y, out);
    model.backward(dA).dispose();
    const dataGrads = Object.fromEntries(
      Object.entries(model.grads()).map(([k, g]) => [k, Float32Array.from(g.dataSync())]),
    );
    const weights = Object.fromEntries(
      Object.entries(model.params()).map(([k, v]) => [k, Float32Array.from(v.dataSync())]),
    );
    const sumSq = ['dense1.W', 'dense2.W'].reduce((s, k) => s + weights[k].reduce((t, w) => t + w * w, 0), 0);
    const r = trainStep(model, binaryCrossEntropy, x, y, sgd, { l2: 0.7, learningRate: 0 });
    expect(r.loss).toBeCloseTo(loss, 6);
    expect(r.cost).toBeCloseTo(loss + (0.7 / (2 * 64)) * sumSq, 6);
    expectClose(
      sgd.seen['dense1.W'],
      dataGrads['dense1.W'].map((g, i) => g + (0.7 / 64) * weights['dense1.W'][i]),
      { atol: 1e-6, label: 'dW + lambda/m W' },
    );
    expectClose(sgd.seen['dense1.b'], dataGrads['dense1.b'], { atol: 1e-7, label: 'db unchanged' });
    tf.dispose([out, dA, x, y]);
    model.dispose();
  });

  // Slow (~2-4 s): a numeric gradient check of a whole CNN.
  test('a CNN with BatchNorm and Dropout passes gradient checking end to end', () => {
    const drop = new Dropout({ keepProb: 0.8, seed: 1 });
    const model = new ScratchSequential([
      new Conv2D({ filters: 2, kernelSize: 3, pad: 'same', initializer: 'xavier', seed: 2 }),
      new MaxPool2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 4, useBias: false, initializer: 'xavier', seed: 3 }),
      new BatchNorm(),
      drop,
      new Dense({ units: 3, initializer: 'xavier', seed: 4 }),
    ]).build([4, 4, 1]);
    const mask = tf.tensor2d([
      [1, 1, 0, 1],
      [1, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 1, 1, 0],
    ]);
    drop.setFixedMask(mask);
    const rng = new Rng(5);
    const x = tf.tensor4d(
      Float32Array.from(rng.permutation(64), (k) => (k - 32) * 0.05),
      [4, 4, 4, 1],
    ); // distinct: stable max-pool winners
    const y = tf.oneHot(tf.tensor1d([0, 2, 1, 2], 'int32'), 3).toFloat();
    const r = gradientCheck(model, softmaxCrossEntropy, x, y);
    expect(r.entries.map((e) => e.key)).toEqual([
      'conv2d1.W',
      'conv2d1.b',
      'dense1.W',
      'batchNorm1.gamma',
      'batchNorm1.beta',
      'dense2.W',
      'dense2.b',
      'input',
    ]);
    expect(r.passed).toBe(true);
    tf.dispose([mask, x, y]);
    model.dispose();
  }, 30_000);

  test('no tensor leaks over several training steps of a small CNN (with L2, BatchNorm, Dropout), nor at inference', async () => {
    const model = new ScratchSequential([
      new Conv2D({ filters: 3, kernelSize: 3, stride: 2, pad: 'same', seed: 1 }),
      new ReLU(),
      new MaxPool2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 5, seed: 2, l2: 0.1 }),
      new BatchNorm(),
      new ReLU(),
      new Dropout({ keepProb: 0.8, seed: 3 }),
      new Dense({ units: 3, seed: 4 }),
    ]);
    const x = tf.randomNormal([6, 8, 8, 1], 0, 1, 'float32', 5);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3).toFloat();
    const sgd = new RecordingSgd(0.1);
    await expectNoLeak(() => trainStep(model, softmaxCrossEntropy, x, y, sgd, { l2: 0.01 }), 4);
    await expectNoLeak(() => model.predict(x).dispose());
    const before = tf.memory().numTensors;
    model.dispose();
    tf.dispose([x, y]);
    // 10 variables (6 W/b, gamma, beta, 2 running statistics) plus every cache and gradient freed
    expect(tf.memory().numTensors).toBeLessThan(before - 10);
  });
});
