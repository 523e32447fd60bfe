/**
 * Round trips: tfjs model → exportToOnnx → importOnnx → same outputs as the ORIGINAL tfjs model
 * (max |diff| <= 1e-4) for every layer kind the exporter writes for CNNs, including a small
 * ResNet-like functional model with Add and Concatenate. Weights are seeded and non-trivial.
 */
import * as tf from '@tensorflow/tfjs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '../../../backend/init';
import { Rng } from '../../../data/rng';
import { loadModel, saveModel } from '../../filesystem';
import { expectNoLeak, maxAbsDiff } from '../../../testing';
import { exportToOnnx } from '../export';
import { importOnnx } from './import-onnx';

const TOLERANCE = 1e-4;

beforeAll(() => initBackend());

/** Seeded weights: kernels ~ N(0, 1/fanIn), biases ~ N(0, 0.3), BN statistics non-trivial. */
function randomize(model: tf.LayersModel, seed: number): void {
  const rng = new Rng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const short = (w.originalName ?? w.name).split('/').pop()!;
    const n = shape.reduce((a, b) => a * b, 1);
    const fanIn = shape.length > 1 ? n / shape[shape.length - 1] : 1;
    const data = Float32Array.from({ length: n }, () => {
      if (short === 'moving_variance') return 0.3 + 1.7 * rng.uniform();
      if (short === 'moving_mean') return rng.normal(0, 0.5);
      if (short === 'gamma') return 0.5 + rng.uniform();
      if (short === 'alpha') return 0.05 + 0.45 * rng.uniform();
      return shape.length > 1 ? rng.normal(0, 1 / Math.sqrt(fanIn)) : rng.normal(0, 0.3);
    });
    return tf.tensor(data, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}

function randomInput(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 1)),
    shape,
  );
}

/** Export, import, compare on a seeded batch of 3; returns the imported model (caller disposes). */
function roundTrip(label: string, model: tf.LayersModel, seed = 1): tf.LayersModel {
  randomize(model, seed);
  const imported = importOnnx(exportToOnnx(model), { label });
  const shapes = model.inputs.map((t) => [3, ...(t.shape.slice(1) as number[])]);
  const xs = shapes.map((s, i) => randomInput(s, 100 + i));
  const [want, got] = [model, imported].map((m) => m.predict(xs.length === 1 ? xs[0] : xs) as tf.Tensor);
  expect(got.shape).toEqual(want.shape);
  const d = maxAbsDiff(got, want);
  tf.dispose([...xs, want, got]);
  expect(d).toBeLessThanOrEqual(TOLERANCE);
  return imported;
}

const seq = (inputShape: number[], layers: tf.layers.Layer[]): tf.LayersModel => {
  const input = tf.input({ shape: inputShape });
  const out = layers.reduce<tf.SymbolicTensor>((x, l) => l.apply(x) as tf.SymbolicTensor, input);
  return tf.model({ inputs: input, outputs: out });
};

const L = tf.layers;

