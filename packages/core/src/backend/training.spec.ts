/**
 * Integration: tfjs-layers models whose gradients need dlkit's wasm kernels train on wasm, and
 * their gradients equal the cpu backend's for the same weights and inputs.
 *
 * Each model stacks two layers of the kind under test, so the second one needs the input
 * gradient (Conv2DBackpropInput, DepthwiseConv2dNativeBackpropInput, Conv3DBackpropInputV2) and
 * both need the filter gradient; the embedding model needs UnsortedSegmentSum; the pooling model
 * pools tanh outputs (MaxPoolGrad / MaxPool3DGrad, which the stock kernels get wrong).
 *
 * Tolerance for the gradient comparison: atol 1e-5 + rtol 1e-3 of the entry. The two backends run
 * different float32 algorithms (XNNPACK GEMMs / im2col here, direct loops on cpu) through two
 * conv layers, a dense layer and the loss, so entries differ in the last few bits of each
 * partial sum: ~1e-6 relative per layer, amplified where sums cancel; real bugs give O(1) errors.
 */
import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../testing';
import { computeOn, seededValues } from './cross-backend';
import { initBackend } from './init';

interface ModelCase {
  name: string;
  /** Input shape without the batch axis. */
  input: number[];
  /** Integer inputs in [0, vocab) instead of normal values (embedding). */
  vocab?: number;
  layers: () => tf.layers.Layer[];
}

const cases: ModelCase[] = [
  {
    name: 'conv1d',
    input: [12, 3],
    layers: () => [
      tf.layers.conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.conv1d({ filters: 3, kernelSize: 2, padding: 'valid' }),
    ],
  },
  {
    name: 'conv2d',
    input: [8, 7, 2],
    layers: () => [
      tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: 3, kernelSize: [2, 3], padding: 'valid' }),
    ],
  },
  {
    name: 'conv3d',
    input: [4, 5, 6, 2],
    layers: () => [
      tf.layers.conv3d({ filters: 3, kernelSize: [2, 3, 2], strides: [1, 2, 2], padding: 'same', activation: 'tanh' }),
      tf.layers.conv3d({ filters: 2, kernelSize: 2, padding: 'valid' }),
    ],
  },
  {
    name: 'separableConv2d',
    input: [8, 8, 3],
    layers: () => [
      tf.layers.separableConv2d({ filters: 4, kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.separableConv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'valid' }),
    ],
  },
  {
    name: 'conv2dTranspose',
    input: [4, 5, 3],
    layers: () => [
      tf.layers.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.conv2dTranspose({ filters: 2, kernelSize: 2, padding: 'valid' }),
    ],
  },
  {
    name: 'depthwiseConv2d',
    input: [9, 8, 3],
    layers: () => [
      tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.depthwiseConv2d({ kernelSize: [2, 3], padding: 'valid' }),
    ],
  },
  {
    name: 'maxPooling2d/3d after tanh (windows of negatives)',
    input: [4, 8, 6, 2],
    layers: () => [
      tf.layers.conv3d({ filters: 3, kernelSize: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.maxPooling3d({ poolSize: 2, padding: 'same' }),
      tf.layers.reshape({ targetShape: [4, 3, 6] }),
      tf.layers.conv2d({ filters: 3, kernelSize: 2, padding: 'same', activation: 'tanh' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
    ],
  },
  {
    name: 'embedding',
    input: [6],
    vocab: 15,
    layers: () => [tf.layers.embedding({ inputDim: 15, outputDim: 4 })],
  },
];

const BATCH = 4;
const OUT = 2;

/** The model for a case, with seeded weights (so both backends start from identical weights). */
function build(c: ModelCase): tf.LayersModel {
  const model = tf.sequential();
  c.layers().forEach((layer, i) => {
    if (i === 0) model.add(tf.layers.inputLayer({ inputShape: c.input, dtype: c.vocab ? 'int32' : 'float32' }));
    model.add(layer);
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: OUT }));
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(seededValues(w.shape, 100 + i, 0.25), w.shape)));
  return model;
}

function data(c: ModelCase): { x: tf.Tensor; y: tf.Tensor } {
  const shape = [BATCH, ...c.input];
  const x = c.vocab
    ? tf.tensor(
        Int32Array.from(seededValues(shape, 1), (v) => Math.abs(Math.round(v * 5)) % c.vocab!),
        shape,
        'int32',
      )
    : tf.tensor(seededValues(shape, 1), shape);
  return { x, y: tf.tensor2d(seededValues([BATCH, OUT], 2), [BATCH, OUT]) };
}

/** Loss and d(loss)/d(weights) for the seeded model, on the current backend. */
function lossAndGrads(c: ModelCase): tf.Tensor[] {
  const model = build(c);
  const { x, y } = data(c);
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(
    () => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar,
    weights,
  );
  const out = [value, ...weights.map((w) => grads[w.name]!)];
  model.dispose();
  return out;
}

describe('tfjs-layers models train on wasm with dlkit kernels', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: gradients equal the cpu backend gradients', async (_, c) => {
    const cpu = await computeOn('cpu', () => lossAndGrads(c));
    const wasm = await computeOn('wasm', () => lossAndGrads(c));
    expect(wasm.map((t) => t.shape)).toEqual(cpu.map((t) => t.shape));
    wasm.forEach((t, i) =>
      expectClose(t.values, cpu[i]!.values, { atol: 1e-5, rtol: 1e-3, label: i === 0 ? 'loss' : `grad ${i - 1}` }),
    );
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: a few Adam steps make the loss fall, without leaking',
    async (_, c) => {
      expect(tf.getBackend()).toBe('wasm');
      const model = build(c);
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
      const { x, y } = data(c);
      const losses: number[] = [];
      await expectNoLeak(async () => {
        losses.push((await model.trainOnBatch(x, y)) as number);
      }, 9);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses[losses.length - 1]!).toBeLessThan(0.7 * losses[0]!);
      model.dispose();
      tf.dispose([x, y]);
    },
  );
});
