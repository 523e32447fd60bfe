import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';
import { prefersCol2im } from './conv2d-backprop-input';

// Reference: tfjs-backend-cpu's Conv2DBackpropInput on the same seeded inputs. Tolerance
// atol = rtol = 1e-4: each dx entry sums <= kh*kw*O products of N(0,1) values, added in a
// different order by XNNPACK than by the cpu loop (float32 rounding, ~1e-6 relative).

interface Case {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dataFormat?: 'NHWC' | 'NCHW';
}

const cases: Case[] = [];
for (const strides of [1, 2, [1, 3]] as Array<number | [number, number]>) {
  for (const pad of ['same', 'valid'] as const) cases.push({ input: [2, 7, 9, 3], filter: [3, 2, 3, 4], strides, pad });
}
cases.push({
  input: [3, 8, 6, 2],
  filter: [3, 3, 2, 5],
  strides: 2,
  pad: [
    [0, 0],
    [1, 2],
    [0, 1],
    [0, 0],
  ],
});
cases.push({ input: [2, 9, 7, 1], filter: [4, 3, 1, 3], strides: 3, pad: 1, dimRoundingMode: 'floor' });
cases.push({
  input: [2, 5, 5, 2],
  filter: [2, 2, 2, 3],
  strides: 1,
  pad: [
    [0, 0],
    [3, 0],
    [0, 3],
    [0, 0],
  ],
}); // pad > k-1: crops
cases.push({ input: [2, 3, 7, 5], filter: [2, 3, 3, 4], strides: 2, pad: 'same', dataFormat: 'NCHW' }); // [B, C, H, W]
// Shapes that take the col2im route (prefersCol2im): many output channels, much padding waste.
const col2imCases: Case[] = [
  { input: [2, 12, 12, 16], filter: [5, 5, 16, 32], strides: 1, pad: 'valid' }, // the MNIST CNN's conv2
  { input: [2, 9, 8, 3], filter: [3, 3, 3, 40], strides: 2, pad: 'same' },
  { input: [2, 9, 8, 3], filter: [3, 4, 3, 40], strides: [2, 3], pad: 'valid' },
  {
    input: [1, 7, 6, 2],
    filter: [3, 3, 2, 48],
    strides: 2,
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  { input: [2, 9, 7, 2], filter: [4, 3, 2, 64], strides: 3, pad: 1, dimRoundingMode: 'floor' },
  {
    input: [2, 5, 5, 2],
    filter: [5, 5, 2, 64],
    strides: 1,
    pad: [
      [0, 0],
      [3, 0],
      [0, 3],
      [0, 0],
    ],
  }, // taps off every edge
];
cases.push(...col2imCases);

function infoOf(c: Case): tf.backend_util.Conv2DInfo {
  const dataFormat = c.dataFormat ?? 'NHWC';
  return tf.backend_util.computeConv2DInfo(
    c.input,
    c.filter,
    c.strides,
    1,
    c.pad,
    c.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
}

function run(c: Case): tf.Tensor[] {
  const dataFormat = c.dataFormat ?? 'NHWC';
  const info = tf.backend_util.computeConv2DInfo(
    c.input,
    c.filter,
    c.strides,
    1,
    c.pad,
    c.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const dyShape =
    dataFormat === 'NHWC' ? info.outShape : [info.batchSize, info.outChannels, info.outHeight, info.outWidth];
  const dy = tf.tensor(seededValues(dyShape, 3), dyShape);
  const filter = tf.tensor(seededValues(c.filter, 4), c.filter);
  const attrs = { strides: c.strides, pad: c.pad, dataFormat, dimRoundingMode: c.dimRoundingMode, inputShape: c.input };
  return [runKernel('Conv2DBackpropInput', { dy, filter }, attrs)];
}

describe('Conv2DBackpropInput on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const { cpu, wasm } = await onCpuAndWasm(() => run(c));
    expect(wasm[0]!.shape).toEqual(c.input);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
  });

  it('routes the wasteful shapes (and only those) through col2im', () => {
    for (const c of col2imCases)
      expect([JSON.stringify(c), prefersCol2im(infoOf(c))]).toEqual([JSON.stringify(c), true]);
    for (const c of cases.slice(0, cases.length - col2imCases.length))
      expect([JSON.stringify(c), prefersCol2im(infoOf(c))]).toEqual([JSON.stringify(c), false]);
    // 3x3 'same' at stride 1 wastes almost nothing: the conv route, however many channels.
    expect(prefersCol2im(infoOf({ input: [8, 32, 32, 64], filter: [3, 3, 64, 256], strides: 1, pad: 'same' }))).toBe(
      false,
    );
  });

  it('keeps conv2dTranspose (whose forward pass is this kernel) equal to the cpu backend', async () => {
    const fn = () => {
      const x = tf.tensor4d(seededValues([2, 4, 5, 6], 8), [2, 4, 5, 6]);
      const w = tf.tensor4d(seededValues([3, 3, 2, 6], 9), [3, 3, 2, 6]); // [kh, kw, outC, inC]
      return [tf.conv2dTranspose(x, w, [2, 8, 10, 2], 2, 'same'), tf.conv2dTranspose(x, w, [2, 9, 11, 2], 2, 'valid')];
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'same' });
    expectClose(wasm[1]!.values, cpu[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'valid' });
  });

  it('leaks no tensor', async () => {
    const dy = tf.tensor4d(seededValues([2, 4, 5, 4], 1), [2, 4, 5, 4]);
    const filter = tf.tensor4d(seededValues([3, 2, 3, 4], 2), [3, 2, 3, 4]);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', inputShape: [2, 7, 9, 3] };
    await expectNoLeak(() => tf.dispose(runKernel('Conv2DBackpropInput', { dy, filter }, attrs)));
    expect(dy.dataSync()).toHaveLength(2 * 4 * 5 * 4);
    tf.dispose([dy, filter]);
  });
});
