import * as tf from '@tensorflow/tfjs';
import { initBackend, Rng } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { buildSeq2seq } from './model';

beforeAll(() => initBackend());

// Plain-number reference of the course model, written from the course's definition (concat[a,
// s_rep] fed to Dense(units, tanh), RepeatVector, softmax over time, Dot) rather than from the
// layer's factored form. Weights in the layer's order, gates i, f, c, o.
type M = number[][];
const matVec = (x: number[], W: M) => W[0].map((_, j) => x.reduce((s, xi, i) => s + xi * W[i][j], 0));
const sig = (v: number) => 1 / (1 + Math.exp(-v));
function lstm(x: number[], h: number[], c: number[], W: M, U: M, b: number[]): [number[], number[]] {
  const n = h.length;
  const z = matVec(x, W).map((v, j) => v + matVec(h, U)[j] + b[j]);
  const cNew = c.map((cp, k) => sig(z[n + k]) * cp + sig(z[k]) * Math.tanh(z[2 * n + k]));
  return [cNew.map((cv, k) => sig(z[3 * n + k]) * Math.tanh(cv)), cNew];
}
function softmax(v: number[]): number[] {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}
function reference(x: M, w: { [k: string]: number[] | M }, nA: number, nS: number, ty: number): { y: M; alpha: M } {
  const tx = x.length;
  const run = (p: string, order: number[]) => {
    let h = new Array(nA).fill(0);
    let c = new Array(nA).fill(0);
    const hs: number[][] = new Array(tx);
    for (const t of order) {
      [h, c] = lstm(x[t], h, c, w[`${p}/kernel`] as M, w[`${p}/recurrent_kernel`] as M, w[`${p}/bias`] as number[]);
      hs[t] = h;
    }
    return hs;
  };
  const idx = [...Array(tx).keys()];
  const f = run('encoder_forward', idx);
  const b = run('encoder_backward', [...idx].reverse());
  const a = idx.map((t) => [...f[t], ...b[t]]);
  const W1 = [...(w['attention_hidden/kernel_a'] as M), ...(w['attention_hidden/kernel_s'] as M)]; // Dense on concat[a, s]
  let s = new Array(nS).fill(0);
  let c = new Array(nS).fill(0);
  const y: M = [];
  const alpha: M = [];
  for (let t = 0; t < ty; t++) {
    const e = a.map((at) => {
      const hidden = matVec([...at, ...s], W1).map((v, j) =>
        Math.tanh(v + (w['attention_hidden/bias'] as number[])[j]),
      );
      return Math.max(
        0,
        matVec(hidden, w['attention_energy/kernel'] as M)[0] + (w['attention_energy/bias'] as number[])[0],
      );
    });
    const al = softmax(e);
    const context = a[0].map((_, k) => al.reduce((acc, v, tt) => acc + v * a[tt][k], 0));
    [s, c] = lstm(
      context,
      s,
      c,
      w['decoder/kernel'] as M,
      w['decoder/recurrent_kernel'] as M,
      w['decoder/bias'] as number[],
    );
    y.push(softmax(matVec(s, w['output/kernel'] as M).map((v, j) => v + (w['output/bias'] as number[])[j])));
    alpha.push(al);
  }
  return { y, alpha };
}

