// Gram matrix and the style/content/TV costs against values worked out by hand.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { contentCost, gramMatrix, layerStyleCost, totalVariationCost } from './costs';

beforeAll(async () => {
  await initBackend();
});

// a: [1, n_H = 1, n_W = 2, n_C = 2], pixels p1 = (1, 2), p2 = (3, 4).
// Unrolled A [n_C, n_H n_W] = [[1, 3], [2, 4]], so G = A Aᵀ = [[1+9, 2+12], [2+12, 4+16]] = [[10, 14], [14, 20]].
const a = () => tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]);

describe('style transfer costs', () => {
  it('gramMatrix is A Aᵀ over the unrolled channels', () => {
    const g = tf.tidy(() => gramMatrix(a()));
    expect(g.shape).toEqual([2, 2]);
    expectClose(g, [10, 14, 14, 20], { label: 'G' });
    g.dispose();
  });

  it('contentCost = Σ (aC - aG)² / (4 n_H n_W n_C)', () => {
    // aC = 0, aG = a: Σ = 1 + 4 + 9 + 16 = 30; 4 n_H n_W n_C = 4 * 1 * 2 * 2 = 16 → 1.875.
    const j = tf.tidy(() => contentCost(tf.zeros([1, 1, 2, 2]) as tf.Tensor4D, a()));
    expectClose(j, [1.875], { label: 'J_content' });
    j.dispose();
    expect(() => contentCost(tf.zeros([1, 1, 1, 2]) as tf.Tensor4D, tf.zeros([1, 1, 2, 2]) as tf.Tensor4D)).toThrow(
      /differ/,
    );
  });

  it('layerStyleCost = Σ (G_S - G_G)² / (4 n_C² (n_H n_W)²)', () => {
    // G_S = I, G_G = [[10, 14], [14, 20]]: Σ = 81 + 196 + 196 + 361 = 834; 4 n_C² (n_H n_W)² = 4 * 4 * 4 = 64 → 13.03125.
    const j = tf.tidy(() => layerStyleCost(tf.eye(2) as tf.Tensor2D, a()));
    expectClose(j, [13.03125], { label: 'J_style' });
    j.dispose();
    expect(() => layerStyleCost(tf.eye(3) as tf.Tensor2D, a())).toThrow(/does not match 2 channels/);
  });

  it('totalVariationCost = (Σ vertical² + Σ horizontal²) / (H W C)', () => {
    // img [[0, 1], [2, 4]]: vertical 2-0, 4-1 → 4 + 9; horizontal 1-0, 4-2 → 1 + 4; 18 / 4 = 4.5.
    const j = tf.tidy(() => totalVariationCost(tf.tensor4d([0, 1, 2, 4], [1, 2, 2, 1])));
    expectClose(j, [4.5], { label: 'TV' });
    j.dispose();
  });

  it('leave no tensor behind', async () => {
    const x = a();
    const style = tf.eye(2) as tf.Tensor2D;
    await expectNoLeak(() =>
      tf.dispose([gramMatrix(x), contentCost(x, x), layerStyleCost(style, x), totalVariationCost(x)]),
    );
    tf.dispose([x, style]);
  });
});