const CASES: [string, () => tf.LayersModel][] = [
  [
    'mnist-style CNN (Conv2D relu valid, MaxPool, BN, Flatten, Dense softmax)',
    () =>
      seq(
        [12, 12, 1],
        [
          L.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }),
          L.maxPooling2d({ poolSize: 2 }),
          L.batchNormalization(),
          L.flatten(),
          L.dense({ units: 8, activation: 'relu' }),
          L.dense({ units: 5, activation: 'softmax' }),
        ],
      ),
  ],
  [
    'Conv2D same stride 2 dilation, AvgPool same, relu6, sigmoid',
    () =>
      seq(
        [9, 9, 3],
        [
          L.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu6' }),
          L.conv2d({ filters: 3, kernelSize: 2, dilationRate: 2, padding: 'same', activation: 'sigmoid' }),
          L.averagePooling2d({ poolSize: 2, strides: 1, padding: 'same' }),
          L.flatten(),
          L.dense({ units: 3 }),
        ],
      ),
  ],
  [
    'DepthwiseConv2D (multiplier 2), SeparableConv2D, ReLU maxValue, tanh',
    () =>
      seq(
        [8, 8, 3],
        [
          L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'tanh' }),
          L.separableConv2d({ filters: 4, kernelSize: 3, padding: 'valid' }),
          L.reLU({ maxValue: 2 }),
          L.globalAveragePooling2d({}),
          L.dense({ units: 2 }),
        ],
      ),
  ],
  [
    'LeakyReLU, ELU, PReLU, ThresholdedReLU, Softmax layer, GlobalMaxPool',
    () =>
      seq(
        [6, 6, 2],
        [
          L.conv2d({ filters: 3, kernelSize: 3, padding: 'same' }),
          L.leakyReLU({ alpha: 0.2 }),
          L.elu(),
          L.prelu({ sharedAxes: [1, 2] }),
          L.thresholdedReLU({ theta: 0.1 }),
          L.softmax({ axis: -1 }),
          L.globalMaxPooling2d({}),
          L.dense({ units: 2, activation: 'softmax' }),
        ],
      ),
  ],
  [
    'activations: softplus, softsign, selu, hardSigmoid, swish, elu',
    () =>
      seq(
        [5, 5, 2],
        [
          L.conv2d({ filters: 3, kernelSize: 1, activation: 'softplus' }),
          L.activation({ activation: 'softsign' }),
          L.activation({ activation: 'selu' }),
          L.activation({ activation: 'hardSigmoid' }),
          L.conv2d({ filters: 2, kernelSize: 1, activation: 'swish' }),
          L.activation({ activation: 'elu' }),
          L.flatten(),
        ],
      ),
  ],
  [
    'ZeroPadding2D, Cropping2D, UpSampling2D nearest + bilinear, Dropout',
    () =>
      seq(
        [5, 6, 2],
        [
          L.zeroPadding2d({
            padding: [
              [1, 2],
              [0, 1],
            ],
          }),
          L.conv2d({ filters: 2, kernelSize: 2 }),
          L.cropping2D({
            cropping: [
              [1, 0],
              [0, 2],
            ],
          }),
          L.upSampling2d({ size: [2, 3] }),
          L.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }),
          L.dropout({ rate: 0.5 }),
          L.flatten(),
        ],
      ),
  ],
  [
    '1D: Conv1D same/valid/strided, BN, MaxPooling1D, AveragePooling1D, GlobalAveragePooling1D, GlobalMaxPooling1D',
    () => {
      const x = tf.input({ shape: [16, 3] });
      const c = L.conv1d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(
        x,
      ) as tf.SymbolicTensor;
      const b = L.batchNormalization().apply(
        L.conv1d({ filters: 5, kernelSize: 3, strides: 2, dilationRate: 1 }).apply(c),
      ) as tf.SymbolicTensor;
      const p = L.averagePooling1d({ poolSize: 2, padding: 'same' }).apply(
        L.maxPooling1d({ poolSize: 2 }).apply(c),
      ) as tf.SymbolicTensor;
      const out = L.concatenate().apply([
        L.globalAveragePooling1d({}).apply(b) as tf.SymbolicTensor,
        L.globalMaxPooling1d({}).apply(p) as tf.SymbolicTensor,
      ]) as tf.SymbolicTensor;
      return tf.model({ inputs: x, outputs: L.dense({ units: 3 }).apply(out) as tf.SymbolicTensor });
    },
  ],
  [
    'Rescaling, Reshape, Permute, Dense + BatchNormalization on features',
    () =>
      seq(
        [4, 4, 2],
        [
          L.rescaling({ scale: 0.5, offset: -0.25 }),
          L.reshape({ targetShape: [8, 4] }),
          L.permute({ dims: [2, 1] }),
          L.flatten(),
          L.dense({ units: 6, activation: 'relu' }),
          L.batchNormalization(),
        ],
      ),
  ],
];

