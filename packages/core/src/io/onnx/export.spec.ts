/**
 * Acceptance tests of the ONNX exporter: for every exported layer kind, a small tfjs model with
 * seeded non-trivial weights is exported, run in onnxruntime-node, and compared with tfjs
 * `model.predict` on the same input (max |diff| <= 1e-4). A failure message names the case and its diff.
 *
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { Rng } from '../../data/rng';
import { expectNoLeak, maxAbsDiff } from '../../testing';
import { exportToOnnx, supportedOnnxLayers } from './export';
import { onnxParity, OnnxParityOptions } from './parity';
import { decodeModel } from './proto/decode';
import { loadOnnx } from './session';

const TOLERANCE = 1e-4;

beforeAll(() => initBackend());

/** Seeded weights: kernels ~ N(0, 1/fanIn), biases/beta ~ N(0, 0.3), gamma ~ U(0.5, 1.5), BN stats non-trivial. */
function randomize(model: tf.LayersModel, seed: number): void {
  const rng = new Rng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[]; // built layers: every weight dimension is known
    const short = (w.originalName ?? w.name).split('/').pop()!;
    const n = shape.reduce((a, b) => a * b, 1);
    const fanIn = shape.length > 1 ? n / shape[shape.length - 1] : 1;
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      if (short === 'moving_variance') data[i] = rng.range(0.3, 2);
      else if (short === 'moving_mean') data[i] = rng.normal(0, 0.5);
      else if (short === 'gamma') data[i] = rng.range(0.5, 1.5);
      else if (short === 'alpha') data[i] = rng.range(0.05, 0.5);
      else if (shape.length > 1) data[i] = rng.normal(0, 1 / Math.sqrt(fanIn));
      else data[i] = rng.normal(0, 0.3);
    }
    return tf.tensor(data, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}

function randomInput(shape: number[], seed: number, scale = 1): tf.Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal(0, scale)),
    shape,
  );
}

/** Exports `model`, runs both runtimes on seeded inputs of `shapes`, asserts and records the diff. */
async function check(
  label: string,
  model: tf.LayersModel,
  shapes: number[][],
  options: OnnxParityOptions & { scale?: number } = {},
): Promise<void> {
  const { scale, ...rest } = options;
  randomize(model, label.length * 7919);
  const xs = shapes.map((s, i) => randomInput(s, 1234 + i, scale));
  try {
    const { maxAbsDiff } = await onnxParity(model, xs, rest);
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
  } finally {
    tf.dispose(xs);
  }
}

function seq(layers: tf.layers.Layer[]): tf.Sequential {
  return tf.sequential({ layers });
}

describe('Dense', () => {
  it('2D input with relu, batch 3', async () => {
    await check('Dense relu [3,5]', seq([tf.layers.dense({ inputShape: [5], units: 4, activation: 'relu' })]), [
      [3, 5],
    ]);
  });
  it('rank-3 input (applies to the last axis) with softmax, no bias', async () => {
    await check(
      'Dense softmax no-bias [2,3,5]',
      seq([tf.layers.dense({ inputShape: [3, 5], units: 6, activation: 'softmax', useBias: false })]),
      [[2, 3, 5]],
    );
  });
  it('on a conv output without Flatten (rank 4: back to NHWC, then the last axis)', async () => {
    await check(
      'Conv2D-Dense rank 4',
      seq([
        tf.layers.conv2d({ inputShape: [5, 4, 2], filters: 3, kernelSize: 2 }),
        tf.layers.dense({ units: 2, activation: 'relu' }),
      ]),
      [[2, 5, 4, 2]],
    );
  });
});

