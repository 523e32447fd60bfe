import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectClose, expectNoLeak } from '../testing';
import { Adam } from './adam';
import { GradientDescent } from './gradient-descent';
import { Momentum } from './momentum';
import { RMSprop } from './rmsprop';
import type { ScratchOptimizer } from '../scratch/types';

// The fixture: an ill-conditioned quadratic f(W) = 0.5 * sum_i a_i * (W_i - c_i)^2 with analytic
// gradient a * (W - c), so our optimizers and tfjs's can be stepped on exactly the same gradients.
const CURVATURE = [1, 10, 0.1, 4]; // a_i: condition number 100
const CENTER = [3, -1, 2, 0.5]; // c_i: the minimum
const START = [0, 0, 0, 0];

/** Gradient of the quadratic at W: a * (W - c), shape [4]. */
function quadraticGrad(W: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.tensor1d(CURVATURE), tf.sub(W, tf.tensor1d(CENTER))));
}

/** Runs `steps` updates of a scratch step function and of a tfjs optimizer; returns both trajectories. */
function sideBySide(
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
function disposeTfjsOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tf.Tensor }).c;
  if (opt instanceof tf.MomentumOptimizer && c && !c.isDisposed) c.dispose();
}

beforeAll(async () => {
  await initBackend();
});

/** A variable without leaking the tensor it was initialised from. */
const variable = (values: number[]) => tf.tidy(() => tf.variable(tf.tensor1d(values)));

// Two fixed gradients on a 2-element parameter W0 = [1, -2], learning rate 0.1.
const G1 = [0.1, -0.4];
const G2 = [0.3, 0.2];

function twoSteps(opt: ScratchOptimizer): number[][] {
  const W = variable([1, -2]);
  const trajectory: number[][] = [];
  for (const g of [G1, G2]) {
    const dW = tf.tensor1d(g);
    opt.step({ W }, { W: dW });
    dW.dispose();
    trajectory.push(Array.from(W.dataSync()));
  }
  W.dispose();
  opt.dispose();
  return trajectory;
}

