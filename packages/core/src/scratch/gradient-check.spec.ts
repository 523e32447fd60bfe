import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Rng } from '../data/rng';
import { expectNoLeak } from '../testing';
import { gradientCheck, GRADCHECK_THRESHOLD, relativeDifference } from './gradient-check';
import { BatchNorm } from './layers/batch-norm';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { MaxPool2D } from './layers/max-pool2d';
import { ReLU } from './layers/relu';
import { Sigmoid } from './layers/sigmoid';
import { Tanh } from './layers/tanh';
import { binaryCrossEntropy } from './losses/binary-cross-entropy';
import { projectionLoss } from './losses/projection-loss';
import type { LossFn } from './losses/types';
import { ScratchSequential } from './sequential';
import type { ScratchLayer } from './types';

beforeAll(async () => {
  await initBackend();
});

/** Replaces one stored gradient (the layer owns it: keep the new one, free the old one). */
function replaceGrad(layer: ScratchLayer, key: string, f: (g: tf.Tensor) => tf.Tensor): void {
  const old = layer.grads[key];
  layer.grads[key] = tf.keep(tf.tidy(() => f(old)));
  old.dispose();
}

// ---- deliberately wrong backward passes ----

/** Ports the course's dW = (1/m) dZ A_prev^T literally, although our loss's dA already carries the 1/m. */
class DenseExtraOneOverM extends Dense {
  override backward(dZ: tf.Tensor): tf.Tensor {
    const dA = super.backward(dZ);
    replaceGrad(this, 'W', (g) => tf.div(g, dZ.shape[0]));
    return dA;
  }
}

/** Gradient ascent by accident: dW with a flipped sign. */
class DenseFlippedSign extends Dense {
  override backward(dZ: tf.Tensor): tf.Tensor {
    const dA = super.backward(dZ);
    replaceGrad(this, 'W', (g) => tf.neg(g));
    return dA;
  }
}

/** Forgets the ReLU derivative: passes dA straight through. */
class ReLUNoMask extends ReLU {
  override backward(dA: tf.Tensor): tf.Tensor {
    super.backward(dA).dispose();
    return dA.clone();
  }
}

/** Treats the batch mean and variance as constants during training (drops two terms of the paper's backward). */
class BatchNormFrozenStats extends BatchNorm {
  override backward(dOut: tf.Tensor): tf.Tensor {
    super.backward(dOut).dispose();
    const invStd = this.cached('invStd');
    return tf.tidy(() => tf.mul(tf.mul(dOut, this.params.gamma), invStd));
  }
}

/** Convolution instead of cross-correlation in the filter gradient: dW flipped spatially. */
class Conv2DFlippedKernelGrad extends Conv2D {
  override backward(dZ: tf.Tensor): tf.Tensor {
    const dA = super.backward(dZ);
    replaceGrad(this, 'W', (g) => tf.reverse(g, [0, 1]));
    return dA;
  }
}

/** Max pooling that spreads the gradient evenly over the window (average pooling's rule). */
class MaxPoolSpreadsGradient extends MaxPool2D {
  override backward(dA: tf.Tensor): tf.Tensor {
    super.backward(dA).dispose();
    const f = this.poolSize;
    const [m, nH, nW, C] = (dA as tf.Tensor4D).shape;
    return tf.tidy(() => {
      const up = tf.div(tf.tile(tf.reshape(dA, [m, nH, 1, nW, 1, C]), [1, 1, f, 1, f, 1]), f * f);
      return tf.reshape(up, [m, nH * f, nW * f, C]);
    });
  }
}

/** Binary cross-entropy whose dA misses the 1/m (the "missing 1/m" bug in our convention). */
const bceMissingOneOverM: LossFn = (y, a) => {
  const r = binaryCrossEntropy(y, a);
  const dA = tf.mul(r.dA, a.shape[0]);
  r.dA.dispose();
  return { loss: r.loss, dA };
};

function awayFromZero(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => {
    const z = tf.randomNormal(shape, 0, 1, 'float32', seed);
    return tf.mul(tf.sign(z), tf.add(tf.abs(z), 0.1));
  });
}

function distinct(shape: number[], seed: number): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from(new Rng(seed).permutation(n), (k) => (k - n / 2) * 0.1),
    shape,
  );
}

interface Planted {
  bug: string;
  model: () => ScratchLayer | ScratchSequential;
  x: () => tf.Tensor;
  loss: 'projection' | LossFn;
  y?: () => tf.Tensor;
}

const m = 6;
const labels = () => tf.tensor2d([[1], [0], [0], [1], [1], [0]]);
const classifier = (first: Dense) =>
  new ScratchSequential([first, new Tanh(), new Dense({ units: 1, initializer: 'xavier', seed: 2 }), new Sigmoid()]);