describe('importOnnx round trips (export → import → same outputs as the original)', () => {
  it.each(CASES)('%s', (label, build) => {
    const model = build();
    const imported = roundTrip(label, model);
    model.dispose();
    imported.dispose();
  });

  it('a small ResNet-like functional model with Add, Concatenate, Multiply, Average, Maximum, Minimum', () => {
    const x = tf.input({ shape: [8, 8, 3] });
    const stem = L.reLU().apply(
      L.batchNormalization().apply(L.conv2d({ filters: 4, kernelSize: 3, padding: 'same', useBias: false }).apply(x)),
    ) as tf.SymbolicTensor;
    const branch = L.batchNormalization().apply(
      L.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(stem),
    ) as tf.SymbolicTensor;
    const identity = L.reLU().apply(L.add().apply([stem, branch])) as tf.SymbolicTensor;
    // Projection block: stride-2 conv on both paths.
    const down = L.conv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(
      identity,
    ) as tf.SymbolicTensor;
    const shortcut = L.conv2d({ filters: 6, kernelSize: 1, strides: 2 }).apply(identity) as tf.SymbolicTensor;
    const proj = L.add().apply([down, shortcut]) as tf.SymbolicTensor;
    const dw = L.depthwiseConv2d({ kernelSize: 3, padding: 'same' }).apply(proj) as tf.SymbolicTensor;
    const gate = L.conv2d({ filters: 6, kernelSize: 1, activation: 'sigmoid' }).apply(proj) as tf.SymbolicTensor;
    const mixed = [
      L.multiply().apply([dw, gate]),
      L.average().apply([dw, proj]),
      L.maximum().apply([dw, proj]),
      L.minimum().apply([proj, gate]),
    ] as tf.SymbolicTensor[];
    const cat = L.concatenate({ axis: -1 }).apply([
      ...mixed,
      L.add().apply([dw, proj, gate]) as tf.SymbolicTensor,
    ]) as tf.SymbolicTensor;
    const head = L.dense({ units: 4, activation: 'softmax' }).apply(
      L.flatten().apply(L.maxPooling2d({ poolSize: 2 }).apply(cat)),
    ) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: head });
    const imported = roundTrip('resnet-like functional', model, 7);
    model.dispose();
    imported.dispose();
  });

  it('the imported model trains (gradients reach the first conv), saves and loads with its custom layers, without leaks', async () => {
    const model = seq(
      [8, 8, 1],
      [
        L.rescaling({ scale: 2 }),
        L.conv2d({ filters: 3, kernelSize: 3, activation: 'relu' }),
        L.maxPooling2d({ poolSize: 2 }),
        L.flatten(),
        L.dense({ units: 2, activation: 'softmax' }),
      ],
    );
    randomize(model, 3);
    const imported = importOnnx(exportToOnnx(model));
    const x = randomInput([4, 8, 8, 1], 5);
    const y = tf.oneHot(tf.tensor1d([0, 1, 0, 1], 'int32'), 2);
    const conv = imported.layers.find((l) => l.getClassName() === 'Conv2D')!;
    const before = conv.getWeights()[0].dataSync().slice();
    const opt = tf.train.sgd(0.1);
    const step = (): void => {
      tf.tidy(() => {
        opt.minimize(
          () => tf.losses.softmaxCrossEntropy(y, imported.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
        );
      });
    };
    step();
    await expectNoLeak(step, 3);
    expect(maxAbsDiff(conv.getWeights()[0].dataSync(), before)).toBeGreaterThan(1e-4);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-import-'));
    await saveModel(imported, path.join(dir, 'm'));
    const loaded = await loadModel(path.join(dir, 'm'));
    const [a, b] = [imported, loaded].map((m) => m.predict(x) as tf.Tensor);
    expect(maxAbsDiff(a, b)).toBe(0);
    tf.dispose([a, b, x, y]);
    opt.dispose();
    [model, imported, loaded].forEach((m) => m.dispose());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
