import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { computeOn, onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's DepthwiseConv2dNativeBackpropInput on the same seeded inputs.
// The cpu kernel ignores `dilations` (tfjs's depthwise gradient rejects dilation > 1), so for a
// dilated case the reference is the cpu kernel at dilation 1 with the filter zero-expanded to its
// effective size (k-1)*d+1, which is the same convolution (Yu & Koltun 2016, dilated conv).
// Tolerance atol = rtol = 1e-4: each dx entry sums <= kh*kw*M products of N(0,1) values, in a
// different order than the cpu loop (float32 rounding only).

interface Case {
  input: [number, number, number, number];
  filter: [number, number, number, number]; // [kh, kw, C, M]
  strides: number | [number, number];
  dilations: number | [number, number];
  pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const cases: Case[] = [];
for (const strides of [1, 2] as const) {
  for (const pad of ['same', 'valid'] as const) {
    for (const M of [1, 2]) cases.push({ input: [2, 7, 9, 3], filter: [3, 2, 3, M], strides, dilations: 1, pad });
  }
}
cases.push({ input: [2, 9, 8, 2], filter: [3, 3, 2, 2], strides: 1, dilations: 2, pad: 'same' });
cases.push({ input: [2, 9, 8, 2], filter: [3, 2, 2, 1], strides: 1, dilations: [2, 3], pad: 'valid' });
cases.push({ input: [2, 11, 9, 2], filter: [3, 3, 2, 2], strides: 2, dilations: 2, pad: 'valid' }); // kernel-only: the op forbids both
cases.push({
  input: [3, 8, 6, 4],
  filter: [3, 3, 4, 1],
  strides: [2, 1],
  dilations: 1,
  pad: [
    [0, 0],
    [1, 2],
    [0, 1],
    [0, 0],
  ],
});
cases.push({ input: [2, 9, 7, 1], filter: [4, 3, 1, 3], strides: 3, dilations: 1, pad: 1, dimRoundingMode: 'round' });

function run(c: Case, reference = false): tf.Tensor[] {
  const info = tf.backend_util.computeConv2DInfo(
    c.input,
    c.filter,
    c.strides,
    c.dilations,
    c.pad,
    c.dimRoundingMode,
    true,
  );
  const dy = tf.tensor(seededValues(info.outShape, 3), info.outShape);
  let filter = tf.tensor4d(seededValues(c.filter, 4), c.filter);
  let dilations = c.dilations;
  if (reference) {
    filter = dilateFilter(filter, [info.dilationHeight, info.dilationWidth]);
    dilations = 1;
  }
  const attrs = { strides: c.strides, dilations, pad: c.pad, dimRoundingMode: c.dimRoundingMode, inputShape: c.input };
  return [runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, attrs)];
}

/** w [kh, kw, C, M] -> [(kh-1)*dh+1, (kw-1)*dw+1, C, M] with w[p, q] at [p*dh, q*dw], zeros elsewhere. */
function dilateFilter(w: tf.Tensor4D, [dh, dw]: number[]): tf.Tensor4D {
  const [kh, kw, C, M] = w.shape;
  const src = w.bufferSync();
  const out = tf.buffer([(kh - 1) * dh! + 1, (kw - 1) * dw! + 1, C, M], 'float32');
  for (let p = 0; p < kh; p++)
    for (let q = 0; q < kw; q++)
      for (let c = 0; c < C; c++) for (let m = 0; m < M; m++) out.set(src.get(p, q, c, m), p * dh!, q * dw!, c, m);
  return out.toTensor() as tf.Tensor4D;
}

describe('DepthwiseConv2dNativeBackpropInput on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const [expected] = await computeOn('cpu', () => run(c, true));
    const [actual] = await computeOn('wasm', () => run(c));
    expect(actual!.shape).toEqual(c.input);
    expectClose(actual!.values, expected!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
  });

  it('gives tf.grad of depthwiseConv2d the cpu backend gradient', async () => {
    const fn = () => {
      const x = tf.tensor4d(seededValues([2, 8, 7, 3], 1), [2, 8, 7, 3]);
      const w = tf.tensor4d(seededValues([3, 3, 3, 2], 2), [3, 3, 3, 2]);
      const r = tf.tensor4d(seededValues([2, 4, 4, 6], 3), [2, 4, 4, 6]);
      const loss = (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'), r));
      return tf.grads(loss)([x, w]);
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
    expectClose(wasm[1]!.values, cpu[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dw' });
  });

  it('leaks no tensor', async () => {
    const dy = tf.tensor4d(seededValues([2, 4, 5, 6], 1), [2, 4, 5, 6]);
    const filter = tf.tensor4d(seededValues([3, 2, 3, 2], 2), [3, 2, 3, 2]);
    const attrs = { strides: 2, dilations: 1, pad: 'same', inputShape: [2, 7, 9, 3] };
    await expectNoLeak(() => tf.dispose(runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, attrs)));
    expect(filter.dataSync()).toHaveLength(3 * 2 * 3 * 2);
    tf.dispose([dy, filter]);
  });
});
