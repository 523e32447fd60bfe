/**
 * The costs of neural style transfer (Gatys, Ecker & Bethge 2016, "Image Style Transfer Using
 * Convolutional Neural Networks"), normalised as in deeplearning.ai's Convolutional Neural
 * Networks course (week 4, "Art generation with neural style transfer").
 * Feature maps are [1, n_H, n_W, n_C] (channels-last).
 */
import * as tf from '@tensorflow/tfjs';

/** Gram matrix G = A Aᵀ of the unrolled features A [n_C, n_H n_W]: G[i, j] = Σ_p a_ip a_jp. a: [1, n_H, n_W, n_C] → [n_C, n_C]. */
export function gramMatrix(a: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const [, nH, nW, nC] = a.shape;
    const f = tf.reshape(a, [nH * nW, nC]); // [n_H n_W, n_C] = Aᵀ
    return tf.matMul(f, f, true, false) as tf.Tensor2D; // Aᵀᵀ Aᵀ = A Aᵀ: [n_C, n_C]
  });
}

/** J_content = 1 / (4 n_H n_W n_C) Σ (a_C - a_G)² (course week 4). aC, aG: [1, n_H, n_W, n_C]. */
export function contentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  assertSameShape(aC, aG, 'contentCost');
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.sum(tf.squaredDifference(aC, aG)), 4 * nH * nW * nC) as tf.Scalar;
  });
}

/**
 * One layer's style cost J_style^[l] = 1 / (4 n_C² (n_H n_W)²) Σ_ij (G_S - G_G)²_ij (course week 4),
 * from the style image's Gram matrix gS [n_C, n_C] (precomputed once) and the generated image's features aG.
 */
export function layerStyleCost(gS: tf.Tensor2D, aG: tf.Tensor4D): tf.Scalar {
  const [, nH, nW, nC] = aG.shape;
  if (gS.shape[0] !== nC || gS.shape[1] !== nC)
    throw new Error(`layerStyleCost: style Gram [${gS.shape}] does not match ${nC} channels of [${aG.shape}]`);
  return tf.tidy(() => {
    const gG = gramMatrix(aG);
    return tf.div(tf.sum(tf.squaredDifference(gS, gG)), 4 * nC * nC * (nH * nW) ** 2) as tf.Scalar;
  });
}

/**
 * Total variation (Mahendran & Vedaldi 2015, β = 2): the mean squared difference between
 * vertically and horizontally adjacent pixels, Σ (x[i+1,j] - x[i,j])² + Σ (x[i,j+1] - x[i,j])²
 * divided by H W C. Penalises high-frequency noise in the generated image. img: [1, H, W, C].
 */
export function totalVariationCost(img: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, H, W, C] = img.shape;
    const dy = tf.sub(
      tf.slice(img, [0, 1, 0, 0], [-1, H - 1, -1, -1]),
      tf.slice(img, [0, 0, 0, 0], [-1, H - 1, -1, -1]),
    );
    const dx = tf.sub(
      tf.slice(img, [0, 0, 1, 0], [-1, -1, W - 1, -1]),
      tf.slice(img, [0, 0, 0, 0], [-1, -1, W - 1, -1]),
    );
    return tf.div(tf.add(tf.sum(tf.square(dy)), tf.sum(tf.square(dx))), H * W * C) as tf.Scalar;
  });
}

function assertSameShape(a: tf.Tensor, b: tf.Tensor, where: string): void {
  if (a.shape.join() !== b.shape.join()) throw new Error(`${where}: shapes [${a.shape}] and [${b.shape}] differ`);
}
