import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import { Conv2D } from './conv2d';
import type { Padding } from './windows';

beforeAll(async () => {
  await initBackend();
});

describe('Conv2D', () => {
  test('forward worked out by hand (valid, stride 1, course 4 week 1 conv_single_step)', () => {
    const conv = new Conv2D({ filters: 1, kernelSize: 2, inputChannels: 1 });
    conv.params.W.assign(tf.tensor4d([1, 0, 0, -1], [2, 2, 1, 1])); // [[1, 0], [0, -1]]
    conv.params.b.assign(tf.tensor1d([0.5]));
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    // each output = top-left - bottom-right + 0.5 = -4 + 0.5
    expectClose(conv.forward(x, { training: false }), tf.fill([1, 2, 2, 1], -3.5));
    // dZ = ones: dW[i, j] = sum of the input values under that kernel tap over all windows
    conv.backward(tf.ones([1, 2, 2, 1]));
    expectClose(conv.grads.W, [1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9], { label: 'dW' });
    expectClose(conv.grads.b, [4], { label: 'db' });
    conv.dispose();
  });

  // [pad, stride, kernel, input H x W]; 6 x 5 with 'same' stride 2 pads asymmetrically (0 top, 1 bottom)
  const cases: [Padding, number, number | [number, number], [number, number]][] = [
    ['same', 1, 3, [5, 5]],
    ['valid', 1, 3, [5, 5]],
    ['same', 2, 3, [6, 5]],
    ['valid', 2, 3, [6, 5]],
    [1, 2, 3, [5, 5]],
    [2, 1, 3, [4, 4]],
    ['same', 1, [2, 3], [5, 4]],
    ['valid', 3, 2, [7, 7]],
    ['valid', 1, 1, [3, 3]],
  ];

  // Slow (up to ~2.5 s): the reference runs tf.conv2d autodiff on the tfjs cpu backend.
  test.each(cases)(
    'pad %s stride %s kernel %s input %s: forward and backward equal tf.conv2d autodiff on the cpu backend',
    async (pad, stride, kernel, [H, W]) => {
      const conv = new Conv2D({ filters: 4, kernelSize: kernel, stride, pad, seed: 1 });
      const x = tf.randomNormal([2, H, W, 3], 0, 1, 'float32', 2);
      conv.build([H, W, 3]);
      conv.params.b.assign(tf.tensor1d([0.1, -0.2, 0.3, 0]));
      const cmp = await autodiffCheck(
        conv,
        (a, p) => tf.add(tf.conv2d(a as tf.Tensor4D, p.W as tf.Tensor4D, stride, pad as 'same'), p.b),
        x,
        { referenceBackend: 'cpu' },
      );
      expect(tf.getBackend()).toBe('wasm');
      for (const c of cmp) expectClose(c.ours, c.reference, { atol: 1e-4, rtol: 1e-4, label: c.key });
      expect(conv.computeOutputShape([H, W, 3])).toEqual(conv.forward(x, { training: false }).shape.slice(1));
      conv.dispose();
      x.dispose();
    },
    30_000,
  );

  // Slow (~3-7 s each under load): numeric gradients, two forward passes of the conv per checked entry.
  test.each([
    ['same', 1],
    ['valid', 1],
    ['same', 2],
    ['valid', 2],
  ] as [Padding, number][])(
    'passes gradient checking: pad %s stride %s',
    (pad, stride) => {
      const conv = new Conv2D({
        filters: 3,
        kernelSize: 3,
        stride,
        pad,
        inputChannels: 2,
        initializer: 'xavier',
        seed: 3,
      });
      const x = tf.randomNormal([2, 5, 5, 2], 0, 1, 'float32', 4);
      const outShape = [2, ...conv.computeOutputShape([5, 5, 2])];
      const R = tf.randomNormal(outShape, 0, 1, 'float32', 5);
      const r = gradientCheck(conv, projectionLoss(R), x, R);
      expect(r.passed).toBe(true);
      expect(r.entries.map((e) => e.key)).toEqual(['W', 'b', 'input']);
      conv.dispose();
      tf.dispose([x, R]);
    },
    60_000,
  );

  test('validates its options and inputs', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow('filters must be a positive integer, got 0');
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, pad: 'full' as never })).toThrow(
      "pad must be 'valid', 'same' or a non-negative integer",
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, stride: 0 })).toThrow(
      'stride must be a positive integer, got 0',
    );
    const conv = new Conv2D({ filters: 2, kernelSize: 3, useBias: false });
    expect(() => conv.forward(tf.ones([2, 5, 5]), { training: false })).toThrow(
      'expected a rank-4 input [m, H, W, nC_prev] (NHWC)',
    );
    expect(() => conv.forward(tf.ones([1, 2, 2, 1]), { training: false })).toThrow(
      'input 2x2 is smaller than the 3x3 kernel',
    );
    conv.forward(tf.ones([1, 4, 4, 1]), { training: false }).dispose();
    expect(conv.params.b).toBeUndefined();
    expect(() => conv.forward(tf.ones([1, 4, 4, 2]), { training: false })).toThrow('input has 2 channels, expected 1');
    expect(() => conv.backward(tf.ones([1, 3, 3, 2]))).toThrow('dZ has shape [1,3,3,2], expected [1,2,2,2]');
    conv.dispose();
  });

  test('does not leak across steps', async () => {
    const conv = new Conv2D({ filters: 2, kernelSize: 3, stride: 2, pad: 'same' });
    const x = tf.ones([2, 6, 6, 3]);
    await expectNoLeak(() => {
      const Z = conv.forward(x, { training: true });
      conv.backward(Z).dispose();
      Z.dispose();
    });
    conv.dispose();
    x.dispose();
  });
});
