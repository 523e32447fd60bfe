/**
 * Hand-built ONNX graphs (GraphBuilder) for ops dlkit's exporter never writes, written the way
 * PyTorch / the model zoo write them (NCHW inputs, symmetric pads with stride 2, Clip, Gemm with
 * transB, Mul/Sub/Div by constants, LeakyRelu, Reshape, Transpose, Flatten of a channels-first
 * map); each imported model is compared with onnxruntime-node on the same input. Plus the error
 * cases: corrupt bytes, unsupported op, unexpected input shape, unsupported attribute.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../backend/init';
import { Rng } from '../../../data/rng';
import { maxAbsDiff } from '../../../testing';
import { attr, GraphBuilder } from '../graph-builder';
import { encodeModel } from '../proto/encode';
import { loadOnnx } from '../session';
import { importOnnx } from './import-onnx';

beforeAll(() => initBackend());

const rng = new Rng(2024);
const randn = (n: number, scale = 1): Float32Array => Float32Array.from({ length: n }, () => rng.normal(0, scale));
const encode = (g: GraphBuilder, name: string): Uint8Array =>
  encodeModel({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'test', graph: g.build(name) });

/** Runs bytes in onnxruntime and the imported tfjs model (NCHW inputs transposed to NHWC). */
async function compare(bytes: Uint8Array, shape: number[], nchw: boolean): Promise<number[]> {
  const data = randn(shape.reduce((a, b) => a * b, 1));
  const session = await loadOnnx(bytes, { intraOpNumThreads: 1 });
  const want = await session.run({ [session.inputNames[0]]: { data, shape } });
  await session.dispose();
  const model = importOnnx(bytes);
  const diffs = tf.tidy(() => {
    const x = tf.tensor(data, shape);
    const out = model.predict(nchw ? x.transpose([0, 2, 3, 1]) : x);
    const outs = Array.isArray(out) ? out : [out];
    return session.outputNames.map((name, i) => {
      const w = want[name];
      // Channels-first feature maps come out of tfjs channels-last.
      const got = w.shape.length === 4 ? outs[i].transpose([0, 3, 1, 2]) : outs[i];
      expect(got.shape).toEqual(w.shape);
      return maxAbsDiff(got, w.data as Float32Array);
    });
  });
  model.dispose();
  return diffs;
}

/**
 * A zoo-style CNN: normalisation, Conv stride 2 with pads 1 (not TF 'same' on 8×8), BN, Clip,
 * depthwise, LeakyRelu, padded MaxPool, Mul, Flatten, Gemm transB, Softmax.
 */
function zooCnn(): GraphBuilder {
  const g = new GraphBuilder({ opset: 17 });
  g.addInput('x', [null, 3, 8, 8], ['batch', 3, 8, 8]);
  let y = g.op('Sub', ['x', g.initializer('mean', Float32Array.of(0.1, -0.2, 0.3), [3, 1, 1])], {}, 'normalize_sub');
  y = g.op('Div', [y, g.initializer('std', Float32Array.of(0.9, 1.1, 1.3), [3, 1, 1])], {}, 'normalize_div');
  y = g.op(
    'Conv',
    [y, g.initializer('w1', randn(6 * 3 * 9, 0.3), [6, 3, 3, 3]), g.initializer('b1', randn(6, 0.1), [6])],
    { kernel_shape: attr.ints([3, 3]), strides: attr.ints([2, 2]), pads: attr.ints([1, 1, 1, 1]) },
    'conv1',
  );
  const bn = ['scale', 'bias', 'mean', 'var'].map((k) =>
    g.initializer(`bn_${k}`, k === 'var' ? Float32Array.from(randn(6), (v) => 0.5 + Math.abs(v)) : randn(6, 0.5), [6]),
  );
  y = g.op('BatchNormalization', [y, ...bn], { epsilon: attr.float(1e-5) }, 'bn1');
  y = g.op('Clip', [y, g.floatConstant([0]), g.floatConstant([6])], {}, 'relu6');
  y = g.op(
    'Conv',
    [y, g.initializer('dw', randn(6 * 9, 0.3), [6, 1, 3, 3])],
    { kernel_shape: attr.ints([3, 3]), group: attr.int(6), pads: attr.ints([1, 1, 1, 1]) },
    'depthwise',
  );
  y = g.op('Clip', [y, g.floatConstant([-1]), g.floatConstant([1])], {}, 'clip_pm1');
  y = g.op('LeakyRelu', [y], { alpha: attr.float(0.1) }, 'leaky');
  y = g.op(
    'MaxPool',
    [y],
    { kernel_shape: attr.ints([3, 3]), strides: attr.ints([2, 2]), pads: attr.ints([1, 1, 1, 1]) },
    'pool',
  );
  y = g.op('Mul', [y, g.floatConstant([1.5])], {}, 'scale');
  y = g.op('Flatten', [y], { axis: attr.int(1) }, 'flatten');
  y = g.op(
    'Gemm',
    [y, g.initializer('fc_w', randn(5 * 24, 0.3), [5, 24]), g.initializer('fc_b', randn(5), [5])],
    { transB: attr.int(1), alpha: attr.float(0.5), beta: attr.float(2) },
    'fc',
  );
  y = g.op('Softmax', [y], { axis: attr.int(-1) }, 'softmax');
  g.addOutput(g.value(y, [null, 5], null), 'probs', ['batch', 5]);
  return g;
}