describe('Conv2D', () => {
  it('valid, stride 1, non-square input, batch 3', async () => {
    await check(
      'Conv2D valid s1 7x5',
      seq([tf.layers.conv2d({ inputShape: [7, 5, 3], filters: 4, kernelSize: 3, activation: 'relu' })]),
      [[3, 7, 5, 3]],
    );
  });
  it('same, stride 2, even sizes (pads 0 before, 1 after), non-square kernel', async () => {
    await check(
      'Conv2D same s2 8x6 k3x2',
      seq([tf.layers.conv2d({ inputShape: [8, 6, 2], filters: 5, kernelSize: [3, 2], strides: 2, padding: 'same' })]),
      [[2, 8, 6, 2]],
    );
  });
  it('same, stride (1, 2), kernel 4 (even: extra pad at the end)', async () => {
    await check(
      'Conv2D same s(1,2) k4 8x7',
      seq([tf.layers.conv2d({ inputShape: [8, 7, 3], filters: 3, kernelSize: 4, strides: [1, 2], padding: 'same' })]),
      [[2, 8, 7, 3]],
    );
  });
  it('valid, stride 2, no bias, tanh', async () => {
    await check(
      'Conv2D valid s2 no-bias tanh',
      seq([
        tf.layers.conv2d({
          inputShape: [10, 9, 2],
          filters: 4,
          kernelSize: 3,
          strides: 2,
          useBias: false,
          activation: 'tanh',
        }),
      ]),
      [[2, 10, 9, 2]],
    );
  });
  it('dilation 2, same padding', async () => {
    await check(
      'Conv2D dilation 2 same',
      seq([
        tf.layers.conv2d({
          inputShape: [9, 8, 2],
          filters: 3,
          kernelSize: 3,
          dilationRate: 2,
          padding: 'same',
          activation: 'sigmoid',
        }),
      ]),
      [[2, 9, 8, 2]],
    );
  });
});

describe('DepthwiseConv2D and SeparableConv2D', () => {
  it('depthwise, depth multiplier 2, same, stride 2', async () => {
    await check(
      'DepthwiseConv2D m2 same s2 8x7',
      seq([
        tf.layers.depthwiseConv2d({
          inputShape: [8, 7, 3],
          kernelSize: 3,
          depthMultiplier: 2,
          strides: 2,
          padding: 'same',
          activation: 'relu',
        }),
      ]),
      [[2, 8, 7, 3]],
    );
  });
  it('depthwise, multiplier 1, valid, no bias', async () => {
    await check(
      'DepthwiseConv2D m1 valid no-bias',
      seq([tf.layers.depthwiseConv2d({ inputShape: [6, 8, 4], kernelSize: [2, 3], useBias: false })]),
      [[3, 6, 8, 4]],
    );
  });
  it('separable, multiplier 2, same, stride 1', async () => {
    await check(
      'SeparableConv2D m2 same s1',
      seq([
        tf.layers.separableConv2d({
          inputShape: [7, 6, 3],
          filters: 5,
          kernelSize: 3,
          depthMultiplier: 2,
          padding: 'same',
          activation: 'relu',
        }),
      ]),
      [[2, 7, 6, 3]],
    );
  });
  it('separable, same, stride 2, even sizes (asymmetric pads)', async () => {
    await check(
      'SeparableConv2D same s2 8x6',
      seq([
        tf.layers.separableConv2d({ inputShape: [8, 6, 2], filters: 3, kernelSize: 3, strides: 2, padding: 'same' }),
      ]),
      [[2, 8, 6, 2]],
    );
  });
  it('separable, valid, stride 2', async () => {
    await check(
      'SeparableConv2D valid s2',
      seq([tf.layers.separableConv2d({ inputShape: [9, 8, 2], filters: 4, kernelSize: 3, strides: 2 })]),
      [[2, 9, 8, 2]],
    );
  });
});

