/**
 * ONNX export of Conv3D, MaxPooling3D and AveragePooling3D (NDHWC tfjs ↔ NCDHW ONNX): seeded
 * weights and inputs, onnxruntime-node against tfjs `model.predict`, max |diff| <= 1e-4.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../backend/init';
import { Rng } from '../../../data/rng';
import { exportToOnnx } from '../export';
import { expectNoLeak } from '../../../testing';
import { onnxParity } from '../parity';
import { decodeModel } from '../proto/decode';

const TOLERANCE = 1e-4;

beforeAll(() => initBackend());

/** N(0, std) values of `shape`, seeded. */
function normal(shape: number[], seed: number, std = 1): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, std)),
    shape,
  );
}

/** Seeds the weights (kernels ~ N(0, 1/fanIn), biases ~ N(0, 0.3)), exports, compares, records. */
async function check(label: string, model: tf.LayersModel, inputShape: number[]): Promise<void> {
  const weights = model.weights.map((w, i) => {
    const shape = w.shape as number[];
    const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((a, b) => a * b, 1) : 1;
    return normal(shape, 100 + i, shape.length > 1 ? 1 / Math.sqrt(fanIn) : 0.3);
  });
  model.setWeights(weights);
  tf.dispose(weights);
  const x = normal(inputShape, label.length);
  try {
    const { maxAbsDiff } = await onnxParity(model, x);
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
    await expectNoLeak(() => onnxParity(model, x), 1); // export, run and compare leave no tensor behind
  } finally {
    x.dispose();
  }
}

const seq = (layers: tf.layers.Layer[]): tf.Sequential => tf.sequential({ layers });

describe('Conv3D', () => {
  it('valid, stride 1, relu, non-cubic input, batch 2', async () => {
    await check(
      'Conv3D valid s1 relu 5x6x4',
      seq([tf.layers.conv3d({ inputShape: [5, 6, 4, 2], filters: 3, kernelSize: 3, activation: 'relu' })]),
      [2, 5, 6, 4, 2],
    );
  });
  it('same, stride 2, even sizes (pads 0 before, 1 after), kernel (3, 2, 3), no bias', async () => {
    await check(
      'Conv3D same s2 k(3,2,3) no-bias',
      seq([
        tf.layers.conv3d({
          inputShape: [6, 4, 6, 2],
          filters: 4,
          kernelSize: [3, 2, 3],
          strides: 2,
          padding: 'same',
          useBias: false,
        }),
      ]),
      [2, 6, 4, 6, 2],
    );
  });
  it('same, stride (1, 2, 1), kernel 2 (even: extra pad at the end)', async () => {
    await check(
      'Conv3D same s(1,2,1) k2',
      seq([
        tf.layers.conv3d({
          inputShape: [5, 5, 4, 1],
          filters: 2,
          kernelSize: 2,
          strides: [1, 2, 1],
          padding: 'same',
          activation: 'tanh',
        }),
      ]),
      [3, 5, 5, 4, 1],
    );
  });
});

describe('MaxPooling3D and AveragePooling3D', () => {
  it('MaxPooling3D valid 2 and same pool 3 stride 2', async () => {
    const input = tf.input({ shape: [6, 5, 4, 2] });
    const a = tf.layers.maxPooling3d({ poolSize: 2 }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.maxPooling3d({ poolSize: 3, strides: 2, padding: 'same' }).apply(input) as tf.SymbolicTensor;
    await check('MaxPooling3D valid 2 / same p3 s2', tf.model({ inputs: input, outputs: [a, b] }), [2, 6, 5, 4, 2]);
  });
  it('AveragePooling3D valid (2, 1, 2) and same (the padding is not counted)', async () => {
    const input = tf.input({ shape: [5, 4, 6, 2] });
    const a = tf.layers.averagePooling3d({ poolSize: [2, 1, 2] }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers
      .averagePooling3d({ poolSize: 3, strides: 2, padding: 'same' })
      .apply(input) as tf.SymbolicTensor;
    await check(
      'AveragePooling3D valid (2,1,2) / same p3 s2',
      tf.model({ inputs: input, outputs: [a, b] }),
      [2, 5, 4, 6, 2],
    );
  });
});

describe('a voxel classifier', () => {
  // The shape of vision's voxelNet: conv-pool blocks, a max pool over the whole grid + flatten
  // for the class head, flatten for the position head, dense heads, concatenated.
  const voxelLike = (): tf.LayersModel => {
    const input = tf.input({ shape: [8, 8, 8, 1] });
    let h = input;
    for (const filters of [4, 8]) {
      h = tf.layers
        .conv3d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' })
        .apply(h) as tf.SymbolicTensor;
      h = tf.layers.maxPooling3d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
    }
    const pooled = tf.layers.flatten().apply(tf.layers.maxPooling3d({ poolSize: 2 }).apply(h)) as tf.SymbolicTensor;
    const flat = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
    const cls = tf.layers.dense({ units: 5 }).apply(pooled) as tf.SymbolicTensor;
    const pos = tf.layers.dense({ units: 3 }).apply(flat) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: tf.layers.concatenate().apply([cls, pos]) as tf.SymbolicTensor });
  };
  it('matches tfjs on a batch of 4', async () => {
    await check('Conv3D/MaxPool3D voxel classifier', voxelLike(), [4, 8, 8, 8, 1]);
  });
  it('runs channels-first between the input and the flattens: one Transpose in, one per flatten', () => {
    const ops = decodeModel(exportToOnnx(voxelLike())).graph.node.map((n) => n.opType);
    expect(ops.slice(0, 6)).toEqual(['Transpose', 'Conv', 'Relu', 'MaxPool', 'Conv', 'Relu']);
    expect(ops.filter((o) => o === 'Transpose')).toHaveLength(3);
  });
});