describe('optimizers against hand-worked steps', () => {
  it('gradient descent: W - lr * dW', () => {
    // [1, -2] - 0.1 * [0.1, -0.4] = [0.99, -1.96]; then - 0.1 * [0.3, 0.2] = [0.96, -1.98]
    const [s1, s2] = twoSteps(new GradientDescent({ learningRate: 0.1 }));
    expectClose(s1, [0.99, -1.96], { label: 'gd step 1' });
    expectClose(s2, [0.96, -1.98], { label: 'gd step 2' });
  });

  it('momentum: v = 0.9 v + 0.1 dW, W -= lr v', () => {
    // step 1: v = 0.1 * G1 = [0.01, -0.04]; W = [1 - 0.001, -2 + 0.004] = [0.999, -1.996]
    // step 2: v = 0.9 * [0.01, -0.04] + 0.1 * [0.3, 0.2] = [0.039, -0.016]; W = [0.9951, -1.9944]
    const [s1, s2] = twoSteps(new Momentum({ learningRate: 0.1, beta: 0.9 }));
    expectClose(s1, [0.999, -1.996], { label: 'momentum step 1' });
    expectClose(s2, [0.9951, -1.9944], { label: 'momentum step 2' });
  });

  it('RMSprop: s = 0.9 s + 0.1 dW^2, W -= lr dW / (sqrt(s) + eps)', () => {
    // step 1: s = 0.1 * G1^2 = [0.001, 0.016]; dW / sqrt(s) = sign(dW) / sqrt(0.1) = +-3.16228
    //         W = [1 - 0.316228, -2 + 0.316228] = [0.683772, -1.683772]
    // step 2: s = 0.9 * [0.001, 0.016] + 0.1 * [0.09, 0.04] = [0.0099, 0.0184]
    //         update = 0.1 * [0.3 / 0.0994987, 0.2 / 0.1356466] = [0.301511, 0.147442]
    //         W = [0.382261, -1.831214]
    const [s1, s2] = twoSteps(new RMSprop({ learningRate: 0.1, beta: 0.9 }));
    expectClose(s1, [0.683772, -1.683772], { label: 'rmsprop step 1' });
    expectClose(s2, [0.382261, -1.831214], { label: 'rmsprop step 2' });
  });

  it('Adam with bias correction (Kingma & Ba 2015, Algorithm 1)', () => {
    // step 1 (t = 1): v = 0.1 * G1 = [0.01, -0.04]     v_hat = v / (1 - 0.9)   = G1 = [0.1, -0.4]
    //                 s = 0.001 * G1^2 = [1e-5, 1.6e-4]  s_hat = s / (1 - 0.999) = G1^2 = [0.01, 0.16]
    //   update = 0.1 * v_hat / (sqrt(s_hat) + 1e-8) = 0.1 * [0.1/0.1, -0.4/0.4] = [0.1, -0.1]
    //   (without bias correction it would be 0.1 * 0.01 / sqrt(1e-5) = 0.0316: the correction matters)
    //   W = [0.9, -1.9]
    // step 2 (t = 2): v = 0.9 * [0.01, -0.04] + 0.1 * [0.3, 0.2] = [0.039, -0.016]
    //                 v_hat = v / (1 - 0.81) = [0.2052632, -0.0842105]
    //                 s = 0.999 * [1e-5, 1.6e-4] + 0.001 * [0.09, 0.04] = [9.999e-5, 1.9984e-4]
    //                 s_hat = s / (1 - 0.998001) = [0.0500200, 0.0999700]; sqrt = [0.2236515, 0.3161803]
    //   update = 0.1 * v_hat / sqrt(s_hat) = [0.0917781, -0.0266337]
    //   W = [0.8082219, -1.8733663]
    const opt = new Adam({ learningRate: 0.1 });
    const [s1, s2] = twoSteps(opt);
    expectClose(s1, [0.9, -1.9], { label: 'adam step 1' });
    expectClose(s2, [0.8082219, -1.8733663], { label: 'adam step 2' });
  });

  it('the learning-rate argument overrides the constructor rate for one step', () => {
    const W = variable([1]);
    const dW = tf.tensor1d([2]);
    const opt = new GradientDescent({ learningRate: 0.1 });
    opt.step({ W }, { W: dW }, 0.25); // 1 - 0.25 * 2
    expectClose(W, [0.5]);
    opt.step({ W }, { W: dW }); // 0.5 - 0.1 * 2
    expectClose(W, [0.3]);
    tf.dispose([W, dW]);
  });
});