describe('pooling', () => {
  it('MaxPooling2D valid 2x2', async () => {
    await check('MaxPooling2D valid 2x2', seq([tf.layers.maxPooling2d({ inputShape: [8, 6, 3], poolSize: 2 })]), [
      [2, 8, 6, 3],
    ]);
  });
  it('MaxPooling2D same, pool 3, stride 2, non-square (asymmetric pads on H)', async () => {
    await check(
      'MaxPooling2D same p3 s2 8x5',
      seq([tf.layers.maxPooling2d({ inputShape: [8, 5, 2], poolSize: 3, strides: 2, padding: 'same' })]),
      [[2, 8, 5, 2]],
    );
  });
  it('AveragePooling2D valid, pool (2, 3)', async () => {
    await check(
      'AveragePooling2D valid p(2,3)',
      seq([tf.layers.averagePooling2d({ inputShape: [8, 9, 2], poolSize: [2, 3] })]),
      [[2, 8, 9, 2]],
    );
  });
  it('AveragePooling2D same excludes the padding from the average', async () => {
    await check(
      'AveragePooling2D same p3 s2 8x5',
      seq([tf.layers.averagePooling2d({ inputShape: [8, 5, 2], poolSize: 3, strides: 2, padding: 'same' })]),
      [[2, 8, 5, 2]],
      { scale: 3 },
    );
  });
  it('AveragePooling2D same with stride 1 (every border window padded)', async () => {
    await check(
      'AveragePooling2D same p3 s1',
      seq([tf.layers.averagePooling2d({ inputShape: [5, 4, 1], poolSize: 3, strides: 1, padding: 'same' })]),
      [[1, 5, 4, 1]],
      { scale: 3 },
    );
  });
  it('GlobalAveragePooling2D and GlobalMaxPooling2D after a conv (channels-first path)', async () => {
    const input = tf.input({ shape: [6, 5, 2] });
    const c = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(input) as tf.SymbolicTensor;
    const avg = tf.layers.globalAveragePooling2d({}).apply(c) as tf.SymbolicTensor;
    const max = tf.layers.globalMaxPooling2d({}).apply(c) as tf.SymbolicTensor;
    await check('GlobalAvg/MaxPooling2D after conv', tf.model({ inputs: input, outputs: [avg, max] }), [[3, 6, 5, 2]]);
  });
  it('GlobalAveragePooling2D and GlobalMaxPooling2D on the NHWC input (ReduceMean path)', async () => {
    const input = tf.input({ shape: [4, 3, 5] });
    const avg = tf.layers.globalAveragePooling2d({}).apply(input) as tf.SymbolicTensor;
    const max = tf.layers.globalMaxPooling2d({}).apply(input) as tf.SymbolicTensor;
    await check('GlobalAvg/MaxPooling2D on input', tf.model({ inputs: input, outputs: [avg, max] }), [[2, 4, 3, 5]]);
  });
  it('GlobalAveragePooling2D with opset 18 (ReduceMean axes as an input)', async () => {
    await check(
      'GlobalAveragePooling2D opset 18',
      seq([tf.layers.globalAveragePooling2d({ inputShape: [4, 3, 5] })]),
      [[2, 4, 3, 5]],
      { opset: 18 },
    );
  });
});

describe('BatchNormalization (inference, non-trivial moving statistics)', () => {
  it('after a conv: ONNX BatchNormalization on channels-first', async () => {
    await check(
      'BatchNorm after Conv2D',
      seq([
        tf.layers.conv2d({ inputShape: [6, 5, 2], filters: 3, kernelSize: 3 }),
        tf.layers.batchNormalization({ epsilon: 0.01 }),
      ]),
      [[2, 6, 5, 2]],
    );
  });
  it('after a dense layer ([N, C], axis -1)', async () => {
    await check(
      'BatchNorm after Dense',
      seq([tf.layers.dense({ inputShape: [4], units: 6 }), tf.layers.batchNormalization({})]),
      [[3, 4]],
    );
  });
  it('on an NHWC input, no center, no scale (folded Mul/Add)', async () => {
    await check(
      'BatchNorm NHWC center=false scale=false',
      seq([tf.layers.batchNormalization({ inputShape: [3, 4, 5], center: false, scale: false })]),
      [[2, 3, 4, 5]],
    );
  });
  it('axis 1 of a rank-3 input, against the formula (tfjs 4.22 gets this case wrong)', async () => {
    // tfjs-core's batchNorm kernels index mean/variance/gamma/beta by (flat index mod C), i.e. they
    // assume the last axis, so tfjs predict is wrong for axis != -1. The reference here is
    // y = (x - mean) / sqrt(var + eps) * gamma + beta with the parameters broadcast along axis 1.
    const model = seq([tf.layers.batchNormalization({ inputShape: [4, 3], axis: 1, epsilon: 0.01 })]);
    randomize(model, 5);
    const [gamma, beta, mean, variance] = model.getWeights().map((w) => w.reshape([1, 4, 1]));
    const x = randomInput([2, 4, 3], 6);
    const expected = tf.tidy(() => x.sub(mean).div(variance.add(0.01).sqrt()).mul(gamma).add(beta));
    const session = await loadOnnx(exportToOnnx(model), { intraOpNumThreads: 1 });
    const out = await session.predict(x.dataSync() as Float32Array, [2, 4, 3]);
    await session.dispose();
    const diff = maxAbsDiff(out.data, expected);
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
    tf.dispose([gamma, beta, mean, variance, x, expected]);
  });
});

