import * as tf from '@tensorflow/tfjs';
import { expectClose } from '../../testing';
import { initBackend } from '../init';
import { requireInputs, runOnTensors, wrapTensorInfo } from './tensor-info';

describe('running tf ops on kernel inputs', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('wraps a TensorInfo with its own reference, so disposing the wrapper keeps the buffer', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const backend = tf.backend();
    const before = backend.refCount(x.dataId);
    const wrapper = wrapTensorInfo({ dataId: x.dataId, shape: x.shape, dtype: x.dtype }, backend);
    expect(backend.refCount(x.dataId)).toBe(before + 1);
    wrapper.dispose();
    expect(backend.refCount(x.dataId)).toBe(before);
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3]);
    x.dispose();
  });

  it('runOnTensors disposes every intermediate and wrapper, keeping only the result', () => {
    const a = tf.tensor1d([1, 2]);
    const b = tf.tensor1d([10, 20]);
    const count = tf.memory().numTensors;
    const out = runOnTensors(tf.backend(), [a, b], (x, y) => tf.add(tf.mul(x, 2), y));
    expect(tf.memory().numTensors).toBe(count + 1);
    expectClose(out, [12, 24]);
    tf.dispose([out, a, b]);
  });

  it('a dlkit kernel accepts bare TensorInfo inputs, as backends pass them', () => {
    const x = tf.tensor4d(
      Float32Array.from({ length: 2 * 5 * 4 * 3 }, (_, i) => Math.sin(i)),
      [2, 5, 4, 3],
    );
    const dy = tf.tensor4d(
      Float32Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => Math.cos(i)),
      [2, 3, 2, 2],
    );
    const attrs = {
      strides: 1,
      pad: 'valid',
      dataFormat: 'NHWC',
      filterShape: [3, 3, 3, 2],
    } as unknown as tf.NamedAttrMap;
    const expected = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
    const bare = (t: tf.Tensor): tf.TensorInfo => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'wasm')!;
    const out = kernel.kernelFunc({ inputs: { x: bare(x), dy: bare(dy) }, backend: tf.backend(), attrs }) as tf.Tensor;
    expectClose(out, expected, { atol: 0, rtol: 0 });
    expect(x.dataSync()).toHaveLength(120); // still alive
    tf.dispose([x, dy, out, expected]);
  });

  it('names the kernel and the missing input', () => {
    const x = tf.scalar(1);
    expect(() => requireInputs({ x }, ['x', 'dy'], 'Conv2DBackpropFilter')).toThrow(
      "Conv2DBackpropFilter: missing input 'dy' (expected inputs: x, dy)",
    );
    x.dispose();
  });
});
