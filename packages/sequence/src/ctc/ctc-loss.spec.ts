/**
 * CTC loss against three oracles: brute-force enumeration of every alignment (tiny T and V, float64),
 * central differences of the float64 loss, and PyTorch's F.ctc_loss (fixtures written by
 * scripts/ctc-fixtures.py); then the tfjs training mechanics (no leak, a tiny model learns).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { ctcForwardBackward, logSoftmaxRows } from './ctc-forward-backward';
import { ctcLoss, CtcReduction } from './ctc-loss';

beforeAll(() => initBackend());

/** Collapse repeats, then drop blanks: the CTC map B from paths to labellings. */
const collapse = (path: number[], blank: number) =>
  path.filter((k, t) => k !== blank && (t === 0 || k !== path[t - 1]));

/** −log Σ over all V^T paths that collapse to `labels` of Π_t p[t, path_t]. */
function bruteForceNll(logits: number[], T: number, V: number, labels: number[], blank: number): number {
  const lp = logSoftmaxRows(logits, T, V);
  let total = 0;
  for (let code = 0; code < V ** T; code++) {
    const p: number[] = [];
    for (let t = 0, c = code; t < T; t++, c = Math.floor(c / V)) p.push(c % V);
    if (collapse(p, blank).join() === labels.join()) total += Math.exp(p.reduce((s, k, t) => s + lp[t * V + k], 0));
  }
  return -Math.log(total);
}

function seededLogits(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s / 2 ** 31) * 6 - 3;
  });
}

describe('ctcForwardBackward (float64)', () => {
  it.each([
    ['distinct labels', 5, 3, [1, 2], 0],
    ['a repeat needs a blank between ("LL")', 5, 3, [1, 1], 0],
    ['repeat at the tightest fit', 3, 3, [2, 2], 0],
    ['empty label', 4, 3, [], 0],
    ['blank is the last id', 6, 3, [0, 1, 0], 2],
    ['V = 4, T = 7', 7, 4, [3, 1, 3], 0],
  ])('equals brute-force enumeration: %s', (_name, T, V, labels, blank) => {
    const logits = seededLogits(T * V, T * 31 + V);
    const brute = bruteForceNll(logits, T, V, labels, blank);
    const { nll } = ctcForwardBackward(logits, T, V, labels, blank);
    expect(Math.abs(nll - brute) / Math.abs(brute)).toBeLessThanOrEqual(1e-6);
  });

  it('is Infinity when the labels need more frames than given', () => {
    expect(ctcForwardBackward(seededLogits(12, 1), 3, 4, [1, 1], 0).nll).toBeLessThan(Infinity); // L b L: 3 frames fit
    expect(ctcForwardBackward(seededLogits(8, 1), 2, 4, [1, 1], 0).nll).toBe(Infinity);
    expect(ctcForwardBackward([], 0, 4, [1], 0).nll).toBe(Infinity);
  });

  it.each([
    ['with repeats', 6, 4, [1, 2, 2]],
    ['longer', 9, 5, [4, 1, 3, 1]],
  ])('gradient equals central differences: %s', (_name, T, V, labels) => {
    const logits = seededLogits(T * V, 99 + T);
    const { grad } = ctcForwardBackward(logits, T, V, labels, 0, { withGrad: true });
    const h = 1e-6;
    let maxRel = 0;
    logits.forEach((_, i) => {
      const at = (d: number) =>
        ctcForwardBackward(
          logits.map((v, j) => (j === i ? v + d : v)),
          T,
          V,
          labels,
          0,
        ).nll;
      const numeric = (at(h) - at(-h)) / (2 * h);
      maxRel = Math.max(maxRel, Math.abs(numeric - grad![i]) / Math.max(1e-3, Math.abs(numeric)));
    });
    expect(maxRel).toBeLessThanOrEqual(1e-5);
  });
});

interface TorchCase {
  name: string;
  blank: number;
  reduction: CtcReduction;
  zeroInfinity: boolean;
  shape: [number, number, number];
  logits: number[];
  labels: number[][];
  labelLengths: number[];
  logitLengths: number[];
  loss: (number | 'Infinity')[];
  grad: number[] | null;
}
const fixtures: TorchCase[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '__fixtures__', 'ctc-loss.json'), 'utf8'),
  (_k, v) => (v === 'Infinity' ? Infinity : v),
);

/** Loss values and d(sum of the loss)/d(logits) of one fixture case, on the default backend. */
function runCase(c: TorchCase): { loss: number[]; grad: Float32Array } {
  const logits = tf.tensor3d(c.logits, c.shape);
  const options = { blank: c.blank, reduction: c.reduction, zeroInfinity: c.zeroInfinity };
  const f = (x: tf.Tensor3D) => tf.sum(ctcLoss(c.labels, x, c.labelLengths, c.logitLengths, options));
  const { value, grad } = tf.valueAndGrad(f)(logits);
  const lossTensor = ctcLoss(c.labels, logits, c.labelLengths, c.logitLengths, options);
  const out = { loss: Array.from(lossTensor.dataSync()), grad: grad.dataSync() as Float32Array };
  tf.dispose([logits, value, grad, lossTensor]);
  return out;
}

