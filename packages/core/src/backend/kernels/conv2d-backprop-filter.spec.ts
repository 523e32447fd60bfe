import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { computeOn, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's Conv2DBackpropFilter (a direct 7-deep loop), run on the same
// seeded inputs. Tolerance atol = rtol = 1e-4: each dW entry is a float32 sum of B*oh*ow <= ~130
// products of N(0,1) values (|sum| ~ 10), and the two backends add them in different orders
// (XNNPACK's blocked GEMM vs a sequential loop), which moves the last bits by ~1e-6 relative.

type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dataFormat?: 'NHWC' | 'NCHW';
}

const cases: Case[] = [];
for (const strides of [1, 2, [2, 1]] as Array<number | [number, number]>) {
  for (const pad of ['same', 'valid'] as const) {
    cases.push({ x: [2, 7, 9, 3], filter: [3, 2, 3, 4], strides, pad }); // <= 4 channels: the row-im2col route
    cases.push({ x: [2, 7, 9, 6], filter: [3, 2, 6, 4], strides, pad }); // more channels: the dilated-conv route
  }
}
cases.push({
  x: [3, 8, 6, 2],
  filter: [3, 3, 2, 5],
  strides: 2,
  pad: [
    [0, 0],
    [1, 2],
    [0, 1],
    [0, 0],
  ],
});
cases.push({ x: [2, 9, 7, 1], filter: [4, 3, 1, 3], strides: 3, pad: 1, dimRoundingMode: 'ceil' });
cases.push({ x: [2, 6, 5, 1], filter: [5, 5, 1, 2], strides: 1, pad: 'valid' }); // filter nearly as large as the input
cases.push({ x: [2, 9, 7, 1], filter: [5, 3, 1, 4], strides: 1, pad: 'same' }); // 1 channel, stride 1: row copies, zero edges
cases.push({ x: [3, 28, 28, 1], filter: [5, 5, 1, 16], strides: 1, pad: 'valid' }); // the MNIST CNN's conv1
cases.push({ x: [2, 3, 7, 5], filter: [2, 3, 3, 4], strides: 2, pad: 'same', dataFormat: 'NCHW' }); // x is [B, C, H, W]

function run(c: Case, xv: Float32Array, dyv: Float32Array | undefined): tf.Tensor[] {
  const dataFormat = c.dataFormat ?? 'NHWC';
  const x = tf.tensor4d(xv, c.x);
  const info = tf.backend_util.computeConv2DInfo(
    c.x,
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
  const dy = tf.tensor4d(dyv ?? seededValues(dyShape, 11), dyShape as [number, number, number, number]);
  const attrs = {
    strides: c.strides,
    pad: c.pad,
    dataFormat,
    dimRoundingMode: c.dimRoundingMode,
    filterShape: c.filter,
  };
  return [tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor];
}

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  // Slow (up to ~20 s under load): the reference runs on the tfjs cpu backend, ~1.5 GFLOP/s, and the largest case is an MNIST-sized conv layer.
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
    'matches the cpu backend: %s',
    async (_, c) => {
      const xv = seededValues(c.x, 7);
      const [expected] = await computeOn('cpu', () => run(c, xv, undefined));
      const [actual] = await computeOn('wasm', () => run(c, xv, undefined));
      expect(actual!.shape).toEqual(c.filter);
      expectClose(actual!.values, expected!.values, { atol: 1e-4, rtol: 1e-4, label: 'dW' });
    },
    60_000,
  );

  it('gives tf.grad of conv2d the cpu backend gradient', async () => {
    const xv = seededValues([2, 10, 8, 3], 1);
    const wv = seededValues([3, 3, 3, 6], 2, 0.3);
    const rv = seededValues([2, 5, 4, 6], 3);
    const grads = () => {
      const x = tf.tensor4d(xv, [2, 10, 8, 3]);
      const w = tf.tensor4d(wv, [3, 3, 3, 6]);
      const r = tf.tensor4d(rv, [2, 5, 4, 6]);
      // loss = sum(conv2d(x, w) * r)  =>  dLoss/dw = Conv2DBackpropFilter(x, dy = r)
      return tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'), r)),
      )([x, w]);
    };
    const expected = await computeOn('cpu', grads);
    const actual = await computeOn('wasm', grads);
    expectClose(actual[1]!.values, expected[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dw' });
    expectClose(actual[0]!.values, expected[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
  });

  it('leaks no tensor and leaves its inputs alive', async () => {
    const x = tf.tensor4d(seededValues([2, 7, 9, 3], 5), [2, 7, 9, 3]);
    const dy = tf.tensor4d(seededValues([2, 4, 5, 4], 6), [2, 4, 5, 4]);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 2, 3, 4] };
    await expectNoLeak(() =>
      tf.dispose(tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap)),
    );
    expect(x.isDisposed || dy.isDisposed).toBe(false);
    expect(x.dataSync()).toHaveLength(2 * 7 * 9 * 3); // the buffers are still readable
    tf.dispose([x, dy]);
  });
});
