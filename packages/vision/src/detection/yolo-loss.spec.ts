// The YOLO loss against an independent float64 reference written from the formula, and its
// gradient (tf.grad on wasm) against central differences of that reference.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { encodeTargets } from './anchors';
import { YoloConfig } from './yolo-config';
import { YOLO_LOSS_DEFAULTS, yoloLoss } from './yolo-loss';

const config: YoloConfig = {
  inputSize: 16,
  gridSize: 2,
  anchors: [
    [6, 6],
    [10, 4],
  ],
  labels: ['a', 'b'],
};
const K = 7; // 5 + C
const shape = [2, 2, 2, 2 * K]; // B = 2, S = 2, A·K = 14

/** Plain float64 loss, slot by slot (the formula in yolo-loss.ts). */
function referenceLoss(t: Float64Array | Float32Array, p: Float64Array | Float32Array, B: number): number {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const { box, noObject, classes } = YOLO_LOSS_DEFAULTS;
  let total = 0;
  for (let s = 0; s < t.length / K; s++) {
    const o = s * K;
    const obj = t[o + 4];
    const q = sig(p[o + 4]);
    const bce = -(obj * Math.log(q) + (1 - obj) * Math.log(1 - q));
    total += (obj + noObject * (1 - obj)) * bce;
    if (obj === 1) {
      total +=
        box *
        ((sig(p[o]) - t[o]) ** 2 +
          (sig(p[o + 1]) - t[o + 1]) ** 2 +
          (p[o + 2] - t[o + 2]) ** 2 +
          (p[o + 3] - t[o + 3]) ** 2);
      const z = [p[o + 5], p[o + 6]];
      const lse = Math.log(Math.exp(z[0]) + Math.exp(z[1]));
      total += classes * (lse - (t[o + 5] * z[0] + t[o + 6] * z[1]));
    }
  }
  return total / B;
}

function fixture(): { target: Float32Array; pred: Float32Array } {
  const a = encodeTargets([{ box: [1, 1, 7, 8], classId: 1 }], config).target; // cell (0, 0), anchor 0
  const b = encodeTargets(
    [
      { box: [9, 10, 15, 14], classId: 0 }, // 6×4 -> cell (1, 1); IoU with 6×6 = 24/36 = 0.67, with 10×4 = 24/40 = 0.6: anchor 0
      { box: [2, 9, 12, 13], classId: 1 }, // 10×4 -> cell (1, 0), anchor 1
    ],
    config,
  ).target;
  const target = new Float32Array([...a, ...b]);
  // Deterministic, varied logits in about [-2, 2].
  const pred = Float32Array.from({ length: target.length }, (_, i) => 2 * Math.sin(1.7 * i + 0.3));
  return { target, pred };
}

beforeAll(async () => {
  await initBackend();
});

describe('yoloLoss', () => {
  it('equals the float64 reference', () => {
    const { target, pred } = fixture();
    const loss = yoloLoss(config)(tf.tensor(target, shape), tf.tensor(pred, shape));
    expect(loss.dataSync()[0]).toBeCloseTo(referenceLoss(target, pred, 2), 4);
    loss.dispose();
  });

  it("only responsible slots get box/class loss: moving an empty slot's box logits changes nothing", () => {
    const { target, pred } = fixture();
    const before = referenceLoss(target, pred, 2);
    const moved = pred.slice();
    moved[1 * K + 0] += 5; // slot 1 (cell (0, 0), anchor 1) is empty in image 0
    moved[1 * K + 5] -= 3;
    expect(referenceLoss(target, moved, 2)).toBeCloseTo(before, 12);
    const fn = yoloLoss(config);
    const [l0, l1] = [pred, moved].map((p) =>
      tf.tidy(() => fn(tf.tensor(target, shape), tf.tensor(p, shape)).dataSync()[0]),
    );
    expect(l1).toBeCloseTo(l0, 5);
  });

  it('has the gradient of the reference (central differences in float64)', () => {
    const { target, pred } = fixture();
    const fn = yoloLoss(config);
    const yTrue = tf.tensor(target, shape);
    const g = tf.grad((p: tf.Tensor) => fn(yTrue, p))(tf.tensor(pred, shape));
    const analytic = g.dataSync();
    tf.dispose([yTrue, g]);
    const p64 = Float64Array.from(pred);
    const h = 1e-6;
    let worst = 0;
    for (let i = 0; i < p64.length; i++) {
      const plus = p64.slice();
      const minus = p64.slice();
      plus[i] += h;
      minus[i] -= h;
      const numeric = (referenceLoss(target, plus, 2) - referenceLoss(target, minus, 2)) / (2 * h);
      worst = Math.max(worst, Math.abs(numeric - analytic[i]));
    }
    expect(worst).toBeLessThan(1e-4);
    // The gradient is not trivially zero: objectness of empty slots alone gives 0.5·σ(z)/B per slot.
    expect(Math.max(...Array.from(analytic).map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('leaks no tensors', async () => {
    const { target, pred } = fixture();
    const yTrue = tf.tensor(target, shape);
    const yPred = tf.tensor(pred, shape);
    const fn = yoloLoss(config);
    await expectNoLeak(() => tf.tidy(() => tf.grad((p: tf.Tensor) => fn(yTrue, p))(yPred)).dispose());
    tf.dispose([yTrue, yPred]);
  });
});
