/**
 * Masked losses: missing labels (-1 or mask 0) change neither the loss nor its gradients, the
 * loss equals the mean over the present samples worked out by hand, and an all-missing batch gives
 * 0 (not NaN) with zero gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { maskedLoss } from './masked-loss';
import { multiTaskLoss } from './train';
import { DIGIT_HEAD, GREATER_THAN_4_HEAD } from './model';

beforeAll(() => initBackend());

const logits = (): tf.Tensor2D =>
  tf.tensor2d([
    [1, 2, 0.5],
    [0.1, -1, 2],
    [3, 0, 1],
    [0, 0, 0],
  ]);

describe('maskedLoss', () => {
  it('softmax: mean of -log p[target] over present samples (hand-computed)', () => {
    const p = tf.softmax(logits());
    const loss = maskedLoss('softmax', tf.tensor1d([1, -1, 0, -1]), p);
    const probs = p.arraySync();
    // Present: sample 0 (class 1) and sample 2 (class 0).
    const expected = -(Math.log(probs[0][1]) + Math.log(probs[2][0])) / 2;
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([p, loss]);
  });

  it('sigmoid: binary cross-entropy over present samples (hand-computed)', () => {
    const p = tf.tensor2d([[0.9], [0.2], [0.6], [0.3]]);
    const loss = maskedLoss('sigmoid', tf.tensor1d([1, 0, -1, 1]), p);
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.3)) / 3;
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([p, loss]);
  });

  it('flipping the labels of masked-out samples changes neither the loss nor the gradients', () => {
    const lossAndGrad = (digits: number[], gt4: number[], mask: number[]) => {
      const z = tf.variable(logits());
      const w = tf.variable(tf.tensor2d([[0.3], [-0.2], [0.5]]));
      const { value, grads } = tf.variableGrads(() => {
        const m = tf.tensor1d(mask);
        const l1 = maskedLoss('softmax', tf.tensor1d(digits), tf.softmax(z), m);
        const l2 = maskedLoss('sigmoid', tf.tensor1d(gt4), tf.sigmoid(z.matMul(w)), m);
        return l1.add(l2.mul(0.5)) as tf.Scalar;
      }, [z, w]);
      const out = {
        loss: value.dataSync()[0],
        gz: grads[z.name].dataSync().slice(),
        gw: grads[w.name].dataSync().slice(),
      };
      tf.dispose([value, grads[z.name], grads[w.name], z, w]);
      return out;
    };
    const mask = [1, 0, 1, 0];
    const a = lossAndGrad([1, 2, 0, 0], [1, 0, 0, 1], mask);
    const b = lossAndGrad([1, 0, 0, 2], [1, 1, 0, 0], mask); // samples 1 and 3 flipped
    expect(b.loss).toBe(a.loss);
    expectClose(b.gz, a.gz, { atol: 0, rtol: 0, label: 'dL/dlogits' });
    expectClose(b.gw, a.gw, { atol: 0, rtol: 0, label: 'dL/dw' });
    // The gradient rows of the masked samples are exactly zero.
    expect(Array.from(a.gz.slice(3, 6)).every((g) => g === 0)).toBe(true);
    // And the -1 encoding gives the same as the explicit mask.
    const c = lossAndGrad(
      [1, -1, 0, -1],
      [1, -1, 0, -1],
      [1, 1, 1, 1].map((_, i) => ([1, -1, 0, -1][i] >= 0 ? 1 : 0)),
    );
    expect(c.loss).toBeCloseTo(a.loss, 6);
  });

  it('an all-missing batch gives loss 0 and zero gradients (no NaN)', () => {
    const z = tf.variable(logits());
    const { value, grads } = tf.variableGrads(
      () => maskedLoss('softmax', tf.tensor1d([-1, -1, -1, -1]), tf.softmax(z)),
      [z],
    );
    expect(value.dataSync()[0]).toBe(0);
    expect(Array.from(grads[z.name].dataSync()).every((g) => g === 0)).toBe(true);
    tf.dispose([value, grads[z.name], z]);
  });

  it('multiTaskLoss weights the heads and leaks nothing', async () => {
    const heads = [DIGIT_HEAD, { ...GREATER_THAN_4_HEAD, weight: 0.25 }];
    const preds = [
      tf.softmax(tf.randomNormal([6, 10], 0, 1, 'float32', 1)),
      tf.sigmoid(tf.randomNormal([6, 1], 0, 1, 'float32', 2)),
    ];
    const targets = [tf.tensor1d([3, -1, 7, 1, 0, 9]), tf.tensor1d([0, 1, -1, 0, 0, 1])];
    const { total, perHead } = multiTaskLoss(heads, targets, preds);
    expect(total.dataSync()[0]).toBeCloseTo(perHead[0].dataSync()[0] + 0.25 * perHead[1].dataSync()[0], 5);
    tf.dispose([total, ...perHead]);
    await expectNoLeak(
      () =>
        tf.tidy(() => {
          multiTaskLoss(heads, targets, preds);
        }),
      3,
    );
    tf.dispose([...preds, ...targets]);
  });
});