describe('activations', () => {
  const names = [
    'relu',
    'relu6',
    'sigmoid',
    'tanh',
    'softmax',
    'elu',
    'selu',
    'softplus',
    'softsign',
    'hardSigmoid',
    'swish',
    'mish',
    'gelu',
    'gelu_new',
    'linear',
  ] as const;
  it.each(names)('Activation(%s) on a rank-3 input', async (name) => {
    await check(
      `Activation ${name}`,
      seq([tf.layers.activation({ inputShape: [3, 4], activation: name })]),
      [[2, 3, 4]],
      { scale: 3 },
    );
  });
  it('softmax activation of a conv normalises the channels (axis mapped to channels-first)', async () => {
    await check(
      'Conv2D softmax activation',
      seq([tf.layers.conv2d({ inputShape: [5, 4, 2], filters: 3, kernelSize: 2, activation: 'softmax' })]),
      [[2, 5, 4, 2]],
    );
  });
  it('ReLU(maxValue), LeakyReLU, ELU, ThresholdedReLU, Softmax layers', async () => {
    const input = tf.input({ shape: [3, 4] });
    const outs = [
      tf.layers.reLU({ maxValue: 1.5 }),
      tf.layers.reLU({}),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.elu({}),
      tf.layers.thresholdedReLU({ theta: 0.5 }),
      tf.layers.softmax({ axis: -1 }),
      tf.layers.softmax({ axis: [1, 2] }),
    ].map((l) => l.apply(input) as tf.SymbolicTensor);
    await check(
      'ReLU/LeakyReLU/ELU/ThresholdedReLU/Softmax layers',
      tf.model({ inputs: input, outputs: outs }),
      [[2, 3, 4]],
      { scale: 2 },
    );
  });
  it('Softmax layer after a conv: last axis mapped to channels-first, and two spatial axes', async () => {
    const input = tf.input({ shape: [5, 4, 2] });
    const c = tf.layers.conv2d({ filters: 3, kernelSize: 2 }).apply(input) as tf.SymbolicTensor;
    const outs = [
      tf.layers.softmax({ axis: -1 }).apply(c),
      tf.layers.softmax({ axis: [1, 2] }).apply(c),
    ] as tf.SymbolicTensor[];
    await check('Conv2D-Softmax layers (axis -1, axes [1,2])', tf.model({ inputs: input, outputs: outs }), [
      [2, 5, 4, 2],
    ]);
  });
  it('PReLU after a conv (alpha permuted to channels-first)', async () => {
    await check(
      'PReLU after Conv2D',
      seq([tf.layers.conv2d({ inputShape: [5, 4, 2], filters: 3, kernelSize: 2 }), tf.layers.prelu({})]),
      [[2, 5, 4, 2]],
    );
  });
});

