import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../init';
import { expectNoLeak } from '../../testing';
import { sliceInto } from './slice';

beforeAll(() => initBackend());

/** `fn` on the cpu backend: the reference. */
async function onCpu(fn: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await tf.setBackend('cpu');
  const out = tf.tidy(fn);
  const values = (Array.isArray(out) ? out : [out]).map((t) => Array.from(t.dataSync()));
  tf.dispose(out);
  await tf.setBackend('wasm');
  return values;
}

describe('Slice and Unpack on wasm (heap-view kernels)', () => {
  it('slices a hand-worked 3x4 matrix', () => {
    // [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], rows 1-2, columns 1-2 -> [[5, 6], [9, 10]]
    const out = new Float32Array(4);
    sliceInto(
      Float32Array.from({ length: 12 }, (_, i) => i),
      [3, 4],
      [1, 1],
      [2, 2],
      out,
    );
    expect(Array.from(out)).toEqual([5, 6, 9, 10]);
  });

  const cases: [number[], number[], number[]][] = [
    [[7], [2], [4]],
    [[3, 4], [1, 0], [2, 4]], // whole rows: one contiguous copy
    [[3, 4], [0, 1], [3, 2]],
    [[5, 2, 3], [1, 0, 0], [1, 2, 3]], // one step of a time-major sequence
    [[2, 3, 4, 5], [1, 1, 0, 2], [1, 2, 4, 3]],
    [[2, 3, 4, 5], [0, 2, 1, 0], [2, 1, 3, 5]],
    [[2, 3], [0, 0], [2, 0]], // empty
  ]; // prettier-ignore
  for (const [shape, begin, size] of cases) {
    for (const dtype of ['float32', 'int32', 'bool'] as const) {
      it(`equals the cpu backend for shape [${shape}] begin [${begin}] size [${size}] (${dtype})`, async () => {
        const n = shape.reduce((a, b) => a * b, 1);
        const values = Array.from({ length: n }, (_, i) => (dtype === 'float32' ? Math.sin(i) * 3 : (i * 7) % 5));
        const [expected] = await onCpu(() => tf.slice(tf.tensor(values, shape, dtype), begin, size));
        const x = tf.tensor(values, shape, dtype);
        const y = tf.slice(x, begin, size);
        expect(y.shape).toEqual(size);
        expect(Array.from(y.dataSync())).toEqual(expected); // exact: Slice only moves values
        expect(x.dataSync().length).toBe(n);
        tf.dispose([x, y]);
      });
    }
  }

  it('unstacks along every axis as the cpu backend does, and leaks nothing', async () => {
    const values = Array.from({ length: 60 }, (_, i) => i * 0.5 - 7);
    for (const axis of [0, 1, 2, -1]) {
      const expected = await onCpu(() => tf.unstack(tf.tensor(values, [3, 4, 5]), axis));
      const x = tf.tensor(values, [3, 4, 5]);
      const parts = tf.unstack(x, axis);
      expect(parts.map((p) => Array.from(p.dataSync()))).toEqual(expected);
      expect(parts[0].shape).toEqual([3, 4, 5].filter((_, k) => k !== (axis + 3) % 3));
      tf.dispose([x, ...parts]);
    }
    const x = tf.randomNormal([6, 2, 3]);
    await expectNoLeak(() => tf.tidy(() => tf.stack(tf.unstack(x)).sum().dataSync()));
    x.dispose();
  });

  it('gives the gradient through a recurrent layer that the cpu backend gives', async () => {
    const xs = Array.from({ length: 2 * 5 * 3 }, (_, i) => Math.cos(i));
    const run = () => {
      const gru = tf.layers.gru({ units: 4, returnSequences: true, kernelInitializer: 'glorotUniform' });
      const input = tf.tensor(xs, [2, 5, 3]);
      gru.apply(input); // builds the weights, seeded below
      gru.setWeights(
        gru.getWeights().map((w, k) =>
          tf.tensor(
            Array.from({ length: w.size }, (_, i) => Math.sin(i + k) * 0.3),
            w.shape,
          ),
        ),
      );
      const g = tf.grad((v: tf.Tensor) => (gru.apply(v) as tf.Tensor).square().sum())(input);
      gru.dispose();
      return g;
    };
    const [expected] = await onCpu(run);
    const g = run();
    const actual = Array.from(g.dataSync());
    g.dispose();
    actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
  });
});