describe('ctcLoss equals PyTorch F.ctc_loss', () => {
  it.each(fixtures.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const before = tf.memory().numTensors;
    const { loss, grad } = runCase(c);
    expect(tf.memory().numTensors).toBe(before);
    loss.forEach((l, i) => {
      const want = c.loss[i] as number;
      if (want === Infinity) expect(l).toBe(Infinity);
      else expect(Math.abs(l - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
    });
    if (c.grad) {
      const maxDiff = c.grad.reduce((m, g, i) => Math.max(m, Math.abs(g - grad[i])), 0);
      expect(maxDiff).toBeLessThanOrEqual(1e-5);
    }
  });
});

describe('ctcLoss in tfjs training', () => {
  it('rejects bad arguments with messages naming them', () => {
    const x = tf.zeros([2, 4, 3]) as tf.Tensor3D;
    expect(() => ctcLoss([[1], [2]], x, [1, 1], [4, 5])).toThrow('logitLengths[1] = 5, expected an integer in 0..4');
    expect(() => ctcLoss([[1], [0]], x, [1, 1], [4, 4])).toThrow(
      'labels[1][0] = 0, expected a token id in 0..2 other than the blank 0',
    );
    expect(() => ctcLoss([[1]], x, [1], [4])).toThrow('labels has 1 rows, logits have a batch of 2');
    expect(() => ctcLoss([[1], [2]], x, [1, 1], [4, 4], { blank: 3 })).toThrow('blank 3 is not a token id in 0..2');
    x.dispose();
  });

  it('takes labels and lengths as int32 tensors too (same loss as arrays)', () => {
    const c = fixtures.find((f) => f.name === 'repeats, none')!;
    const logits = tf.tensor3d(c.logits, c.shape);
    const tensors = [
      tf.tensor2d(c.labels, undefined, 'int32'),
      tf.tensor1d(c.labelLengths, 'int32'),
      tf.tensor1d(c.logitLengths, 'int32'),
    ] as const;
    const a = ctcLoss(tensors[0], logits, tensors[1], tensors[2], { reduction: 'none' });
    const b = ctcLoss(c.labels, logits, c.labelLengths, c.logitLengths, { reduction: 'none' });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([logits, ...tensors, a, b]);
  });

  it('returns a scalar for mean/sum and [B] for none; the zeroInfinity gradient of the impossible row is 0', () => {
    const c = fixtures.find((f) => f.name === 'impossible, zero_infinity')!;
    const logits = tf.tensor3d(c.logits, c.shape);
    const none = ctcLoss(c.labels, logits, c.labelLengths, c.logitLengths, { reduction: 'none', zeroInfinity: true });
    expect(none.shape).toEqual([2]);
    expect(none.dataSync()[0]).toBe(0);
    const g = tf.grad((x: tf.Tensor3D) => ctcLoss(c.labels, x, c.labelLengths, c.logitLengths, { zeroInfinity: true }))(
      logits,
    );
    const [B, T, V] = c.shape;
    expect(Array.from(g.dataSync().slice(0, T * V)).every((v) => v === 0)).toBe(true);
    expect(g.shape).toEqual([B, T, V]);
    tf.dispose([logits, none, g]);
  });

  it('a tiny model learns to emit a fixed label sequence (loss falls) without leaking tensors', async () => {
    // input: T = 12 frames of one-hot positions [1, 12, 12]; model: Dense to V = 5 logits per frame
    const T = 12;
    const V = 5;
    const x = tf.oneHot(tf.range(0, T, 1, 'int32'), T).reshape([1, T, T]) as tf.Tensor3D;
    const w = tf.variable(tf.randomNormal([T, V], 0, 0.1, 'float32', 3));
    const optimizer = tf.train.adam(0.1);
    const labels = [[1, 2, 2, 3, 4]]; // a double letter, like the LL of HELLO
    const step = () =>
      optimizer.minimize(() => {
        const logits = tf.reshape(tf.matMul(tf.reshape(x, [T, T]), w), [1, T, V]) as tf.Tensor3D; // [1, T, V]
        return ctcLoss(labels, logits, [5], [T]) as tf.Scalar;
      }, true)!;
    const first = step();
    const firstLoss = first.dataSync()[0];
    first.dispose();
    await expectNoLeak(() => step().dispose(), 3);
    for (let i = 0; i < 40; i++) step().dispose();
    const last = step();
    expect(last.dataSync()[0]).toBeLessThan(firstLoss * 0.1);
    tf.dispose([last, x, w]);
    optimizer.dispose();
  });
});
