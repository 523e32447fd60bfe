// Acceptance test of `dlkit dls gradcheck`: every layer kind's backward agrees with numeric gradients.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { GRADCHECK_THRESHOLD } from '../scratch/gradient-check';
import type { LossFn } from '../scratch/losses/types';
import { checkLogitLoss, runGradcheck } from './gradcheck';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy';
import { assertDlsResult } from './validate';

// Slow (~10-70 s): numeric gradients of a whole network.
beforeAll(async () => {
  await initBackend();
}, 300_000);

describe('dls gradcheck', () => {
  it('reports a relative difference under the justified threshold for every layer kind', async () => {
    const before = tf.memory().numTensors;
    const result = await runGradcheck();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => assertDlsResult(result, 'gradcheck', { accuracy: false })).not.toThrow();
    const layers = Object.keys(result.results);
    for (const kind of [
      'dense',
      'relu',
      'leakyRelu',
      'sigmoid',
      'tanh',
      'softmax',
      'batchNorm',
      'binaryCrossEntropy',
    ]) {
      expect(layers).toContain(kind);
    }
    expect(layers.some((l) => l.startsWith('conv2d'))).toBe(true);
    expect(layers.some((l) => l.startsWith('dropout'))).toBe(true);
    expect(layers.some((l) => l.startsWith('maxPool2d'))).toBe(true);
    expect(layers.some((l) => l.includes('sigmoidCrossEntropy'))).toBe(true);
    for (const [layer, row] of Object.entries(result.results)) {
      expect({ layer, threshold: row.threshold }).toEqual({ layer, threshold: GRADCHECK_THRESHOLD });
      expect({ layer, ok: row.relativeDifference < row.threshold && row.passed }).toEqual({ layer, ok: true });
      expect(Number.isFinite(row.relativeDifference)).toBe(true);
    }
    expect(result.allPassed).toBe(true);
  });
});

describe('the check can fail', () => {
  it('a wrong sigmoidCrossEntropy gradient (missing 1/m) is caught', () => {
    const forgetsOneOverM: LossFn = (y, z) => {
      const r = sigmoidCrossEntropy(y, z);
      const wrong = tf.mul(r.dA, z.shape[0]);
      r.dA.dispose();
      return { loss: r.loss, dA: wrong };
    };
    expect(checkLogitLoss(0).passed).toBe(true);
    const row = checkLogitLoss(0, forgetsOneOverM);
    expect(row.passed).toBe(false);
    expect(row.relativeDifference).toBeGreaterThan(0.1);
  });
});
