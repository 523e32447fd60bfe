// Each transform on hand-made images, with the expected pixels worked out in the comments, plus
// seeding (same (seed, epoch, example) -> same output) and no tensor leak.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import {
  ImageAugmenter,
  adjustBrightnessContrast,
  affineBatch,
  affineImage,
  augmentSeed,
  drawAugmentParams,
  flipHorizontal,
  padCropImage,
} from './image-augment';

beforeAll(async () => {
  await initBackend();
});

/** A size×size×channels image with a single bright pixel at (x, y) in channel ch. */
function dot(size: number, channels: number, x: number, y: number, ch = 0): Float32Array {
  const img = new Float32Array(size * size * channels);
  img[(y * size + x) * channels + ch] = 1;
  return img;
}

function argmax(a: Float32Array): number {
  return a.reduce((b, v, i) => (v > a[b] ? i : b), 0);
}

describe('image augmentation', () => {
  it('flipHorizontal moves pixel (x, y) to (W-1-x, y) in flipped images only', () => {
    const a = dot(5, 3, 1, 2, 2); // pixel (1, 2), blue
    const x = tf.tensor4d([...a, ...a], [2, 5, 5, 3]);
    const y = flipHorizontal(x, [true, false]);
    const out = y.dataSync() as Float32Array;
    const area = 75;
    expect(argmax(out.subarray(0, area))).toBe((2 * 5 + 3) * 3 + 2); // (5-1-1, 2) = (3, 2), channel 2
    expect(Array.from(out.subarray(area))).toEqual(Array.from(a)); // not flipped: unchanged
    tf.dispose([x, y]);
  });

  it('affineImage: a 90° rotation about the centre and a whole-pixel shift move a known pixel', () => {
    // 5×5, centre c = 2. Inverse map samples src at R(-θ)(p - c) + c; with θ = π/2:
    // sx = cos·dx + sin·dy + c = dy + 2, sy = -sin·dx + cos·dy + c = -dx + 2.
    // The source pixel (3, 2) (dx=1 right of centre) is sampled by the output pixel with dy = 1, dx = 0: (2, 3).
    const out = affineImage(dot(5, 1, 3, 2), 5, 1, { angle: Math.PI / 2, shiftX: 0, shiftY: 0 });
    expect(argmax(out)).toBe(3 * 5 + 2);
    expect(out[3 * 5 + 2]).toBeCloseTo(1, 6);
    // shift by (+1, -2): (3, 2) -> (4, 0)
    const shifted = affineImage(dot(5, 1, 3, 2), 5, 1, { angle: 0, shiftX: 1, shiftY: -2 });
    expect(argmax(shifted)).toBe(0 * 5 + 4);
    expect(shifted[4]).toBeCloseTo(1, 6);
    // half-pixel shift: bilinear splits the dot between (3, 2) and (4, 2)
    const half = affineImage(dot(5, 1, 3, 2), 5, 1, { angle: 0, shiftX: 0.5, shiftY: 0 });
    expect(half[2 * 5 + 3]).toBeCloseTo(0.5, 6);
    expect(half[2 * 5 + 4]).toBeCloseTo(0.5, 6);
    // identity
    const img = Float32Array.from({ length: 48 }, (_, i) => (i % 7) / 7);
    expectClose(affineImage(img, 4, 3, { angle: 0, shiftX: 0, shiftY: 0 }), img, { atol: 1e-7 });
  });

  it('padCropImage: (pad, pad) is the identity, other corners shift with zero fill', () => {
    const img = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    expect(Array.from(padCropImage(img, 4, 1, 2, 2, 2))).toEqual(Array.from(img));
    // corner (0, 0): output (x, y) = src (x - 2, y - 2); pixel (0,0)=1 lands at (2, 2)
    const c = padCropImage(img, 4, 1, 2, 0, 0);
    expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 5, 6]);
    expect(() => padCropImage(img, 4, 1, 2, 5, 0)).toThrow(/crop corner \(5, 0\) outside \[0, 4\]/);
  });

  it('adjustBrightnessContrast matches (x − mean)·c + mean + b per image and channel, clipped', () => {
    // image 0, one channel: [0.2, 0.4, 0.6, 0.8], mean 0.5; c = 2, b = 0.1 -> [-0.1, 0.4, 0.8, 1.2] -> clip [0, 0.4, 0.8, 1]
    // image 1: [0.5, 0.5, 0.5, 0.5], c = 0.5, b = -0.2 -> 0.3 everywhere
    const x = tf.tensor4d([0.2, 0.4, 0.6, 0.8, 0.5, 0.5, 0.5, 0.5], [2, 2, 2, 1]);
    const y = adjustBrightnessContrast(x, [0.1, -0.2], [2, 0.5]);
    expectClose(y, [0, 0.4, 0.8, 1, 0.3, 0.3, 0.3, 0.3], { atol: 1e-6 });
    tf.dispose([x, y]);
  });

  it('draws are a pure function of (seed, epoch, example), respect the ranges, and disabled parts draw nothing', () => {
    const s = augmentSeed(1, 3, 17);
    expect(drawAugmentParams(s, 64)).toEqual(drawAugmentParams(augmentSeed(1, 3, 17), 64));
    expect(drawAugmentParams(augmentSeed(1, 4, 17), 64)).not.toEqual(drawAugmentParams(s, 64));
    const p = drawAugmentParams(s, 64, {
      maxRotation: 0.1,
      maxShift: 0.05,
      cropPadding: 4,
      brightness: 0.1,
      contrast: 0.2,
    });
    expect(Math.abs(p.angle)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(p.shiftX)).toBeLessThanOrEqual(3.2);
    expect(p.cropX).toBeGreaterThanOrEqual(0);
    expect(p.cropX).toBeLessThanOrEqual(8);
    expect(p.contrast).toBeGreaterThanOrEqual(0.8);
    const flips = Array.from({ length: 200 }, (_, i) => drawAugmentParams(augmentSeed(1, 0, i), 64).flip).filter(
      Boolean,
    ).length;
    expect(flips).toBeGreaterThan(70); // ~100 of 200
    expect(flips).toBeLessThan(130);
    expect(Array.from({ length: 50 }, (_, i) => drawAugmentParams(i, 64, { flip: false }).flip).some(Boolean)).toBe(
      false,
    );
  });

  it('ImageAugmenter.augmentBatch is reproducible, keeps values in [0, 1], and leaks no tensor', async () => {
    const aug = new ImageAugmenter({ cropPadding: 2 });
    const images = [0, 1, 2].map((k) =>
      Float32Array.from({ length: 16 * 16 * 3 }, (_, i) => ((i * (k + 3)) % 17) / 17),
    );
    const seeds = [augmentSeed(5, 0, 0), augmentSeed(5, 0, 1), augmentSeed(5, 0, 2)];
    const a = aug.augmentBatch(images, seeds, 16, 3);
    const b = aug.augmentBatch(images, seeds, 16, 3);
    expect(a.shape).toEqual([3, 16, 16, 3]);
    expectClose(a, b, { atol: 0 });
    const v = a.dataSync();
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThanOrEqual(1);
    const plain = tf.tensor4d(Float32Array.from(images.flatMap((im) => Array.from(im))), [3, 16, 16, 3]);
    expect(tf.sub(a, plain).abs().max().dataSync()[0]).toBeGreaterThan(0.05); // it changed the images
    tf.dispose([a, b, plain]);
    await expectNoLeak(() => aug.augmentBatch(images, seeds, 16, 3).dispose(), 2);
    expect(() => new ImageAugmenter({ maxShift: 0.7 })).toThrow(/maxShift < 0.5/);
  });
});

