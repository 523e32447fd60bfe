import * as tf from '@tensorflow/tfjs';
import { expectNoLeak } from '../../testing';
import { initBackend } from '../init';

beforeAll(() => initBackend());

describe('Identity and same-dtype Cast on wasm share the buffer', () => {
  it('shares the input buffer and frees it only when the last reference goes', () => {
    const before = tf.memory().numDataBuffers;
    const x = tf.tensor([1.5, -2, 3]);
    const y = tf.clone(x); // Identity
    const z = tf.cast(x, 'float32');
    expect(tf.memory().numDataBuffers - before).toBe(1); // one buffer, not three
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1.5, -2, 3]);
    y.dispose();
    expect(Array.from(z.dataSync())).toEqual([1.5, -2, 3]);
    z.dispose();
    expect(tf.memory().numDataBuffers).toBe(before);
  });

  it('still converts when the dtype changes (bool means x != 0, as on cpu), and copies strings', () => {
    const x = tf.tensor([1.7, -2.2, 0, NaN, 256]);
    expect(Array.from(tf.cast(x, 'int32').dataSync())).toEqual([1, -2, 0, 0, 256]);
    expect(Array.from(tf.cast(x, 'bool').dataSync())).toEqual([1, 1, 0, 1, 1]); // stock wasm: 254 for -2.2, 0 for 256
    expect(Array.from(tf.cast(tf.tensor([3, 0, -1], [3], 'int32'), 'bool').dataSync())).toEqual([1, 0, 1]);
    expect(tf.clone(tf.tensor(['a', 'b'])).arraySync()).toEqual(['a', 'b']);
    x.dispose();
  });

  it('keeps gradients right through identities (tf.grad of a chain) and leaks nothing', async () => {
    const f = (a: tf.Tensor) => tf.sum(tf.mul(tf.clone(a), tf.cast(a, 'float32')));
    const g = tf.grad(f)(tf.tensor([1, -2, 3]));
    expect(Array.from(g.dataSync())).toEqual([2, -4, 6]); // d/da sum(a^2) = 2a
    g.dispose();
    const x = tf.tensor([1, 2]);
    await expectNoLeak(() => tf.tidy(() => tf.grad(f)(x).dataSync()));
    x.dispose();
  });
});
