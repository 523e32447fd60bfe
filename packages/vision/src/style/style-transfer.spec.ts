// Style transfer on real rendered images: the pixel gradient of the total cost against numeric
// differences, a short run in which the style loss falls, feature-net errors, no tensor leaks.
import * as tf from '@tensorflow/tfjs';
import { decodeImage, initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { renderBrushStyle, renderContentScene } from './demo-images';
import { randomFeatureNet, RANDOM_NET_LAYERS } from './random-feature-net';
import { styleCostFunction, styleTransfer } from './style-transfer';

beforeAll(async () => {
  await initBackend();
});

async function pngTensor(png: Buffer, size: number): Promise<tf.Tensor4D> {
  const { data: raw } = await decodeImage(png, { channels: 3, resize: { width: size, height: size, fit: 'cover' } });
  return tf.tidy(() => tf.div(tf.tensor4d(new Uint8Array(raw), [1, size, size, 3], 'int32'), 255) as tf.Tensor4D);
}

describe('styleTransfer', () => {
  it('the gradient of J w.r.t. the pixels matches central differences (tiny image, cpu backend, float32)', async () => {
    await tf.setBackend('cpu');
    try {
      const size = 8;
      const content = await pngTensor(await renderContentScene(64), size);
      const style = await pngTensor(await renderBrushStyle(64), size);
      const net = randomFeatureNet({ filters: [4, 6], seed: 2 });
      // Weights that make every term matter at this size.
      const { cost, dispose } = styleCostFunction(content, style, {
        featureNet: net,
        contentLayer: 'conv2',
        styleLayers: ['conv1', 'conv2'],
        contentWeight: 100,
        styleWeight: 1000,
        tvWeight: 1,
      });
      const g0 = tf.tidy(() =>
        tf.clipByValue(tf.add(content, tf.randomUniform(content.shape, -0.2, 0.2, 'float32', 3)), 0, 1),
      ) as tf.Tensor4D;
      const J = (g: tf.Tensor4D) => tf.tidy(() => cost(g).total.dataSync()[0]);
      const grad = tf.tidy(() => tf.grad((g: tf.Tensor) => cost(g as tf.Tensor4D).total)(g0));
      const gData = grad.dataSync();
      const base = g0.dataSync();
      const eps = 1e-2;
      const scale = Math.max(...Array.from(gData, Math.abs));
      for (const i of [0, 17, 50, 99, 130, 191]) {
        const plus = Float32Array.from(base);
        const minus = Float32Array.from(base);
        plus[i] += eps;
        minus[i] -= eps;
        const tp = tf.tensor4d(plus, g0.shape as [number, number, number, number]);
        const tm = tf.tensor4d(minus, g0.shape as [number, number, number, number]);
        const numeric = (J(tp) - J(tm)) / (2 * eps);
        tf.dispose([tp, tm]);
        // ReLU kinks make differences inexact near 0; 3 % of the largest gradient entry is far below a wrong term's error.
        expect(Math.abs(numeric - gData[i])).toBeLessThan(0.03 * scale + 0.05 * Math.abs(numeric));
      }
      tf.dispose([grad, g0, content, style]);
      dispose();
      net.dispose();
    } finally {
      await tf.setBackend('wasm');
    }
  });

  // Slow (~2-4 s): 30 optimisation steps through a small conv net.
  it('lowers the style loss of a 64x64 rendering in 30 steps, without leaking tensors per step', async () => {
    const content = await pngTensor(await renderContentScene(64), 64);
    const style = await pngTensor(await renderBrushStyle(64), 64);
    const net = randomFeatureNet();
    const r = styleTransfer(content, style, {
      featureNet: net,
      ...RANDOM_NET_LAYERS,
      steps: 30,
      styleWeight: 1e4,
      tvWeight: 1e-3,
      learningRate: 0.05,
    });
    expect(r.styleLoss).toHaveLength(31);
    expect(r.image.shape).toEqual([1, 64, 64, 3]);
    const [min, max] = [r.image.min().dataSync()[0], r.image.max().dataSync()[0]];
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(1);
    // Measured: ~20x lower after 30 steps; require 5x.
    expect(r.styleLoss[0] / r.styleLoss[30]).toBeGreaterThan(5);
    r.image.dispose();
    await expectNoLeak(
      () => styleTransfer(content, style, { featureNet: net, ...RANDOM_NET_LAYERS, steps: 2 }).image.dispose(),
      2,
    );
    expect(() =>
      styleTransfer(content, style, { featureNet: net, contentLayer: 'nope', styleLayers: ['conv1'] }),
    ).toThrow(/no layer named 'nope'; layers are: .*conv1/);
    const small = tf.zeros([1, 32, 32, 3]) as tf.Tensor4D;
    expect(() => styleTransfer(content, small, { featureNet: net, ...RANDOM_NET_LAYERS })).toThrow(/same size/);
    tf.dispose([content, style, small]);
    net.dispose();
  }, 30_000);
});