describe('importOnnx on hand-built graphs, against onnxruntime-node', () => {
  it('a zoo-style CNN (Sub/Div/Mul by constants, pads 1 stride 2, BN, Clip [0,6] and [-1,1], depthwise, LeakyRelu, padded MaxPool, Flatten, Gemm transB, Softmax)', async () => {
    const [d] = await compare(encode(zooCnn(), 'zoo_cnn'), [2, 3, 8, 8], true);
    expect(d).toBeLessThanOrEqual(1e-5);
  });

  it('dense graphs: MatMul + Add, Sigmoid, Reshape, Transpose, Mul and Concat of two tensors, Gemm', async () => {
    const g = new GraphBuilder({ opset: 17 });
    g.addInput('x', [null, 12], ['batch', 12]);
    let h = g.op('MatMul', ['x', g.initializer('w', randn(144, 0.3), [12, 12])], {}, 'mm');
    h = g.op('Add', [h, g.initializer('b', randn(12), [12])], {}, 'bias');
    const s = g.op('Sigmoid', [h], {}, 'sig');
    let r = g.op('Reshape', [s, g.int64Constant([0, 3, 4])], {}, 'to_3x4');
    r = g.op('Transpose', [r], { perm: attr.ints([0, 2, 1]) }, 'swap');
    r = g.op('Reshape', [r, g.int64Constant([-1, 12])], {}, 'to_12');
    const m = g.op('Mul', [r, 'x'], {}, 'gate');
    const c = g.op('Concat', [m, s], { axis: attr.int(1) }, 'cat');
    const y = g.op('Gemm', [c, g.initializer('w2', randn(96, 0.3), [24, 4])], {}, 'out');
    g.addOutput(g.value(y, [null, 4], null), 'y', ['batch', 4]);
    const [d] = await compare(encode(g, 'dense'), [3, 12], false);
    expect(d).toBeLessThanOrEqual(1e-5);
  });

  it('feature-map outputs, Transpose round trips, per-channel Mul, AveragePool with count_include_pad, GlobalAveragePool + Reshape', async () => {
    const g = new GraphBuilder({ opset: 17 });
    g.addInput('x', [null, 4, 6, 6], ['batch', 4, 6, 6]);
    let y = g.op('Mul', ['x', g.initializer('gain', Float32Array.of(0.5, -1, 2, 1.5), [1, 4, 1, 1])], {}, 'gain');
    y = g.op('Transpose', [y], { perm: attr.ints([0, 2, 3, 1]) }, 'to_nhwc');
    y = g.op('Relu', [y], {}, 'relu');
    y = g.op('Transpose', [y], { perm: attr.ints([0, 3, 1, 2]) }, 'to_nchw');
    const pooled = g.op(
      'AveragePool',
      [y],
      { kernel_shape: attr.ints([3, 3]), pads: attr.ints([1, 1, 1, 1]), count_include_pad: attr.int(1) },
      'avg',
    );
    const gap = g.op('GlobalAveragePool', [pooled], {}, 'gap');
    const flat = g.op('Reshape', [gap, g.int64Constant([0, -1])], {}, 'squeeze');
    g.addOutput(g.value(pooled, [null, 4, 6, 6], null), 'features', ['batch', 4, 6, 6]);
    g.addOutput(g.value(flat, [null, 4], null), 'pooled', ['batch', 4]);
    const diffs = await compare(encode(g, 'maps'), [2, 4, 6, 6], true);
    diffs.forEach((d) => expect(d).toBeLessThanOrEqual(1e-5));
  });
});