describe('Flatten, Dropout, Reshape, Permute', () => {
  it('Flatten after a conv transposes back to NHWC so the Dense weights line up', async () => {
    await check(
      'Conv2D-Flatten-Dense',
      seq([
        tf.layers.conv2d({ inputShape: [5, 4, 2], filters: 3, kernelSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 4 }),
      ]),
      [[2, 5, 4, 2]],
    );
  });
  it('Dropout is the identity', async () => {
    await check(
      'Dense-Dropout-Dense',
      seq([
        tf.layers.dense({ inputShape: [4], units: 5, activation: 'relu' }),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 3 }),
      ]),
      [[3, 4]],
    );
  });
  it('Reshape and Permute', async () => {
    const model = seq([
      tf.layers.conv2d({ inputShape: [6, 4, 2], filters: 3, kernelSize: 3, padding: 'same' }),
      tf.layers.permute({ dims: [2, 1, 3] }),
      tf.layers.reshape({ targetShape: [4, 18] }),
      tf.layers.dense({ units: 2 }),
      tf.layers.reshape({ targetShape: [-1] }),
    ]);
    await check('Conv2D-Permute-Reshape-Dense', model, [[2, 6, 4, 2]]);
  });
  it('a conv output read both directly and through Permute (two views of one tensor)', async () => {
    // Regression: the permuted view once shared the input's layout cache, and the second
    // Flatten exported the first one's transpose (max diff 0.91).
    const input = tf.input({ shape: [5, 4, 2] });
    const conv = tf.layers.conv2d({ filters: 3, kernelSize: 2, padding: 'same' }).apply(input) as tf.SymbolicTensor;
    const direct = tf.layers.flatten().apply(conv) as tf.SymbolicTensor;
    const permuted = tf.layers
      .flatten()
      .apply(tf.layers.permute({ dims: [2, 1, 3] }).apply(conv) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const out = tf.layers.concatenate().apply([direct, permuted]) as tf.SymbolicTensor;
    await check('Conv2D-(Flatten | Permute-Flatten)', tf.model({ inputs: input, outputs: out }), [[2, 5, 4, 2]]);
  });
});

