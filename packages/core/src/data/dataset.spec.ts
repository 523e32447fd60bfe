import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectNoLeak } from '../testing';
import { datasetSubset, disposeBatch, isDataset, tensorDataset } from './dataset';
import { splitDataset, splitIndices } from './split';

beforeAll(() => initBackend());

describe('tensorDataset', () => {
  it('gathers the requested rows of x (one or several inputs) and y, in order', async () => {
    const x = tf.tensor2d([
      [0, 0],
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const x2 = tf.tensor1d([100, 101, 102, 103]);
    const y = tf.tensor1d([0, 1, 2, 3]);
    const ds = tensorDataset([x, x2], y);
    expect(ds.size).toBe(4);
    expect(isDataset(ds)).toBe(true);
    const b = ds.batch([3, 1]);
    expect((b.x as tf.Tensor[])[0].arraySync()).toEqual([
      [3, 30],
      [1, 10],
    ]);
    expect((b.x as tf.Tensor[])[1].arraySync()).toEqual([103, 101]);
    expect(b.y.arraySync()).toEqual([3, 1]);
    disposeBatch(b);
    const sub = datasetSubset(tensorDataset(x, y), [2, 0]);
    const sb = sub.batch([1, 0]);
    expect(sb.y.arraySync()).toEqual([0, 2]);
    disposeBatch(sb);
    expect(() => ds.batch([4])).toThrow(/index 4 is outside 0..3/);
    expect(() => tensorDataset(x, tf.tensor1d([1, 2]))).toThrow(/x has shape \[4,2\] but y has 2 examples/);
    // a batch owns exactly the tensors disposeBatch frees, for one input, several, and a subset
    await expectNoLeak(() => {
      disposeBatch(ds.batch([3, 1]));
      disposeBatch(tensorDataset(x, y).batch([0, 2]));
      disposeBatch(datasetSubset(tensorDataset(x, y), [2, 0]).batch([1]));
    });
    tf.dispose([x, x2, y]);
  });
});

describe('splitIndices', () => {
  it('holds out round(n * fraction) examples, seeded, disjoint and sorted', () => {
    const a = splitIndices(10, { validationFraction: 0.3, seed: 1 });
    expect(a.validation).toHaveLength(3);
    expect(a.train).toHaveLength(7);
    expect([...a.train, ...a.validation].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...a.train].sort((p, q) => p - q)).toEqual(a.train);
    expect(splitIndices(10, { validationFraction: 0.3, seed: 1 })).toEqual(a);
    expect(splitIndices(10, { validationFraction: 0.3, seed: 2 })).not.toEqual(a);
    expect(splitIndices(10, { validationFraction: 0.3, seed: null }).validation).toEqual([7, 8, 9]);
    expect(() => splitIndices(3, { validationFraction: 0.1, seed: 1 })).toThrow(/leaves an empty validation set/);
    expect(() => splitIndices(3, { validationFraction: 1, seed: 1 })).toThrow(/must be in \(0, 1\)/);
  });

  it('splitDataset returns views of the two parts', async () => {
    const y = tf.tensor1d([0, 1, 2, 3, 4, 5]);
    const { train, validation } = splitDataset(tensorDataset(y, y), { validationFraction: 0.5, seed: 3 });
    const tb = train.batch([0, 1, 2]);
    const vb = validation.batch([0, 1, 2]);
    const all = [...(tb.y.arraySync() as number[]), ...(vb.y.arraySync() as number[])].sort();
    expect(all).toEqual([0, 1, 2, 3, 4, 5]);
    disposeBatch(tb);
    disposeBatch(vb);
    await expectNoLeak(() => disposeBatch(validation.batch([0, 2])));
    y.dispose();
  });
});
