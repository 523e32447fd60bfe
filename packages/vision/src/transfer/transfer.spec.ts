/**
 * Transfer-learning mechanics on a real-digit model: frozen layers (including batch-norm moving
 * statistics, which tfjs would otherwise update) do not change while the head trains; the top
 * layers change during fine-tuning while the layers below stay put; the recipe leaks no tensors.
 * The rotated-digits source task. The small MNIST 0-4 → 5-9 evaluation is transfer.e2e.spec.ts
 * (the full one: eval:transfer).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { DigitDataset } from '../datasets/digit-dataset';
import { mnistSplit, MNIST_SIZE, selectDigits } from '../datasets/mnist';
import { mnistCnn } from '../models/mnist-cnn';
import { freezeUpTo, inInferenceMode, unfreezeTop } from './freeze';
import { attachHead } from './head';
import { disposeModels, epochsForShots, MNIST_TRANSFER_DEFAULTS, RotatedDigits } from './mnist-transfer';
import { transferLearn } from './recipe';

beforeAll(() => initBackend());

function snapshot(model: tf.LayersModel): Map<string, Float32Array> {
  return new Map(model.weights.map((w) => [w.name, w.read().dataSync().slice() as Float32Array]));
}

function changed(before: Map<string, Float32Array>, model: tf.LayersModel, layer: string): boolean {
  return model.getLayer(layer).weights.some((w) => maxAbsDiff(before.get(w.name)!, w.read().dataSync()) > 0);
}

describe('freeze / head / fine-tune', () => {
  // Slow (~1-3 s): 2 + 2 epochs of a real CNN on 60 digits.
  it('frozen weights and BN statistics stay put during head training; top layers move during fine-tuning', async () => {
    const { train } = mnistSplit();
    const few = selectDigits(
      train,
      Array.from({ length: 60 }, (_, i) => i),
    );
    const data = tf.tidy(() => ({
      x: tf.tensor4d(few.images, [few.count, MNIST_SIZE, MNIST_SIZE, 1]),
      y: tf
        .oneHot(
          tf.tensor1d(
            Array.from(few.labels, (d) => d % 3),
            'int32',
          ),
          3,
        )
        .toFloat(),
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
  }, 20_000);

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
    expect(() => freezeUpTo(model, 'nope')).toThrow(
      /layer "nope" not found in model 'mnist_cnn' \(layers: conv1, pool1/,
    );
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
      const upright = tf.tensor2d(digits.images.subarray(MNIST_SIZE * MNIST_SIZE, 2 * MNIST_SIZE * MNIST_SIZE), [
        MNIST_SIZE,
        MNIST_SIZE,
      ]);
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
    expect(epochsForShots(20)).toEqual({
      headEpochs: d.headEpochs,
      fineTuneEpochs: d.fineTuneEpochs,
      scratchEpochs: d.scratchEpochs,
      patience: d.patience,
    });
    expect(epochsForShots(1)).toEqual({ headEpochs: 50, fineTuneEpochs: 250, scratchEpochs: 300, patience: 100 });
    // 10 per class: 50 images = 3 batches of 20 → 5/3 the epochs (10 → 17).
    expect(epochsForShots(10).headEpochs).toBe(17);
    // 40 per class: 10 batches → half the epochs.
    expect(epochsForShots(40).scratchEpochs).toBe(30);
  });

  it('keeps epochs that were given explicitly', () => {
    expect(epochsForShots(1, { scratchEpochs: 7, patience: 3 })).toMatchObject({
      headEpochs: 50,
      scratchEpochs: 7,
      patience: 3,
    });
  });
});