describe('functional models', () => {
  it('Add and Concatenate of two conv branches (no transposes between them)', async () => {
    const input = tf.input({ shape: [8, 7, 3] });
    const a = tf.layers
      .conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' })
      .apply(input) as tf.SymbolicTensor;
    const b = tf.layers.conv2d({ filters: 4, kernelSize: 1 }).apply(input) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const cat = tf.layers.concatenate().apply([sum, a]) as tf.SymbolicTensor;
    const catH = tf.layers.concatenate({ axis: 1 }).apply([cat, cat]) as tf.SymbolicTensor;
    const pooled = tf.layers.maxPooling2d({ poolSize: 2 }).apply(catH) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 3, activation: 'softmax' })
      .apply(tf.layers.flatten().apply(pooled)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    await check('functional Add+Concatenate conv branches', model, [[2, 8, 7, 3]]);
    const graph = decodeModel(exportToOnnx(model)).graph;
    expect(graph.node.filter((n) => n.opType === 'Transpose')).toHaveLength(2);
  });
  it('two inputs, merge of channels-first and NHWC values, every merge kind (tfjs has no Subtract)', async () => {
    const img = tf.input({ shape: [5, 4, 2], name: 'img' });
    const aux = tf.input({ shape: [5, 4, 3], name: 'aux' });
    const c = tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same' }).apply(img) as tf.SymbolicTensor;
    const outs = [
      tf.layers.add(),
      tf.layers.multiply(),
      tf.layers.average(),
      tf.layers.maximum(),
      tf.layers.minimum(),
    ].map((l) => l.apply([c, aux]) as tf.SymbolicTensor);
    // (tfjs 4.22's executor frees a tensor too early when one layer takes the same tensor twice
    // and another layer uses it later, so the three-way Add takes three distinct tensors.)
    const c2 = tf.layers.conv2d({ filters: 3, kernelSize: 1 }).apply(img) as tf.SymbolicTensor;
    const three = tf.layers.add().apply([c, aux, c2]) as tf.SymbolicTensor;
    const model = tf.model({
      inputs: [img, aux],
      outputs: [...outs, three, tf.layers.concatenate({ axis: 1 }).apply([c, aux]) as tf.SymbolicTensor],
    });
    await check('two inputs, all merge layers', model, [
      [2, 5, 4, 2],
      [2, 5, 4, 3],
    ]);
  });
  it('a shared layer called on two inputs', async () => {
    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const shared = tf.layers.dense({ units: 3, activation: 'tanh' });
    const model = tf.model({
      inputs: [a, b],
      outputs: [shared.apply(a) as tf.SymbolicTensor, shared.apply(b) as tf.SymbolicTensor],
    });
    await check('shared Dense on two inputs', model, [
      [2, 4],
      [2, 4],
    ]);
  });
  it('an output that is a graph input, and a repeated output, become Identity nodes', async () => {
    // tfjs predict cannot run these models (it returns null for such outputs), so the check is
    // against the known values: the Dropout output is the input, the repeat equals the first.
    const a = tf.input({ shape: [4] });
    const y = tf.layers.dense({ units: 3 }).apply(a) as tf.SymbolicTensor;
    const dropped = tf.layers.dropout({ rate: 0.3 }).apply(a) as tf.SymbolicTensor;
    const model = tf.model({ inputs: a, outputs: [y, dropped, y] });
    const bytes = exportToOnnx(model, { inputNames: ['x'], outputNames: ['y', 'x_again', 'y_again'] });
    const graph = decodeModel(bytes).graph;
    expect(graph.node.filter((n) => n.opType === 'Identity').map((n) => [n.input[0], n.output[0]])).toEqual([
      ['x', 'x_again'],
      ['y', 'y_again'],
    ]);
    const session = await loadOnnx(bytes, { intraOpNumThreads: 1 });
    const x = Float32Array.from([1, -2, 3, 0.5]);
    const out = await session.run(x, [1, 4]);
    await session.dispose();
    expect(Array.from(out.x_again.data as Float32Array)).toEqual(Array.from(x));
    expect(Array.from(out.y_again.data as Float32Array)).toEqual(Array.from(out.y.data as Float32Array));
  });
  it('a Sequential model nested inside a functional one is inlined', async () => {
    const inner = seq([tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 }), tf.layers.flatten()]);
    const input = tf.input({ shape: [6, 6, 1] });
    const out = tf.layers.dense({ units: 2 }).apply(inner.apply(input)) as tf.SymbolicTensor;
    await check('nested Sequential', tf.model({ inputs: input, outputs: out }), [[2, 6, 6, 1]]);
  });
});

describe('the MNIST CNN', () => {
  const mnist = (): tf.Sequential =>
    seq([
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ]);
  it('matches tfjs on a batch of 8', async () => {
    await check('MNIST CNN conv-pool-conv-pool-flatten-dense-softmax', mnist(), [[8, 28, 28, 1]]);
  });
  it('exports a clean graph: one Transpose after the input, one before Flatten', () => {
    const model = mnist();
    const m = decodeModel(exportToOnnx(model, { inputNames: ['image'], outputNames: ['probs'] }));
    expect(m.irVersion).toBe(8);
    expect(m.opsetImport).toEqual([{ domain: '', version: 17 }]);
    expect(m.graph.node.map((n) => n.opType)).toEqual([
      'Transpose',
      'Conv',
      'Relu',
      'MaxPool',
      'Conv',
      'Relu',
      'MaxPool',
      'Transpose',
      'Flatten',
      'MatMul',
      'Add',
      'Softmax',
    ]);
    expect(m.graph.input).toEqual([{ name: 'image', elemType: 1, shape: ['batch', 28, 28, 1] }]);
    expect(m.graph.output).toEqual([{ name: 'probs', elemType: 1, shape: ['batch', 10] }]);
    expect(m.graph.node[m.graph.node.length - 1].output).toEqual(['probs']);
    // Conv weights are [out, in, kh, kw]; every initializer is float32 raw data.
    const w = m.graph.initializer.find((t) => t.dims.join(',') === '8,1,5,5');
    expect(w?.rawData?.length).toBe(8 * 25 * 4);
  });
  it('does not leak tfjs tensors (export and parity check)', async () => {
    const model = mnist();
    const x = randomInput([2, 28, 28, 1], 7);
    await expectNoLeak(async () => {
      exportToOnnx(model);
      await onnxParity(model, x);
    });
    x.dispose();
  });
});