const planted: Planted[] = [
  {
    bug: 'Dense dividing dW by m a second time',
    model: () => classifier(new DenseExtraOneOverM({ units: 4, inputDim: 3, initializer: 'xavier', seed: 1 })),
    x: () => awayFromZero([m, 3], 1),
    loss: binaryCrossEntropy,
    y: labels,
  },
  {
    bug: 'loss dA missing the 1/m',
    model: () => classifier(new Dense({ units: 4, inputDim: 3, initializer: 'xavier', seed: 1 })),
    x: () => awayFromZero([m, 3], 1),
    loss: bceMissingOneOverM,
    y: labels,
  },
  {
    bug: 'Dense with a flipped sign on dW',
    model: () => classifier(new DenseFlippedSign({ units: 4, inputDim: 3, initializer: 'xavier', seed: 1 })),
    x: () => awayFromZero([m, 3], 1),
    loss: binaryCrossEntropy,
    y: labels,
  },
  { bug: 'ReLU without its mask', model: () => new ReLUNoMask(), x: () => awayFromZero([m, 4], 2), loss: 'projection' },
  {
    bug: 'BatchNorm treating batch statistics as constants',
    model: () => new BatchNormFrozenStats({ inputDim: 3 }),
    x: () => awayFromZero([m, 3], 3),
    loss: 'projection',
  },
  {
    bug: 'Conv2D with a spatially flipped dW',
    model: () =>
      new Conv2DFlippedKernelGrad({ filters: 2, kernelSize: 3, inputChannels: 2, initializer: 'xavier', seed: 4 }),
    x: () => awayFromZero([2, 5, 5, 2], 4),
    loss: 'projection',
  },
  {
    bug: 'MaxPool2D spreading the gradient like AvgPool2D',
    model: () => new MaxPoolSpreadsGradient({ poolSize: 2 }),
    x: () => distinct([2, 4, 4, 2], 5),
    loss: 'projection',
  },
];

function run(p: Planted) {
  const model = p.model();
  const x = p.x();
  const out = model.forward(x, { training: true });
  const R = tf.randomNormal(out.shape, 0, 1, 'float32', 9);
  out.dispose();
  const y = p.y ? p.y() : R.clone();
  const result = gradientCheck(model, p.loss === 'projection' ? projectionLoss(R) : p.loss, x, y);
  model.dispose();
  tf.dispose([x, y, R]);
  return result;
}

describe('gradientCheck flags deliberately wrong backward passes', () => {
  test.each(planted)('$bug', (p) => {
    const r = run(p);
    // measured: 0.15 (BatchNorm) to 0.71 (missing 1/m), see the comment in gradientCheck.ts
    expect(r.passed).toBe(false);
    expect(r.relativeDifference).toBeGreaterThan(30 * GRADCHECK_THRESHOLD);
  });

  test('while the same models with the correct backward pass', () => {
    const correct: Planted[] = [
      { ...planted[0], model: () => classifier(new Dense({ units: 4, inputDim: 3, initializer: 'xavier', seed: 1 })) },
      { ...planted[3], model: () => new ReLU() },
      { ...planted[4], model: () => new BatchNorm({ inputDim: 3 }) },
      {
        ...planted[5],
        model: () => new Conv2D({ filters: 2, kernelSize: 3, inputChannels: 2, initializer: 'xavier', seed: 4 }),
      },
      { ...planted[6], model: () => new MaxPool2D({ poolSize: 2 }) },
    ];
    for (const p of correct) {
      const r = run(p);
      expect({ model: p.bug, passed: r.passed }).toEqual({ model: p.bug, passed: true });
    }
  });
});

describe('gradientCheck mechanics', () => {
  test('the 1/m bug gives exactly the predicted relative difference (m - 1) / (m + 1) on every tensor', () => {
    const r = run(planted[1]);
    for (const e of r.entries) expect(e.relativeDifference).toBeCloseTo((m - 1) / (m + 1), 3);
  });

  test('relativeDifference is the course formula', () => {
    expect(relativeDifference([1, 0], [1, 0])).toBe(0);
    expect(relativeDifference([1, 0], [-1, 0])).toBe(1);
    expect(relativeDifference([0, 0], [0, 0])).toBe(0);
    expect(relativeDifference([3, 4], [0, 0])).toBe(1);
    expect(relativeDifference([2], [1])).toBeCloseTo(1 / 3, 12);
  });

  test('sampling a subset of entries, the l2 option, and no leaks or lasting changes to the weights', async () => {
    const dense = new Dense({ units: 5, inputDim: 6, initializer: 'xavier', seed: 3 });
    const x = awayFromZero([4, 6], 6);
    const R = tf.randomNormal([4, 5], 0, 1, 'float32', 7);
    const W0 = Float32Array.from(dense.params.W.dataSync());
    const r = gradientCheck(dense, projectionLoss(R), x, R, { maxEntriesPerTensor: 7, l2: 0.3 });
    expect(r.passed).toBe(true);
    expect(r.entries.map((e) => [e.key, e.checked, e.size])).toEqual([
      ['W', 7, 30],
      ['b', 5, 5],
      ['input', 7, 24],
    ]);
    expect(Array.from(dense.params.W.dataSync())).toEqual(Array.from(W0));
    await expectNoLeak(() => gradientCheck(dense, projectionLoss(R), x, R, { maxEntriesPerTensor: 3 }), 2);
    dense.dispose();
    tf.dispose([x, R]);
    expect(() => gradientCheck(new ReLU(), projectionLoss(R), x, R, { epsilon: 0 })).toThrow('epsilon must be > 0');
  });
});
