/**
 * Transfer-learning mechanics on a real-digit model: frozen layers (including batch-norm moving
 * statistics, which tfjs would otherwise update) do not change while the head trains; the top
 * layers change during fine-tuning while the layers below stay put; the recipe leaks no tensors.
 * The rotated-digits source task; a fast, smaller version of the MNIST 0-4 → 5-9 evaluation (the
 * full one: eval:transfer).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, Trainer } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { DigitDataset } from '../datasets/digit-dataset';
import { mnistSplit, MNIST_SIZE, selectDigits } from '../datasets/mnist';
import { mnistCnn } from '../models/mnist-cnn';
import { freezeUpTo, inInferenceMode, unfreezeTop } from './freeze';
import { attachHead } from './head';
import { disposeModels, epochsForShots, MNIST_TRANSFER_DEFAULTS, mnistTransferEval, RotatedDigits } from './mnist-transfer';
import { transferLearn } from './recipe';

beforeAll(() => initBackend());

function snapshot(model: tf.LayersModel): Map<string, Float32Array> {
  return new Map(model.weights.map((w) => [w.name, w.read().dataSync().slice() as Float32Array]));
}

function changed(before: Map<string, Float32Array>, model: tf.LayersModel, layer: string): boolean {
  return model.getLayer(layer).weights.some((w) => maxAbsDiff(before.get(w.name)!, w.read().dataSync()) > 0);
}

describe('freeze / head / fine-tune', () => {
  it('frozen weights and BN statistics stay put during head training; top layers move during fine-tuning', async () => {
    const { train } = mnistSplit();
    const few = selectDigits(train, Array.from({ length: 60 }, (_, i) => i));
    const data = tf.tidy(() => ({
      x: tf.tensor4d(few.images, [few.count, MNIST_SIZE, MNIST_SIZE, 1]),
      y: tf.oneHot(tf.tensor1d(Array.from(few.labels, (d) => d % 3), 'int32'), 3).toFloat(),
    }));
    const backbone = mnistCnn({ seed: 4 });
    const model = attachHead(backbone, { cutLayer: 'hidden', classes: 3, seed: 9 });
    const before = snapshot(model);
    const frozenLayers = ['conv1', 'bn1', 'conv2', 'bn2', 'hidden'];
    const tensorsBefore = tf.memory().numTensors;
    let afterHead = new Map<string, Float32Array>();
    const result = await transferLearn(model, data, {
      cutLayer: 'hidden',
      headEpochs: 2,
      fineTuneEpochs: 2,
      fineTuneLayers: 2,
      batchSize: 20,
      onHeadTrained: (m) => {
        for (const name of frozenLayers) expect(changed(before, m, name)).toBe(false);
        expect(changed(before, m, 'head_out')).toBe(true);
        expect(inInferenceMode(m.getLayer('bn1'))).toBe(true);
        afterHead = snapshot(m);
      },
    });
    expect(result.frozen).toEqual(frozenLayers);
    expect(result.fineTuned).toEqual(['head_out', 'hidden']);
    // Fine-tuning: hidden and the head move, the conv blocks and BN statistics do not.
    expect(changed(afterHead, model, 'hidden')).toBe(true);
    expect(changed(afterHead, model, 'head_out')).toBe(true);
    for (const name of ['conv1', 'bn1', 'conv2', 'bn2']) expect(changed(afterHead, model, name)).toBe(false);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    tf.dispose(data);
    disposeModels([model, backbone]);
  });

  it('an unfrozen BN layer trains and normalises with batch statistics again', () => {
    const model = mnistCnn({ seed: 1 });
    freezeUpTo(model, 'digits');
    expect(model.trainableWeights.length).toBe(0);
    expect(unfreezeTop(model, 3, { batchNorm: true })).toEqual(['digits', 'hidden', 'bn2']);
    expect(inInferenceMode(model.getLayer('bn2'))).toBe(false);
    expect(inInferenceMode(model.getLayer('bn1'))).toBe(true);
    // A BN layer pinned to inference mode gives the same output with training on or off.
    const x = tf.randomNormal([4, 28, 28, 1], 0, 1, 'float32', 3);
    const conv = tf.model({ inputs: model.inputs, outputs: model.getLayer('bn1').output as tf.SymbolicTensor });
    const [a, b] = [true, false].map((training) => conv.apply(x, { training }) as tf.Tensor);
    expect(maxAbsDiff(a, b)).toBe(0);
    tf.dispose([x, a, b]);
    model.dispose();
  });

  it('names the missing layer', () => {
    const model = mnistCnn({ seed: 1 });
    expect(() => freezeUpTo(model, 'nope')).toThrow(/layer "nope" not found in model 'mnist_cnn' \(layers: conv1, pool1/);
    model.dispose();
  });
});

describe('RotatedDigits (the digits-rotations source task)', () => {
  it('yields each digit at 0, 90, 180 and 270 degrees, labelled digit × 4 + turn', () => {
    const { train } = mnistSplit();
    const digits = selectDigits(train, [0, 1]);
    const before = tf.memory().numTensors;
    const data = new RotatedDigits(new DigitDataset(digits));
    expect(data.size).toBe(8);
    const { x, y } = data.batch([4, 5, 6, 7, 0]);
    const [diffs, labels] = tf.tidy(() => {
      const upright = tf.tensor2d(digits.images.subarray(MNIST_SIZE * MNIST_SIZE, 2 * MNIST_SIZE * MNIST_SIZE), [MNIST_SIZE, MNIST_SIZE]);
      // A quarter turn counter-clockwise: transpose, then flip upside down (rows reversed).
      const quarter = (m: tf.Tensor2D) => m.transpose().reverse(0) as tf.Tensor2D;
      const images = tf.unstack((x as tf.Tensor).squeeze([3]));
      const out: number[] = [];
      let expected = upright;
      for (let turn = 0; turn < 4; turn++) {
        out.push(maxAbsDiff(images[turn], expected));
        expected = quarter(expected);
      }
      out.push(maxAbsDiff(expected, upright)); // four turns: back upright
      out.push(maxAbsDiff(images[4], digits.images.subarray(0, MNIST_SIZE * MNIST_SIZE)));
      return [out, Array.from((y as tf.Tensor).argMax(-1).dataSync())];
    });
    expect(diffs).toEqual([0, 0, 0, 0, 0, 0]);
    expect(labels).toEqual([0, 1, 2, 3, 0].map((turn, i) => digits.labels[i < 4 ? 1 : 0] * 4 + turn));
    tf.dispose([x as tf.Tensor, y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('epochsForShots (the sweep keeps the optimizer steps of 20 images per class)', () => {
  it('20 per class keeps the defaults; 1 per class (1 batch/epoch instead of 5) gets 5x the epochs', () => {
    const d = MNIST_TRANSFER_DEFAULTS;
    expect(epochsForShots(20)).toEqual({ headEpochs: d.headEpochs, fineTuneEpochs: d.fineTuneEpochs, scratchEpochs: d.scratchEpochs, patience: d.patience });
    expect(epochsForShots(1)).toEqual({ headEpochs: 50, fineTuneEpochs: 250, scratchEpochs: 300, patience: 100 });
    // 10 per class: 50 images = 3 batches of 20 → 5/3 the epochs (10 → 17).
    expect(epochsForShots(10).headEpochs).toBe(17);
    // 40 per class: 10 batches → half the epochs.
    expect(epochsForShots(40).scratchEpochs).toBe(30);
  });

  it('keeps epochs that were given explicitly', () => {
    expect(epochsForShots(1, { scratchEpochs: 7, patience: 3 })).toMatchObject({ headEpochs: 50, scratchEpochs: 7, patience: 3 });
  });
});

describe('MNIST 0-4 → 5-9 transfer (small, fast version of eval:transfer)', () => {
  // The fair protocol of eval:transfer on a smaller budget: backbone on 1,500 digits 0-4 × 4 turns
  // for 2 epochs; 20 images per class 5-9; both sides augmented, epoch chosen on 100 validation
  // images; 500 test digits. Measured over seeds 1 / 2 / 3: head only 88.4 / 88.8 / 87.0 %,
  // fine-tuned 95.8 / 95.0 / 89.6 %, scratch 91.8 / 92.2 / 92.6 %. The frozen 0-4 features
  // carry over and fine-tuning improves on them on every seed; transfer versus scratch is +4.0 /
  // +2.8 / −3.0 points here, not stable, so this spec does not assert it (eval:transfer reports it).
  it('frozen 0-4 features classify 5-9 with a new head, and fine-tuning improves on them', async () => {
    const before = tf.memory().numTensors;
    const r = await mnistTransferEval({ seed: 1, backboneSamples: 1500, backboneEpochs: 2, fineTuneEpochs: 20, scratchEpochs: 30, patience: 10, testPerClass: 100 });
    process.stdout.write(`transfer (small): ${JSON.stringify(r)}\n`);
    expect(r.testImages).toBe(500);
    expect(r.trainImages).toBe(100);
    expect(r.validationImages).toBe(100);
    expect(r.headOnlyAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(r.transferAccuracy - r.headOnlyAccuracy).toBeGreaterThanOrEqual(0.01);
    expect(r.scratchAccuracy).toBeGreaterThanOrEqual(0.85); // the baseline trains properly
    expect(tf.memory().numTensors).toBe(before);
  });
});
