/**
 * Gradient check of one small representative model per layer kind, loss and regularizer — the
 * evidence that every backward in the scratch engine is right (`dlkit dls gradcheck`).
 * Inputs are chosen away from non-differentiable points (|x| >= 0.1 before ReLU-like layers,
 * well-separated values under max pooling), so that eps-perturbations never cross a kink.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../data/rng';
import {
  GRADCHECK_EPSILON,
  GRADCHECK_THRESHOLD,
  GradientCheckOptions,
  gradientCheck,
  GradientCheckTarget,
} from './gradient-check';
import { AvgPool2D } from './layers/avg-pool2d';
import { BaseLayer } from './layers/base';
import { BatchNorm } from './layers/batch-norm';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Flatten } from './layers/flatten';
import { LeakyReLU } from './layers/leaky-relu';
import { MaxPool2D } from './layers/max-pool2d';
import { ReLU } from './layers/relu';
import { Sigmoid } from './layers/sigmoid';
import { Softmax } from './layers/softmax';
import { Tanh } from './layers/tanh';
import { binaryCrossEntropy } from './losses/binary-cross-entropy';
import { categoricalCrossEntropy } from './losses/categorical-cross-entropy';
import { meanSquaredError } from './losses/mean-squared-error';
import { projectionLoss } from './losses/projection-loss';
import { softmaxCrossEntropy } from './losses/softmax-cross-entropy';
import type { LossFn } from './losses/types';
import { ScratchSequential } from './sequential';

export interface GradcheckReportRow {
  /** What was checked, e.g. 'conv2d same stride 2'. */
  layer: string;
  /** ||g_num - g_ana|| / (||g_num|| + ||g_ana||) over all parameters and the input together (course 2 week 1). */
  relativeDifference: number;
  threshold: number;
  passed: boolean;
}

export interface GradcheckReportOptions {
  /** Seed for inputs, weights and masks. */
  seed?: number;
  epsilon?: number;
  threshold?: number;
}

/** A pass-through layer, to check a loss's dA on its own (the input gradient is then dJ/dA). */
class Identity extends BaseLayer {
  readonly kind = 'identity';
  constructor() {
    super(undefined, 'identity');
  }
  forward(x: tf.Tensor): tf.Tensor {
    return x.clone();
  }
  backward(dOut: tf.Tensor): tf.Tensor {
    return dOut.clone();
  }
}

interface Case {
  layer: string;
  /** Builds the model, its input, target and loss from a generator; everything returned is disposed after the check. */
  make: (rng: Rng) => {
    model: GradientCheckTarget;
    x: tf.Tensor;
    y?: tf.Tensor;
    loss?: LossFn;
    R?: tf.Tensor;
    options?: GradientCheckOptions;
  };
}

/** Standard normal values, pushed away from 0 by at least `gap` (so ReLU kinks are never crossed). */
function awayFromZero(rng: Rng, shape: number[], gap = 0.1): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const z = rng.normal();
    v[i] = Math.sign(z || 1) * (gap + Math.abs(z));
  }
  return tf.tensor(v, shape);
}

/** A random permutation of 0.1, 0.2, ... (distinct by far more than eps, so max-pool winners never change). */
function distinct(rng: Rng, shape: number[]): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const p = rng.permutation(size);
  return tf.tensor(
    Float32Array.from(p, (k) => (k - size / 2) * 0.1),
    shape,
  );
}

function probabilities(rng: Rng, shape: number[]): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rng.range(0.1, 0.9)),
    shape,
  );
}

function oneHot(rng: Rng, m: number, k: number): tf.Tensor {
  const v = new Float32Array(m * k);
  for (let i = 0; i < m; i++) v[i * k + rng.int(k)] = 1;
  return tf.tensor(v, [m, k]);
}

function labels(rng: Rng, m: number): tf.Tensor {
  return tf.tensor(
    Float32Array.from({ length: m }, () => (rng.uniform() < 0.5 ? 0 : 1)),
    [m, 1],
  );
}

