/**
 * Tensors for an experiment's train and test sets, with one place that disposes them.
 */
import * as tf from '@tensorflow/tfjs';
import { syntheticTensors } from '../data/synthetic-dataset';
import type { SyntheticDataset } from '../data/synthetic-dataset';

export interface SplitTensors {
  /** [m_train, n] and [m_train, 1]. */
  train: { X: tf.Tensor2D; Y: tf.Tensor2D };
  /** [m_test, n] and [m_test, 1]. */
  test: { X: tf.Tensor2D; Y: tf.Tensor2D };
  dispose(): void;
}

export function splitTensors(train: SyntheticDataset, test: SyntheticDataset): SplitTensors {
  const t = { train: syntheticTensors(train), test: syntheticTensors(test) };
  return { ...t, dispose: () => tf.dispose([t.train.X, t.train.Y, t.test.X, t.test.Y]) };
}
