/**
 * tf.train optimizers by name, with each one's default learning rate (Keras' defaults), and a
 * learning-rate getter/setter that works for all of them: SGD and momentum cache -lr in a
 * scalar (`setLearningRate` refreshes it), the others read the `learningRate` field at every
 * `applyGradients` (tfjs-core 4.22 optimizers/*.ts).
 *
 * @example
 * const opt = createOptimizer('adam');      // lr 0.001
 * setLearningRate(opt, 3e-4);
 * getLearningRate(opt);                     // 0.0003
 */
import * as tf from '@tensorflow/tfjs';

interface OptimizerEntry {
  defaultLearningRate: number;
  create(learningRate: number): tf.Optimizer;
}

export const OPTIMIZERS = {
  sgd: { defaultLearningRate: 0.01, create: (lr) => tf.train.sgd(lr) },
  /** Momentum 0.9 (course 2 week 2: beta = 0.9 works well in practice). */
  momentum: { defaultLearningRate: 0.01, create: (lr) => tf.train.momentum(lr, 0.9) },
  /** beta1 0.9, beta2 0.999 (Kingma & Ba 2015). */
  adam: { defaultLearningRate: 0.001, create: (lr) => tf.train.adam(lr, 0.9, 0.999, 1e-7) },
  /** decay (rho) 0.9, as Keras. */
  rmsprop: { defaultLearningRate: 0.001, create: (lr) => tf.train.rmsprop(lr, 0.9, 0, 1e-7) },
  adagrad: { defaultLearningRate: 0.01, create: (lr) => tf.train.adagrad(lr) },
  adadelta: { defaultLearningRate: 1, create: (lr) => tf.train.adadelta(lr, 0.95, 1e-7) },
} satisfies Record<string, OptimizerEntry>;
// Adamax is left out: tfjs 4.22 cannot getWeights()/setWeights() it, so it could not be checkpointed.

export type OptimizerName = keyof typeof OPTIMIZERS;

export function createOptimizer(name: OptimizerName, learningRate?: number): tf.Optimizer {
  const entry = (OPTIMIZERS as Record<string, OptimizerEntry>)[name];
  if (!entry)
    throw new Error(
      `unknown optimizer '${name}', expected one of ${Object.keys(OPTIMIZERS).join(', ')} or a tf.Optimizer`,
    );
  const lr = learningRate ?? entry.defaultLearningRate;
  checkLearningRate(lr);
  return entry.create(lr);
}

export function getLearningRate(optimizer: tf.Optimizer): number {
  const lr = (optimizer as unknown as { learningRate?: unknown }).learningRate;
  if (typeof lr !== 'number')
    throw new Error(`optimizer ${optimizer.getClassName()} has no numeric learningRate field`);
  return lr;
}

export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  checkLearningRate(learningRate);
  const opt = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof opt.learningRate !== 'number')
    throw new Error(`optimizer ${optimizer.getClassName()} has no numeric learningRate field`);
  if (typeof opt.setLearningRate === 'function') opt.setLearningRate(learningRate);
  else opt.learningRate = learningRate;
}

function checkLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0)) throw new Error(`learning rate must be a finite number >= 0, got ${lr}`);
}

/**
 * Optimizer state that getWeights() leaves out but an exact resume needs. tfjs' Adam keeps
 * beta1^t and beta2^t as running products (accBeta1/accBeta2); its setWeights() recomputes them
 * as pow(beta, iterations + 1), which differs from the product in the last float32 bit after a
 * hundred steps or so, enough to make a resumed run drift by ~1e-7. Saving the products fixes it.
 * (tfjs-core 4.22 optimizers/adam_optimizer.ts.)
 */
const EXTRA_STATE: Record<string, string[]> = { Adam: ['accBeta1', 'accBeta2'] };

/** The extra scalars of `optimizer` (see EXTRA_STATE), by field name. */
export function getOptimizerExtraState(optimizer: tf.Optimizer): Record<string, number> {
  const fields = EXTRA_STATE[optimizer.getClassName()] ?? [];
  const fieldsOf = optimizer as unknown as Record<string, tf.Variable | undefined>;
  return Object.fromEntries(
    fields.filter((f) => fieldsOf[f] instanceof tf.Variable).map((f) => [f, fieldsOf[f]!.dataSync()[0]]),
  );
}

/** Restores what getOptimizerExtraState returned; call after optimizer.setWeights(). */
export function setOptimizerExtraState(optimizer: tf.Optimizer, state: Record<string, number>): void {
  const fieldsOf = optimizer as unknown as Record<string, tf.Variable | undefined>;
  for (const [field, value] of Object.entries(state)) {
    const v = fieldsOf[field];
    if (!(v instanceof tf.Variable))
      throw new Error(`optimizer ${optimizer.getClassName()} has no variable '${field}' to restore`);
    tf.tidy(() => v.assign(tf.scalar(value, v.dtype)));
  }
}
