/**
 * A multi-task network: one shared trunk (the MNIST CNN's conv blocks and its 128-unit hidden
 * layer) and one small head per task, all trained at once (Caruana 1997, "Multitask Learning";
 * the course's multi-task lecture). Outputs are in `heads` order, each named after its head.
 *
 * [B, 28, 28, 1] -conv-pool-bn-conv-pool-bn-flatten-dense(128)-> [B, 128] shared
 *   -> head 'digit':  dense(10, softmax) [B, 10]
 *   -> head 'gt4':    dense(1, sigmoid)  [B, 1]
 *
 * @example
 * const model = multiTaskNet({ heads: [DIGIT_HEAD, GREATER_THAN_4_HEAD], seed: 1 });
 */
import * as tf from '@tensorflow/tfjs';
import { MNIST_SIZE } from '../datasets/mnist';
import { HeadKind } from './masked-loss';

export interface TaskHead {
  /** Output name and key of the targets. */
  name: string;
  kind: HeadKind;
  /** Classes for softmax heads (sigmoid heads have one unit). */
  classes?: number;
  /** Weight of this head's loss in the total (default 1). */
  weight?: number;
  /** Label of every digit for this task, e.g. d => d % 2 (used by the MNIST helpers). */
  fromDigit?: (digit: number) => number;
}

export const DIGIT_HEAD = {
  name: 'digit',
  kind: 'softmax',
  classes: 10,
  weight: 1,
  fromDigit: (d: number) => d,
} satisfies TaskHead;
export const GREATER_THAN_4_HEAD = {
  name: 'gt4',
  kind: 'sigmoid',
  weight: 1,
  fromDigit: (d: number) => (d > 4 ? 1 : 0),
} satisfies TaskHead;
export const PARITY_HEAD = {
  name: 'odd',
  kind: 'sigmoid',
  weight: 1,
  fromDigit: (d: number) => d % 2,
} satisfies TaskHead;

export interface MultiTaskNetOptions {
  heads: TaskHead[];
  seed?: number;
  /** Filters of the two shared conv layers. */
  filters?: [number, number];
  /** Units of the shared dense layer. */
  sharedUnits?: number;
}

export const MULTI_TASK_NET_DEFAULTS = { seed: 0, filters: [16, 32], sharedUnits: 128 } satisfies Omit<
  Required<MultiTaskNetOptions>,
  'heads'
>;

export function multiTaskNet(options: MultiTaskNetOptions): tf.LayersModel {
  const o = { ...MULTI_TASK_NET_DEFAULTS, ...options };
  if (o.heads.length === 0) throw new Error('multiTaskNet: at least one head is required');
  const names = o.heads.map((h) => h.name);
  if (new Set(names).size !== names.length)
    throw new Error(`multiTaskNet: head names must be distinct, got ${names.join(', ')}`);
  let seed = o.seed;
  const init = () => tf.initializers.glorotUniform({ seed: seed++ });
  const input = tf.input({ shape: [MNIST_SIZE, MNIST_SIZE, 1], name: 'image' });
  let x: tf.SymbolicTensor = input;
  o.filters.forEach((filters, i) => {
    x = tf.layers
      .conv2d({ filters, kernelSize: 5, activation: 'relu', kernelInitializer: init(), name: `conv${i + 1}` })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({ momentum: 0.9, name: `bn${i + 1}` }).apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  const shared = tf.layers
    .dense({ units: o.sharedUnits, activation: 'relu', kernelInitializer: init(), name: 'shared' })
    .apply(x) as tf.SymbolicTensor;
  const outputs = o.heads.map((h) => {
    if (h.kind === 'softmax' && !(Number.isInteger(h.classes) && (h.classes as number) >= 2))
      throw new Error(`head '${h.name}': softmax heads need classes >= 2, got ${h.classes}`);
    const units = h.kind === 'softmax' ? (h.classes as number) : 1;
    return tf.layers
      .dense({ units, activation: h.kind, kernelInitializer: init(), name: h.name })
      .apply(shared) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs, name: 'multitask' });
}