const single = (
  layer: string,
  makeLayer: (rng: Rng) => BaseLayer,
  shape: number[],
  input: 'normal' | 'distinct' = 'normal',
): Case => ({
  layer,
  make: (rng) => ({ model: makeLayer(rng), x: input === 'distinct' ? distinct(rng, shape) : awayFromZero(rng, shape) }),
});

const conv = (pad: 'same' | 'valid' | number, stride: number): Case =>
  single(
    `conv2d pad ${pad} stride ${stride}`,
    (rng) => new Conv2D({ filters: 3, kernelSize: 3, stride, pad, inputChannels: 2, initializer: 'xavier', seed: rng }),
    [2, 5, 5, 2],
  );

/** The table of checks; add a row to check a new layer. */
const CASES: Case[] = [
  single('dense', (rng) => new Dense({ units: 3, inputDim: 4, initializer: 'xavier', seed: rng }), [5, 4]),
  {
    layer: 'dense l2 (layer option)',
    make: (rng) => ({
      model: new Dense({ units: 3, inputDim: 4, initializer: 'xavier', l2: 0.7, seed: rng }),
      x: awayFromZero(rng, [5, 4]),
    }),
  },
  single('relu', () => new ReLU(), [5, 4]),
  single('leakyRelu', () => new LeakyReLU({ alpha: 0.1 }), [5, 4]),
  single('sigmoid', () => new Sigmoid(), [5, 4]),
  single('tanh', () => new Tanh(), [5, 4]),
  single('softmax', () => new Softmax(), [5, 4]),
  {
    layer: 'dropout (fixed mask)',
    make: (rng) => {
      const drop = new Dropout({ keepProb: 0.7, seed: rng });
      const mask = tf.tidy(() =>
        tf.cast(tf.less(tf.randomUniform([5, 4], 0, 1, 'float32', rng.nextSeed()), 0.7), 'float32'),
      );
      drop.setFixedMask(mask);
      mask.dispose();
      return { model: drop, x: awayFromZero(rng, [5, 4]) };
    },
  },
  single('batchNorm', () => new BatchNorm({ inputDim: 3 }), [6, 3]),
  conv('same', 1),
  conv('valid', 1),
  conv('same', 2),
  conv('valid', 2),
  conv(1, 2),
  single('maxPool2d f2 s2', () => new MaxPool2D({ poolSize: 2 }), [2, 4, 4, 2], 'distinct'),
  single('maxPool2d f3 s1 (overlapping)', () => new MaxPool2D({ poolSize: 3, stride: 1 }), [2, 4, 4, 2], 'distinct'),
  single('avgPool2d f2 s2', () => new AvgPool2D({ poolSize: 2 }), [2, 4, 4, 2]),
  single('avgPool2d f3 s1 (overlapping)', () => new AvgPool2D({ poolSize: 3, stride: 1 }), [2, 4, 4, 2]),
  single('flatten', () => new Flatten(), [2, 3, 3, 2]),
  {
    layer: 'binaryCrossEntropy',
    make: (rng) => ({
      model: new Identity(),
      x: probabilities(rng, [6, 1]),
      y: labels(rng, 6),
      loss: binaryCrossEntropy,
    }),
  },
  {
    layer: 'categoricalCrossEntropy',
    make: (rng) => {
      // probabilities of a mild softmax (>~0.05): near 0, -y/a curves so fast that eps^2 truncation dominates
      const x = tf.tidy(() => tf.softmax(tf.mul(awayFromZero(rng, [6, 4]), 0.5)));
      return { model: new Identity(), x, y: oneHot(rng, 6, 4), loss: categoricalCrossEntropy };
    },
  },
  {
    layer: 'softmaxCrossEntropy',
    make: (rng) => ({
      model: new Identity(),
      x: awayFromZero(rng, [6, 4]),
      y: oneHot(rng, 6, 4),
      loss: softmaxCrossEntropy,
    }),
  },
  {
    layer: 'meanSquaredError',
    make: (rng) => ({
      model: new Identity(),
      x: awayFromZero(rng, [6, 2]),
      y: awayFromZero(rng, [6, 2]),
      loss: meanSquaredError,
    }),
  },
  {
    layer: 'l2Penalty (dense-tanh-dense-sigmoid, lambda 0.7)',
    make: (rng) => ({
      model: new ScratchSequential([
        new Dense({ units: 5, inputDim: 3, initializer: 'xavier', seed: rng }),
        new Tanh(),
        new Dense({ units: 1, initializer: 'xavier', seed: rng }),
        new Sigmoid(),
      ]),
      x: awayFromZero(rng, [6, 3]),
      y: labels(rng, 6),
      loss: binaryCrossEntropy,
      options: { l2: 0.7 },
    }),
  },
  {
    // model checks use smooth activations: inside a network, a ReLU input or a max-pool tie can land
    // within eps of its kink, where no finite difference is right (the single-layer rows cover ReLU and max)
    layer: 'model conv-tanh-avgpool-flatten-dense + softmaxCrossEntropy',
    make: (rng) => ({
      model: new ScratchSequential([
        new Conv2D({ filters: 2, kernelSize: 3, pad: 'same', inputChannels: 1, initializer: 'xavier', seed: rng }),
        new Tanh(),
        new AvgPool2D({ poolSize: 2 }),
        new Flatten(),
        new Dense({ units: 3, inputDim: 8, initializer: 'xavier', seed: rng }),
      ]),
      x: distinct(rng, [3, 4, 4, 1]),
      y: oneHot(rng, 3, 3),
      loss: softmaxCrossEntropy,
    }),
  },
  {
    // no bias before BatchNorm: its gradient is exactly 0 there (beta absorbs any shift), and a
    // relative difference of two zero vectors is pure rounding noise
    layer: 'model dense-batchNorm-tanh-dropout-dense-softmax + categoricalCrossEntropy',
    make: (rng) => {
      const drop = new Dropout({ keepProb: 0.8, seed: rng });
      const mask = tf.tidy(() =>
        tf.cast(tf.less(tf.randomUniform([6, 5], 0, 1, 'float32', rng.nextSeed()), 0.8), 'float32'),
      );
      drop.setFixedMask(mask);
      mask.dispose();
      return {
        model: new ScratchSequential([
          new Dense({ units: 5, inputDim: 4, useBias: false, initializer: 'xavier', seed: rng }),
          new BatchNorm(),
          new Tanh(),
          drop,
          new Dense({ units: 3, initializer: 'xavier', seed: rng }),
          new Softmax(),
        ]),
        x: awayFromZero(rng, [6, 4]),
        y: oneHot(rng, 6, 3),
        loss: categoricalCrossEntropy,
      };
    },
  },
];

