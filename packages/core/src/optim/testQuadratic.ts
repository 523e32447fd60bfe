/**
 * Test fixture shared by the optimizer specs: an ill-conditioned quadratic
 * f(W) = 0.5 * sum_i a_i * (W_i - c_i)^2 with analytic gradient a * (W - c), so an optimizer can be
 * stepped side by side with tfjs's on exactly the same gradients. Not exported from the barrel.
 */
import * as tf from '@tensorflow/tfjs';

export const CURVATURE = [1, 10, 0.1, 4]; // a_i: condition number 100
export const CENTER = [3, -1, 2, 0.5]; // c_i: the minimum
export const START = [0, 0, 0, 0];

/** Gradient of the quadratic at W: a * (W - c), shape [4]. */
export function quadraticGrad(W: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.tensor1d(CURVATURE), tf.sub(W, tf.tensor1d(CENTER))));
}

/** Runs `steps` updates of a scratch step function and of a tfjs optimizer; returns both trajectories. */
export function sideBySide(
  ours: (W: tf.Variable, dW: tf.Tensor) => void,
  theirs: tf.Optimizer,
  steps: number,
): { ours: number[][]; theirs: number[][] } {
  const a = tf.tidy(() => tf.variable(tf.tensor1d(START)));
  const b = tf.tidy(() => tf.variable(tf.tensor1d(START)));
  const out = { ours: [] as number[][], theirs: [] as number[][] };
  for (let i = 0; i < steps; i++) {
    const ga = quadraticGrad(a);
    ours(a, ga);
    ga.dispose();
    const gb = quadraticGrad(b);
    theirs.applyGradients({ [b.name]: gb });
    gb.dispose();
    out.ours.push(Array.from(a.dataSync()));
    out.theirs.push(Array.from(b.dataSync()));
  }
  a.dispose();
  b.dispose();
  disposeTfjsOptimizer(theirs);
  return out;
}

/**
 * tfjs 4.22's MomentumOptimizer.dispose() does not call super.dispose(), so the `-lr` scalar its
 * SGD base class keeps (`c`) leaks, one tensor per optimizer. Free it here so the specs can
 * still assert that nothing leaks.
 */
export function disposeTfjsOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tf.Tensor }).c;
  if (opt instanceof tf.MomentumOptimizer && c && !c.isDisposed) c.dispose();
}