describe('optimizers side by side with tfjs on a quadratic (10 steps)', () => {
  const steps = 10;

  it('Adam equals tf.train.adam (same formula, epsilon set to the paper value)', () => {
    const ours = new Adam({ learningRate: 0.05 });
    const run = sideBySide((W, dW) => ours.step({ W }, { W: dW }), tf.train.adam(0.05, 0.9, 0.999, 1e-8), steps);
    ours.dispose();
    run.ours.forEach((w, i) => expectClose(w, run.theirs[i], { atol: 1e-5, label: `adam step ${i + 1}` }));
    // and it moved towards the minimum
    expect(Math.abs(run.ours[steps - 1][0] - CENTER[0])).toBeLessThan(CENTER[0]);
  });

  it('Momentum equals tf.train.momentum with lr * (1 - beta) (tfjs drops the (1 - beta) dampening)', () => {
    const ours = new Momentum({ learningRate: 0.05, beta: 0.9 });
    const run = sideBySide((W, dW) => ours.step({ W }, { W: dW }), tf.train.momentum(0.05 * (1 - 0.9), 0.9), steps);
    ours.dispose();
    run.ours.forEach((w, i) =>
      expectClose(w, run.theirs[i], { atol: 1e-5, rtol: 1e-4, label: `momentum step ${i + 1}` }),
    );
    // With the same nominal rate, tfjs's steps are 1 / (1 - beta) = 10x larger: not the same method.
    const ours2 = new Momentum({ learningRate: 0.01, beta: 0.9 });
    const undamped = sideBySide((W, dW) => ours2.step({ W }, { W: dW }), tf.train.momentum(0.01, 0.9), 1);
    ours2.dispose();
    // step 1 on coordinate 0: ours 0.01 * 0.1 * a0 * c0 = 0.003, tfjs 0.01 * a0 * c0 = 0.03
    expectClose(
      [undamped.ours[0][0], undamped.theirs[0][0]],
      [0.01 * 0.1 * CURVATURE[0] * CENTER[0], 0.01 * CURVATURE[0] * CENTER[0]],
    );
  });

  it('RMSprop matches tf.train.rmsprop up to the epsilon placement', () => {
    // tfjs: W -= lr * g / sqrt(s + eps); ours: W -= lr * g / (sqrt(s) + eps). With gradients of order
    // 0.1-30 here, s >> eps and the two agree to float32 precision.
    const ours = new RMSprop({ learningRate: 0.01, beta: 0.9, epsilon: 1e-8 });
    const run = sideBySide((W, dW) => ours.step({ W }, { W: dW }), tf.train.rmsprop(0.01, 0.9, 0, 1e-8), steps);
    ours.dispose();
    run.ours.forEach((w, i) =>
      expectClose(w, run.theirs[i], { atol: 1e-5, rtol: 1e-4, label: `rmsprop step ${i + 1}` }),
    );
  });

  it('RMSprop epsilon placement matters for tiny gradients (documented difference)', () => {
    // g = 1e-4, beta 0.9: s = 0.1 * 1e-8 = 1e-9, sqrt(s) = 3.162e-5.
    //   ours (eps 1e-7 outside): step = lr * 1e-4 / (3.162e-5 + 1e-7) = lr * 3.152
    //   tfjs (eps 1e-7 inside):  step = lr * 1e-4 / sqrt(1e-9 + 1e-7) = lr * 0.3145
    const W = variable([0]);
    const V = variable([0]);
    const g = tf.tensor1d([1e-4]);
    const ours = new RMSprop({ learningRate: 1, beta: 0.9, epsilon: 1e-7 });
    ours.step({ W }, { W: g });
    const theirs = tf.train.rmsprop(1, 0.9, 0, 1e-7);
    theirs.applyGradients({ [V.name]: g });
    expectClose(W, [-3.152], { rtol: 2e-3, label: 'ours' });
    expectClose(V, [-0.3145], { rtol: 2e-3, label: 'tfjs' });
    ours.dispose();
    disposeTfjsOptimizer(theirs);
    tf.dispose([W, V, g]);
  });
});

describe('optimizer hygiene', () => {
  it('the whole spec so far left no tensors behind', () => {
    expect(tf.memory().numTensors).toBe(0);
  });

  it.each([
    ['gd', () => new GradientDescent({ learningRate: 0.1 })],
    ['momentum', () => new Momentum()],
    ['rmsprop', () => new RMSprop()],
    ['adam', () => new Adam()],
  ] as const)('%s leaks no tensors per step and frees its state on dispose', async (_name, make) => {
    const before = tf.memory().numTensors;
    const W = tf.tidy(() => tf.variable(tf.randomNormal([3, 2], 0, 1, 'float32', 1)));
    const b = tf.tidy(() => tf.variable(tf.zeros([1, 2])));
    const dW = tf.onesLike(W);
    const db = tf.onesLike(b);
    const opt = make();
    await expectNoLeak(() => opt.step({ W, b }, { W: dW, b: db }), 5);
    opt.dispose();
    tf.dispose([W, b, dW, db]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects missing or misshapen gradients and bad hyperparameters, naming them', () => {
    const W = tf.tidy(() => tf.variable(tf.zeros([2, 2])));
    const wrong = tf.zeros([2]);
    const opt = new Adam();
    expect(() => opt.step({ W }, {})).toThrow(/adam: no gradient for parameter 'W'/);
    expect(() => opt.step({ W }, { W: wrong })).toThrow(/gradient 'W' has shape \[2\], expected .*\[2,2\]/);
    expect(() => opt.step({ W }, { W: wrong }, -1)).toThrow(/learning rate must be a positive/);
    expect(() => new Momentum({ beta: 1 })).toThrow(/beta must be in \[0, 1\), got 1/);
    expect(() => new RMSprop({ epsilon: 0 })).toThrow(/epsilon must be positive/);
    expect(() => new GradientDescent({ learningRate: 0 })).toThrow(/learning rate/);
    opt.dispose();
    tf.dispose([W, wrong]);
  });
});
