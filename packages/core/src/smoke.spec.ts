import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

test('wasm backend initialises under jest', async () => {
  await tf.setBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
  expect(Array.from(tf.add(tf.scalar(1), tf.scalar(2)).dataSync())).toEqual([3]);
});