describe('Seq2seqAttention', () => {
  const config = { tx: 5, ty: 3, sourceVocab: 4, targetVocab: 6, nA: 3, nS: 4, attentionUnits: 2, seed: 7 };

  it('matches a plain-number reference of the course model (with random weights, non-zero biases)', () => {
    const { model, attentionModel } = buildSeq2seq(config);
    const rng = new Rng(11);
    // Random weights everywhere, so the relu and every bias matter.
    model.setWeights(
      model.weights.map((v) =>
        tf.tensor(
          Array.from({ length: v.shape.reduce((p, q) => p * (q as number), 1) }, () => rng.normal(0, 0.8)),
          v.shape as number[],
        ),
      ),
    );
    const named: { [k: string]: number[] | M } = {};
    for (const v of model.weights)
      named[v.originalName.replace(/^seq2seq_attention\//, '')] = v.read().arraySync() as number[] | M;
    const ids = [
      [0, 3, 1, 2, 2],
      [1, 1, 0, 3, 0],
    ];
    const x = tf.oneHot(tf.tensor2d(ids, [2, 5], 'int32'), 4).toFloat();
    const [y, alpha] = attentionModel.predict(x) as tf.Tensor[];
    const xs = x.arraySync() as number[][][];
    xs.forEach((xi, i) => {
      const ref = reference(xi, named, 3, 4, 3);
      expectClose(y.slice([i, 0, 0], [1, 3, 6]).dataSync(), ref.y.flat(), { atol: 1e-5, label: `y[${i}]` });
      expectClose(alpha.slice([i, 0, 0], [1, 3, 5]).dataSync(), ref.alpha.flat(), { atol: 1e-5, label: `alpha[${i}]` });
    });
    tf.dispose([x, y, alpha]);
    model.dispose();
  });

  it('outputs attention rows that sum to 1 over input positions, and probabilities', () => {
    const { model, attentionModel } = buildSeq2seq(config);
    const x = tf.oneHot(tf.tensor2d([[0, 1, 2, 3, 0]], [1, 5], 'int32'), 4).toFloat();
    const [y, alpha] = attentionModel.predict(x) as tf.Tensor[];
    expect(y.shape).toEqual([1, 3, 6]);
    expect(alpha.shape).toEqual([1, 3, 5]);
    expectClose(alpha.sum(-1), [1, 1, 1], { atol: 1e-5 });
    expectClose(y.sum(-1), [1, 1, 1], { atol: 1e-5 });
    expect(alpha.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    tf.dispose([x, y, alpha]);
    model.dispose();
  });

  it('has the course model parameter count and seeded initial weights', () => {
    // Bi-LSTM 2·4nA(Vx+nA+1) + attention (2nA+nS)·u + u + u + 1 + decoder 4nS(2nA+nS+1) + output nS·Vy + Vy, Tx=30 Ty=10 Vx=37 Vy=11
    const { model } = buildSeq2seq({ tx: 30, ty: 10, sourceVocab: 37, targetVocab: 11 });
    const n = model.countParams();
    expect(n).toBe(2 * 4 * 32 * (37 + 32 + 1) + (64 + 64) * 10 + 10 + 10 + 1 + 4 * 64 * (64 + 64 + 1) + 64 * 11 + 11);
    model.dispose();
    const w = (seed: number) => {
      const m = buildSeq2seq({ ...config, seed }).model;
      const values = m.getWeights().map((t) => Array.from(t.dataSync()));
      m.dispose();
      return values;
    };
    expect(w(3)).toEqual(w(3));
    expect(w(3)).not.toEqual(w(4));
  });

  it('initialises like Keras: orthogonal recurrent kernels, forget-gate bias 1', () => {
    const { model } = buildSeq2seq(config);
    const byName = (n: string) => model.weights.find((v) => v.originalName.endsWith(n))!.read();
    const u = byName('decoder/recurrent_kernel'); // [nS, 4nS]: orthonormal rows
    expectClose(tf.matMul(u, u, false, true), tf.eye(4), { atol: 1e-5 });
    expect(Array.from(byName('encoder_forward/bias').dataSync())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    model.dispose();
  });

  it('leaks no tensors in prediction, and disposing frees the weights', async () => {
    const before = tf.memory().numTensors;
    const { model, attentionModel } = buildSeq2seq(config);
    const x = tf.zeros([2, 5, 4]);
    await expectNoLeak(() => tf.dispose(attentionModel.predict(x) as tf.Tensor[]));
    x.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('feedPrevious: reads [X, Yprev], is causal in Yprev, and step-by-step decoding equals the whole pass', () => {
    const { model, attentionModel, layer } = buildSeq2seq({ ...config, feedPrevious: true });
    expect(model.inputs.map((i) => i.shape)).toEqual([
      [null, 5, 4],
      [null, 3, 6],
    ]);
    const x = tf.oneHot(tf.tensor2d([[0, 1, 2, 3, 0]], [1, 5], 'int32'), 4).toFloat() as tf.Tensor3D;
    const prevA = tf.oneHot(tf.tensor2d([[-1, 2, 3]], [1, 3], 'int32'), 6).toFloat(); // zeros at t = 1
    const prevB = tf.oneHot(tf.tensor2d([[-1, 2, 5]], [1, 3], 'int32'), 6).toFloat(); // differs at t = 3 only
    const [ya] = attentionModel.predict([x, prevA]) as tf.Tensor[];
    const [yb] = attentionModel.predict([x, prevB]) as tf.Tensor[];
    const a = ya.arraySync() as number[][][];
    const b = yb.arraySync() as number[][][];
    expectClose(a[0].slice(0, 2).flat(), b[0].slice(0, 2).flat(), { atol: 1e-6 });
    expect(Math.max(...a[0][2].map((v, k) => Math.abs(v - b[0][2][k])))).toBeGreaterThan(1e-6);
    const steps = tf.tidy(() => {
      const enc = layer.encode(x);
      let state = layer.initialState(1);
      const prev = tf.unstack(prevA, 1) as tf.Tensor2D[];
      const ys: tf.Tensor2D[] = [];
      for (let t = 0; t < 3; t++) {
        const r = layer.decodeStep(enc, state, prev[t]);
        state = r.state;
        ys.push(r.probs);
      }
      return tf.stack(ys, 1);
    });
    expectClose(steps, ya, { atol: 1e-6 });
    tf.dispose([x, prevA, prevB, ya, yb, steps]);
    model.dispose();
  });

  it('validates its configuration and input shape', () => {
    expect(() => buildSeq2seq({ ...config, nA: 0 })).toThrow('seq2seq nA must be a positive integer, got 0');
    const { model } = buildSeq2seq(config);
    expect(() => model.predict(tf.zeros([1, 4, 4]))).toThrow();
    model.dispose();
  });
});
