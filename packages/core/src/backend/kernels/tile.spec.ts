import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../init';
import { expectNoLeak } from '../../testing';
import { tileInto } from './tile';

beforeAll(() => initBackend());

/** tile on the cpu backend: the reference. */
async function cpuTile(x: number[], shape: number[], reps: number[], dtype: 'float32' | 'int32'): Promise<number[]> {
  await tf.setBackend('cpu');
  const t = tf.tensor(x, shape, dtype);
  const out = Array.from(tf.tile(t, reps).dataSync());
  t.dispose();
  await tf.setBackend('wasm');
  return out;
}

describe('Tile on wasm (block-copy kernel)', () => {
  it('tiles a hand-worked 2x2 by [2, 3]', () => {
    // [[1, 2], [3, 4]] tiled [2, 3] -> 4 rows of 6: each row repeats its pair 3 times, rows 0,1 then 0,1 again
    const out = new Float32Array(24);
    tileInto(new Float32Array([1, 2, 3, 4]), [2, 2], [2, 3], out);
    expect(Array.from(out)).toEqual([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4]);
  });

  const cases: [number[], number[]][] = [
    [[3], [4]],
    [
      [1, 1, 1, 5],
      [4, 6, 6, 1],
    ], // batch norm's per-channel statistics
    [
      [2, 3, 4],
      [1, 1, 1],
    ],
    [
      [2, 3, 4],
      [3, 1, 2],
    ],
    [
      [2, 1, 3, 2],
      [2, 5, 1, 3],
    ],
    [
      [4, 3],
      [1, 7],
    ],
    [
      [2, 3],
      [0, 2],
    ],
  ];
  for (const [shape, reps] of cases) {
    for (const dtype of ['float32', 'int32'] as const) {
      it(`equals the cpu backend for shape [${shape}] reps [${reps}] (${dtype})`, async () => {
        const size = shape.reduce((a, b) => a * b, 1);
        const values = Array.from({ length: size }, (_, i) => (dtype === 'int32' ? i * 7 - 11 : Math.sin(i) * 3));
        const expected = await cpuTile(values, shape, reps, dtype);
        const x = tf.tensor(values, shape, dtype);
        const y = tf.tile(x, reps);
        expect(y.shape).toEqual(shape.map((d, k) => d * reps[k]));
        expect(Array.from(y.dataSync())).toEqual(expected); // exact: Tile only moves values
        expect(Array.from(x.dataSync())).toEqual(dtype === 'int32' ? values : Array.from(new Float32Array(values))); // input intact
        tf.dispose([x, y]);
      });
    }
  }

  it('delegates bool to the stock kernel and leaks nothing', async () => {
    const b = tf.tensor([true, false], [2], 'bool');
    const t = tf.tile(b, [2]);
    expect(Array.from(t.dataSync())).toEqual([1, 0, 1, 0]);
    tf.dispose([b, t]);
    const x = tf.randomNormal([1, 1, 1, 8]);
    await expectNoLeak(() => tf.tidy(() => tf.tile(x, [4, 5, 5, 1]).dataSync()));
    x.dispose();
  });
});