describe('importOnnx errors', () => {
  it('corrupt bytes, a missing file and an empty buffer name the source', () => {
    const good = encode(zooCnn(), 'zoo');
    expect(() => importOnnx(good.slice(0, 300), { label: 'truncated.onnx' })).toThrow(
      /truncated\.onnx: not a valid ONNX model/,
    );
    expect(() => importOnnx('/nonexistent/model.onnx')).toThrow('/nonexistent/model.onnx: ONNX model file not found');
    expect(() => importOnnx(new Uint8Array(0), { label: 'empty.onnx' })).toThrow(
      'empty.onnx: not a valid ONNX model (empty)',
    );
  });

  it('an unsupported op names the op, the node, and lists the supported ops', () => {
    const g = new GraphBuilder({ opset: 17 });
    g.addInput('x', [null, 4], ['batch', 4]);
    const y = g.op('Erf', ['x'], {}, 'my_erf');
    g.addOutput(g.value(y, [null, 4], null), 'y', ['batch', 4]);
    expect(() => importOnnx(encode(g, 'erf'), { label: 'erf.onnx' })).toThrow(
      /erf\.onnx: unsupported ONNX op 'Erf' at node 'my_erf'; supported ops: .*Conv.*Gemm/,
    );
  });

  it('an input shape that does not match the file names the file and the input', () => {
    expect(() => importOnnx(encode(zooCnn(), 'zoo'), { label: 'zoo.onnx', inputShape: [10, 10, 3] })).toThrow(
      "zoo.onnx: input 'x' has shape [batch,3,8,8] in the file (tfjs layout [8,8,3]); inputShape [10,10,3] does not match",
    );
  });

  it('an unsupported attribute names the node', () => {
    const g = new GraphBuilder({ opset: 17 });
    g.addInput('x', [null, 4, 5, 5], ['batch', 4, 5, 5]);
    const y = g.op(
      'Conv',
      ['x', g.initializer('w', randn(4 * 2 * 9), [4, 2, 3, 3])],
      { kernel_shape: attr.ints([3, 3]), group: attr.int(2) },
      'grouped_conv',
    );
    g.addOutput(g.value(y, [null, 4, 3, 3], null), 'y', ['batch', 4, 3, 3]);
    expect(() => importOnnx(encode(g, 'grouped'), { label: 'g.onnx' })).toThrow(
      "g.onnx: node 'grouped_conv' (Conv): group 2 is not supported",
    );
  });

  it('an import that fails half-way frees the layers it already built', () => {
    const g = zooCnn();
    // A second, unsupported Conv after the whole valid CNN.
    g.addInput('x2', [null, 4, 5, 5], ['batch', 4, 5, 5]);
    const y = g.op(
      'Conv',
      ['x2', g.initializer('w_bad', randn(4 * 2 * 9), [4, 2, 3, 3])],
      { kernel_shape: attr.ints([3, 3]), group: attr.int(2) },
      'late_bad_conv',
    );
    g.addOutput(g.value(y, [null, 4, 3, 3], null), 'bad', ['batch', 4, 3, 3]);
    const bytes = encode(g, 'late_failure');
    const before = tf.memory().numTensors;
    expect(() => importOnnx(bytes)).toThrow(/late_bad_conv/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