describe('1D layers, padding, resizing, normalisation, embedding', () => {
  it('Conv1D valid/same with MaxPooling1D, AveragePooling1D, GlobalAveragePooling1D', async () => {
    const input = tf.input({ shape: [11, 3] });
    const a = tf.layers
      .conv1d({ filters: 4, kernelSize: 3, dilationRate: 2, activation: 'relu' })
      .apply(input) as tf.SymbolicTensor;
    const b = tf.layers
      .conv1d({ filters: 4, kernelSize: 4, strides: 2, padding: 'same' })
      .apply(a) as tf.SymbolicTensor;
    const c = tf.layers.maxPooling1d({ poolSize: 2, padding: 'same' }).apply(b) as tf.SymbolicTensor;
    const d = tf.layers.averagePooling1d({ poolSize: 2, strides: 1 }).apply(c) as tf.SymbolicTensor;
    const e = tf.layers.globalAveragePooling1d({}).apply(d) as tf.SymbolicTensor;
    const f = tf.layers.globalMaxPooling1d({}).apply(b) as tf.SymbolicTensor;
    await check('Conv1D/Pooling1D/GlobalPooling1D', tf.model({ inputs: input, outputs: [e, f, d] }), [[2, 11, 3]]);
  });
  it('ZeroPadding2D, Cropping2D, UpSampling2D (nearest and bilinear) around convs', async () => {
    const model = seq([
      tf.layers.zeroPadding2d({
        inputShape: [5, 4, 2],
        padding: [
          [1, 2],
          [0, 1],
        ],
      }),
      tf.layers.conv2d({ filters: 3, kernelSize: 2 }),
      tf.layers.upSampling2d({ size: [2, 3] }),
      tf.layers.cropping2D({
        cropping: [
          [1, 0],
          [2, 1],
        ],
      }),
      tf.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }),
      tf.layers.zeroPadding2d({
        padding: [
          [1, 1],
          [1, 1],
        ],
      }),
    ]);
    await check('ZeroPadding2D/Cropping2D/UpSampling2D', model, [[2, 5, 4, 2]]);
  });
  it('LayerNormalization, Rescaling, Embedding', async () => {
    const ids = tf.input({ shape: [5] });
    const emb = tf.layers.embedding({ inputDim: 7, outputDim: 4 }).apply(ids) as tf.SymbolicTensor;
    const norm = tf.layers.layerNormalization({ epsilon: 1e-3 }).apply(emb) as tf.SymbolicTensor;
    const out = tf.layers.rescaling({ scale: 0.5, offset: 0.25 }).apply(norm) as tf.SymbolicTensor;
    const model = tf.model({ inputs: ids, outputs: out });
    randomize(model, 99);
    const x = tf.tensor2d([
      [0, 1, 2, 3, 6],
      [6, 5, 4, 3, 2],
    ]);
    const { maxAbsDiff } = await onnxParity(model, x);
    x.dispose();
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('channels-first tfjs layers', () => {
  it('Conv2D, MaxPooling2D, UpSampling2D, GlobalAveragePooling2D with dataFormat channelsFirst', async () => {
    const model = seq([
      tf.layers.conv2d({
        inputShape: [2, 8, 6],
        filters: 3,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        dataFormat: 'channelsFirst',
      }),
      tf.layers.maxPooling2d({ poolSize: 2, padding: 'same', dataFormat: 'channelsFirst' }),
      tf.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst' }),
      tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }),
    ]);
    await check('channelsFirst Conv2D/MaxPool/UpSampling/GAP', model, [[2, 2, 8, 6]]);
    expect(decodeModel(exportToOnnx(model)).graph.node.filter((n) => n.opType === 'Transpose')).toHaveLength(0);
  });
});