describe('affineBatch (tf.image.transform)', () => {
  it('matches the JS reference affineImage per image, edges included (wasm batch; cpu backend per image)', async () => {
    const size = 16;
    const images = [0, 1, 2].map((k) =>
      Float32Array.from({ length: size * size * 3 }, (_, i) => Math.sin(i * 0.37 + k) * 0.5 + 0.5),
    );
    const params = [
      { angle: 0.3, shiftX: 2.5, shiftY: -1.25 },
      { angle: -0.1, shiftX: 0, shiftY: 3 },
      { angle: Math.PI / 2, shiftX: 0, shiftY: 0 },
    ];
    const expected = images.flatMap((im, i) => Array.from(affineImage(im, size, 3, params[i])));
    const x = tf.tensor4d(Float32Array.from(images.flatMap((im) => Array.from(im))), [3, size, size, 3]);
    const y = affineBatch(x, params);
    expectClose(y, expected, { atol: 1e-5, label: 'affineBatch on wasm' });
    tf.dispose([x, y]);
    // The cpu backend as a second oracle, one image at a time: its Transform kernel returns
    // zeros for every image after the first of a batch (measured here, tfjs 4.22).
    await tf.setBackend('cpu');
    images.forEach((im, i) => {
      const xi = tf.tensor4d(im, [1, size, size, 3]);
      const yi = affineBatch(xi, [params[i]]);
      expectClose(yi, affineImage(im, size, 3, params[i]), { atol: 1e-5, label: `affineBatch on cpu, image ${i}` });
      tf.dispose([xi, yi]);
    });
    await tf.setBackend('wasm');
  });

  it('folds the flip in: flip-only equals flipHorizontal exactly, flip + warp equals affineImage of the mirrored image', () => {
    const size = 8;
    const img = Float32Array.from({ length: size * size * 3 }, (_, i) => ((i * 7) % 11) / 11);
    const mirror = new Float32Array(img.length); // JS mirror: (x, y) <- (W-1-x, y)
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        for (let ch = 0; ch < 3; ch++) mirror[(y * size + x) * 3 + ch] = img[(y * size + size - 1 - x) * 3 + ch];
    const x = tf.tensor4d([...img, ...img], [2, size, size, 3]);
    const flipOnly = affineBatch(x, [
      { angle: 0, shiftX: 0, shiftY: 0, flip: true },
      { angle: 0, shiftX: 0, shiftY: 0, flip: false },
    ]);
    const viaReverse = flipHorizontal(x, [true, false]);
    expectClose(flipOnly, viaReverse, { atol: 1e-6, label: 'flip via transform' });
    expectClose(flipOnly.slice([0], [1]), mirror, { atol: 1e-6, label: 'flip vs JS mirror' });
    const p = { angle: 0.2, shiftX: 1.5, shiftY: -0.5 };
    const both = affineBatch(x.slice([0], [1]), [{ ...p, flip: true }]);
    expectClose(both, affineImage(mirror, size, 3, p), { atol: 1e-5, label: 'flip then warp' });
    tf.dispose([x, flipOnly, viaReverse, both]);
  });
});