/**
 * Runs every check in the table (0.5-2.5 s on the wasm backend with 2 busy cores) and returns one row each.
 * Call `initBackend()` first.
 *
 * @example
 * await initBackend();
 * for (const row of gradcheckReport()) console.log(row.layer, row.relativeDifference.toExponential(1), row.passed);
 */
export function gradcheckReport(options: GradcheckReportOptions = {}): GradcheckReportRow[] {
  const seed = options.seed ?? 0;
  const threshold = options.threshold ?? GRADCHECK_THRESHOLD;
  const epsilon = options.epsilon ?? GRADCHECK_EPSILON;
  return CASES.map((c, i) => {
    const rng = new Rng(seed * 1000 + i + 1);
    const made = c.make(rng);
    const out = tf.tidy(() => made.model.forward(made.x, { training: true }));
    const y = made.y ?? tf.zerosLike(out);
    const R = made.loss ? null : tf.tidy(() => awayFromZero(rng, out.shape, 0));
    out.dispose();
    try {
      const result = gradientCheck(made.model, made.loss ?? projectionLoss(R!), made.x, y, {
        epsilon,
        threshold,
        ...made.options,
      });
      return { layer: c.layer, relativeDifference: result.relativeDifference, threshold, passed: result.passed };
    } finally {
      made.model.dispose();
      made.x.dispose();
      y.dispose();
      R?.dispose();
    }
  });
}
