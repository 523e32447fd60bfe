/**
 * The MNIST 0-4 → 5-9 transfer evaluation on a small budget (the full one: eval:transfer): frozen
 * 0-4 features classify 5-9 with a new head, fine-tuning improves on them, the scratch baseline
 * trains properly, and the whole run leaks no tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { mnistTransferEval } from './mnist-transfer';

beforeAll(() => initBackend());

describe('MNIST 0-4 → 5-9 transfer (small, fast version of eval:transfer)', () => {
  // The fair protocol of eval:transfer on a smaller budget: backbone on 1,500 digits 0-4 × 4 turns
  // for 2 epochs; 20 images per class 5-9; both sides augmented, epoch chosen on 100 validation
  // images; 500 test digits. Measured over seeds 1 / 2 / 3: head only 88.4 / 88.8 / 87.0 %,
  // fine-tuned 95.8 / 95.0 / 89.6 %, scratch 91.8 / 92.2 / 92.6 %. The frozen 0-4 features
  // carry over and fine-tuning improves on them on every seed; transfer versus scratch is +4.0 /
  // +2.8 / −3.0 points here, not stable, so this spec does not assert it (eval:transfer reports it).
  // Slow (~40 s idle): a backbone, a head + fine-tuning and a scratch network trained on real digits.
  it('frozen 0-4 features classify 5-9 with a new head, and fine-tuning improves on them', async () => {
    const before = tf.memory().numTensors;
    const r = await mnistTransferEval({
      seed: 1,
      backboneSamples: 1500,
      backboneEpochs: 2,
      fineTuneEpochs: 20,
      scratchEpochs: 30,
      patience: 10,
      testPerClass: 100,
    });
    expect(r.testImages).toBe(500);
    expect(r.trainImages).toBe(100);
    expect(r.validationImages).toBe(100);
    expect(r.headOnlyAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(r.transferAccuracy - r.headOnlyAccuracy).toBeGreaterThanOrEqual(0.01);
    expect(r.scratchAccuracy).toBeGreaterThanOrEqual(0.85); // the baseline trains properly
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);
});