describe('options and errors', () => {
  it('a fixed batch size is written into the input and output shapes', async () => {
    const model = seq([tf.layers.dense({ inputShape: [3], units: 2 })]);
    const m = decodeModel(exportToOnnx(model, { batchSize: 4 }));
    expect(m.graph.input[0].shape).toEqual([4, 3]);
    expect(m.graph.output[0].shape).toEqual([4, 2]);
    await check('Dense fixed batch 4', model, [[4, 3]], { batchSize: 4 });
  });
  it('opsets 19-21 (IR versions 9 and 10) load and match too', async () => {
    const model = seq([
      tf.layers.conv2d({ inputShape: [5, 4, 2], filters: 3, kernelSize: 3 }),
      tf.layers.globalMaxPooling2d({}),
      tf.layers.dense({ units: 2 }),
    ]);
    for (const opset of [19, 21]) {
      expect(decodeModel(exportToOnnx(model, { opset })).irVersion).toBe(opset === 19 ? 9 : 10);
      await check(`Conv2D-GlobalMaxPool-Dense opset ${opset}`, model, [[2, 5, 4, 2]], { opset });
    }
  });
  it('an unsupported layer is named with its class, and the supported layers are listed', () => {
    const model = seq([
      tf.layers.conv2dTranspose({ inputShape: [4, 4, 3], filters: 2, kernelSize: 2, name: 'my_deconv' }),
    ]);
    expect(() => exportToOnnx(model)).toThrow(
      /unsupported layer 'my_deconv' \(Conv2DTranspose\); supported layers: .*Conv2D.*Dense/,
    );
    expect(supportedOnnxLayers()).toEqual(
      expect.arrayContaining([
        'InputLayer',
        'Dense',
        'Conv2D',
        'DepthwiseConv2D',
        'SeparableConv2D',
        'BatchNormalization',
        'Add',
        'Concatenate',
      ]),
    );
  });
  it('an unsupported activation and bad options are rejected with clear messages', () => {
    const model = seq([tf.layers.dense({ inputShape: [3], units: 2 })]);
    expect(() => exportToOnnx(model, { opset: 11 })).toThrow(/opset must be one of 17, 18, 19, 20, 21, got 11/);
    expect(() => exportToOnnx(model, { batchSize: 0 })).toThrow(/batchSize must be 'dynamic' or a positive integer/);
    expect(() => exportToOnnx(model, { inputNames: ['a', 'b'] })).toThrow(
      /inputNames: the model has 1 inputs, got 2 names/,
    );
  });
  it('every registered exporter is a tfjs class name that the tfjs serialization registry knows', () => {
    for (const name of supportedOnnxLayers()) {
      expect(tf.serialization.SerializationMap.getMap().classNameMap[name]).toBeDefined();
    }
  });
});

describe('output naming', () => {
  it('an output may take the name of an internal value; an input name cannot be reused', async () => {
    const model = seq([
      tf.layers.dense({ inputShape: [3], units: 4, name: 'd1' }),
      tf.layers.dense({ units: 2, name: 'd2' }),
    ]);
    // 'd1/MatMul' is the name the first layer's MatMul output gets internally.
    await check('output named like an internal value', model, [[2, 3]], { outputNames: ['d1/MatMul'] });
    const graph = decodeModel(exportToOnnx(model, { outputNames: ['d1/MatMul'] })).graph;
    expect(graph.node.map((n) => n.output[0])).toEqual(['d1/MatMul_internal', 'd1/BiasAdd', 'd2/MatMul', 'd1/MatMul']);
    expect(() => exportToOnnx(model, { inputNames: ['x'], outputNames: ['x'] })).toThrow(
      "ONNX output name 'x' is already used by a graph input or output",
    );
  });
});
