import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { computeOn, onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';
import { byDepthwiseConv, byTaps } from './depthwise-conv2d-native-backprop-filter';

// Reference: tfjs-backend-cpu's DepthwiseConv2dNativeBackpropFilter on the same seeded inputs.
// The cpu kernel ignores `dilations` (tfjs's depthwise gradient rejects dilation > 1), so for a
// dilated case the reference is the cpu kernel at dilation 1 for the zero-expanded filter of size
// (k-1)*d+1 (the same convolution), keeping only the taps at multiples of d.
// Tolerance atol = rtol = 1e-4: each dW entry is a float32 sum of B*oh*ow (<= ~130) products of
// N(0,1) values, added in a different order than the cpu loop.

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
cases.push({ input: [2, 11, 9, 2], filter: [3, 3, 2, 2], strides: 2, dilations: 2, pad: 'valid' }); // tap-by-tap path
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
cases.push({ input: [2, 9, 7, 1], filter: [4, 3, 1, 3], strides: 3, dilations: 1, pad: 1, dimRoundingMode: 'ceil' });

function inputs(c: Case): { x: tf.Tensor4D; dy: tf.Tensor4D; info: tf.backend_util.Conv2DInfo } {
  const info = tf.backend_util.computeConv2DInfo(
    c.input,
    c.filter,
    c.strides,
    c.dilations,
    c.pad,
    c.dimRoundingMode,
    true,
  );
  const x = tf.tensor4d(seededValues(c.input, 5), c.input);
  const dy = tf.tensor4d(seededValues(info.outShape, 6), info.outShape);
  return { x, dy, info };
}

function run(c: Case, reference = false): tf.Tensor[] {
  const { x, dy, info } = inputs(c);
  const attrs = {
    strides: c.strides,
    dilations: c.dilations,
    pad: c.pad,
    dimRoundingMode: c.dimRoundingMode,
    filterShape: c.filter,
  };
  if (!reference) return [runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, attrs)];
  const { dilationHeight: dh, dilationWidth: dw, effectiveFilterHeight: ekh, effectiveFilterWidth: ekw } = info;
  const expanded = [ekh, ekw, c.filter[2], c.filter[3]];
  const dWExpanded = runKernel(
    'DepthwiseConv2dNativeBackpropFilter',
    { x, dy },
    { ...attrs, dilations: 1, filterShape: expanded },
  );
  return [tf.stridedSlice(dWExpanded, [0, 0, 0, 0], expanded, [dh, dw, 1, 1])]; // [kh, kw, C, M]
}

describe('DepthwiseConv2dNativeBackpropFilter on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const [expected] = await computeOn('cpu', () => run(c, true));
    const [actual] = await computeOn('wasm', () => run(c));
    expect(actual!.shape).toEqual(c.filter);
    expect(expected!.shape).toEqual(c.filter);
    expectClose(actual!.values, expected!.values, { atol: 1e-4, rtol: 1e-4, label: 'dW' });
  });

  it('computes the same dW tap by tap as with one depthwise conv', () => {
    for (const c of cases.filter((k) => k.strides === 1 || k.dilations === 1)) {
      tf.tidy(() => {
        const { x, dy, info } = inputs(c);
        expectClose(byTaps(x, dy, info), byDepthwiseConv(x, dy, info), {
          atol: 1e-4,
          rtol: 1e-4,
          label: JSON.stringify(c),
        });
      });
    }
  });

  it('gives tf.grad of depthwiseConv2d the cpu backend gradient', async () => {
    const fn = () => {
      const x = tf.tensor4d(seededValues([2, 9, 10, 2], 1), [2, 9, 10, 2]);
      const w = tf.tensor4d(seededValues([3, 3, 2, 3], 2), [3, 3, 2, 3]);
      const r = tf.tensor4d(seededValues([2, 7, 8, 6], 3), [2, 7, 8, 6]);
      const loss = (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid'), r));
      return tf.grads(loss)([x, w]);
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
    expectClose(wasm[1]!.values, cpu[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dw' });
  });

  it('leaks no tensor on either path', async () => {
    for (const c of [cases[2]!, cases[10]!]) {
      const { x, dy } = inputs(c);
      const attrs = { strides: c.strides, dilations: c.dilations, pad: c.pad, filterShape: c.filter };
      await expectNoLeak(() => tf.dispose(runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, attrs)));
      expect(x.dataSync()).toHaveLength(c.input.reduce((p, q) => p * q, 1));
      tf.dispose([x, dy]);
    }
  });
});
