import * as tf from '@tensorflow/tfjs';
import { expectClose } from '../../testing';
import { seededValues } from '../cross-backend';
import { initBackend } from '../init';
import { cropForPadding, fastSlice, flipFilter, padOrCrop, upsampleByStride } from './conv-helpers';
import { im2colSpatialFirst } from './im2col';

describe('conv layout helpers (wasm)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('fastSlice equals tf.slice, whichever axes are taken whole', () => {
    tf.tidy(() => {
      const x = tf.tensor(seededValues([3, 4, 5, 2], 1), [3, 4, 5, 2]);
      const cases: Array<[number[], number[]]> = [
        [
          [0, 1, 2, 0],
          [3, 2, 3, 2],
        ],
        [
          [1, 0, 0, 0],
          [2, 4, 5, 2],
        ],
        [
          [0, 1, 0, 1],
          [3, 3, 5, 1],
        ],
        [
          [2, 3, 4, 1],
          [1, 1, 1, 1],
        ],
      ];
      for (const [begin, size] of cases)
        expectClose(fastSlice(x, begin, size), tf.slice(x, begin, size), {
          atol: 0,
          rtol: 0,
          label: `${begin}/${size}`,
        });
    });
  });

  it('padOrCrop pads with the value and crops negative amounts (worked example)', () => {
    tf.tidy(() => {
      const x = tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      // rows: crop 1 in front, pad 1 behind; columns: pad 1 in front, crop 2 behind
      const y = padOrCrop(
        x,
        [
          [-1, 1],
          [1, -2],
        ],
        9,
      );
      expect(y.shape).toEqual([2, 2]);
      expect(Array.from(y.dataSync())).toEqual([9, 4, 9, 9]);
      const { cropped, pads } = cropForPadding(x, [
        [-1, 1],
        [1, -2],
      ]);
      expect(Array.from(cropped.dataSync())).toEqual([4]);
      expect(pads).toEqual([
        [0, 1],
        [1, 0],
      ]);
    });
  });

  it('upsampleByStride inserts s-1 zeros after every entry (worked example)', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      const y = upsampleByStride(x, [2, 3]); // [1, 4, 6, 1]
      expect(y.shape).toEqual([1, 4, 6, 1]);
      expect(Array.from(y.dataSync())).toEqual([
        1, 0, 0, 2, 0, 0, /**/ 0, 0, 0, 0, 0, 0, /**/ 3, 0, 0, 4, 0, 0, /**/ 0, 0, 0, 0, 0, 0,
      ]);
    });
  });

  it('flipFilter reverses the spatial axes and swaps in/out channels', () => {
    tf.tidy(() => {
      const w = tf.tensor(seededValues([2, 3, 4, 5], 2), [2, 3, 4, 5]);
      const f = flipFilter(w); // [2, 3, 5, 4]
      expect(f.shape).toEqual([2, 3, 5, 4]);
      const wv = w.arraySync() as number[][][][];
      const fv = f.arraySync() as number[][][][];
      expect(fv[0]![2]![4]![1]).toBe(wv[1]![0]![1]![4]);
      expect(fv[1]![0]![0]![3]).toBe(wv[0]![2]![3]![0]);
    });
  });

  it('im2colSpatialFirst lists every tap window (worked example)', () => {
    tf.tidy(() => {
      // x [S=4, B=1, C=1] = 0..3, kernel 2, stride 2, out 2: taps t=0 -> [0, 2], t=1 -> [1, 3]
      const x = tf.tensor3d([0, 1, 2, 3], [4, 1, 1]);
      const cols = im2colSpatialFirst(x, { out: [2], kernel: [2], strides: [2], dilations: [1] });
      expect(cols.shape).toEqual([2, 2, 1]);
      expect(Array.from(cols.dataSync())).toEqual([0, 2, 1, 3]);
      // dilation 2, stride 1, out 2: t=0 -> [0, 1], t=1 -> [2, 3]
      const dil = im2colSpatialFirst(x, { out: [2], kernel: [2], strides: [1], dilations: [2] });
      expect(Array.from(dil.dataSync())).toEqual([0, 1, 2, 3]);
      expect(() => im2colSpatialFirst(x, { out: [3], kernel: [2], strides: [2], dilations: [1] })).toThrow(
        'windows need 6',
      );
    });
  });
});
