/**
 * The transfer-learning evaluation on real digits: a backbone (the MNIST CNN) trained on digits
 * 0-4 of mnistSplit().train is transferred to digits 5-9 with `shotsPerClass` labelled images per
 * class (a seeded choice from the train part), and compared with the SAME architecture trained
 * from scratch on those images. Both are scored on every 5-9 digit of mnistSplit().test.
 * Transfer (defaults): freeze up to 'flatten' (the conv features), train a new head (dense 128 +
 * 5-way softmax) for 40 epochs, then fine-tune the top 3 weighted layers (head + conv2) for 20
 * epochs at lr/10 with a new Adam. Scratch: the same architecture (fresh conv blocks + the same
 * head) trained end to end with Adam at the head's rate for head + fine-tune epochs, i.e. the same
 * number of steps as both transfer phases together.
 *
 * @example
 * const r = await mnistTransferEval({ seed: 1 });
 * console.log(r.transferAccuracy, r.scratchAccuracy, r.gainPoints);
 */
import * as tf from '@tensorflow/tfjs';
import { Rng, Trainer } from '@dlkit/core';
import { DigitDataset } from '../datasets/digit-dataset';
import { DigitSet, mnistSplit, MNIST_SIZE, selectDigits } from '../datasets/mnist';
import { mnistCnn } from '../models/mnist-cnn';
import { attachHead } from './head';
import { transferLearn } from './recipe';
import { stripUndefined } from '@dlkit/core';

export interface MnistTransferOptions {
  seed?: number;
  /** Labelled target images per class (digits 5-9). */
  shotsPerClass?: number;
  /** Source-task (digits 0-4) training epochs and image cap (undefined = all ~4,000). */
  backboneEpochs?: number;
  backboneSamples?: number;
  headEpochs?: number;
  fineTuneEpochs?: number;
  /** Scratch epochs; default: headEpochs + fineTuneEpochs (the same number of steps). */
  scratchEpochs?: number;
  /** Test images per target class (undefined = all). */
  testPerClass?: number;
  /** Last frozen backbone layer: 'hidden' (128 dense features) or 'flatten' (the conv features). */
  cutLayer?: 'hidden' | 'flatten';
  /** Hidden units of the new head (0 = a single softmax layer). */
  headHiddenUnits?: number;
  /** Weighted layers (from the output, BN excluded) unfrozen for fine-tuning. */
  fineTuneLayers?: number;
  /** The network: the project's MNIST CNN, or a deeper VGG-style CNN (more capacity, no batch norm). */
  network?: 'mnist-cnn' | 'vgg';
  log?: (line: string) => void;
}

export const MNIST_TRANSFER_DEFAULTS = {
  seed: 1,
  shotsPerClass: 20,
  backboneEpochs: 4,
  headEpochs: 40,
  fineTuneEpochs: 20,
  cutLayer: 'flatten',
  headHiddenUnits: 128,
  fineTuneLayers: 3,
  network: 'mnist-cnn',
} satisfies MnistTransferOptions;

export interface MnistTransferResult {
  task: 'transfer';
  seed: number;
  shotsPerClass: number;
  transferAccuracy: number;
  /** Accuracy after training the head only (before fine-tuning). */
  headOnlyAccuracy: number;
  scratchAccuracy: number;
  gainPoints: number;
  /** Accuracy of the backbone on its own task (digits 0-4 of the test split). */
  backboneSourceAccuracy: number;
  trainImages: number;
  testImages: number;
  seconds: number;
}

const SOURCE = [0, 1, 2, 3, 4];
const TARGET = [5, 6, 7, 8, 9];

/**
 * A VGG-style CNN (Simonyan & Zisserman 2015, scaled down): two blocks of two 3×3 ReLU convs and
 * a max pool, then dense 256 ('hidden') and a 10-way softmax ('digits'). Layer names match
 * mnistCnn's cut points ('flatten', 'hidden').
 * [B, 28, 28, 1] → [B, 24, 24, 32] → pool [B, 12, 12, 32] → [B, 8, 8, 64] → pool [B, 4, 4, 64] → 1024 → 256 → 10
 */
export function vggSmall(seed: number): tf.Sequential {
  let s = seed;
  const init = () => tf.initializers.glorotUniform({ seed: s++ });
  const conv = (filters: number, first = false): tf.layers.Layer =>
    tf.layers.conv2d({ ...(first ? { inputShape: [MNIST_SIZE, MNIST_SIZE, 1] } : {}), filters, kernelSize: 3, activation: 'relu', kernelInitializer: init() });
  return tf.sequential({
    name: 'vgg_small',
    layers: [
      conv(32, true), conv(32), tf.layers.maxPooling2d({ poolSize: 2 }),
      conv(64), conv(64), tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(), name: 'hidden' }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(), name: 'digits' }),
    ],
  });
}

function buildNetwork(kind: 'mnist-cnn' | 'vgg', seed: number): tf.LayersModel {
  return kind === 'vgg' ? vggSmall(seed) : mnistCnn({ seed });
}

/** Rows whose label is in `digits`, optionally the first `perClass` of each (after a seeded shuffle when rng is given). */
function rowsOf(set: DigitSet, digits: number[], perClass?: number, rng?: Rng): number[] {
  const out: number[] = [];
  for (const d of digits) {
    let rows = Array.from(set.labels.keys()).filter((i) => set.labels[i] === d);
    if (rng) rows = rng.shuffle(rows);
    out.push(...(perClass === undefined ? rows : rows.slice(0, perClass)));
  }
  return out;
}

/** x [n, 28, 28, 1], y [n, classes] one-hot of (label - offset). */
function tensorsOf(set: DigitSet, offset: number, classes: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  return tf.tidy(() => ({
    x: tf.tensor4d(set.images, [set.count, MNIST_SIZE, MNIST_SIZE, 1]),
    y: tf.oneHot(tf.tensor1d(Array.from(set.labels, (l) => l - offset), 'int32'), classes).toFloat() as tf.Tensor2D,
  }));
}

/** Fraction of rows where argmax(prediction) = argmax(y). */
function accuracyOf(model: tf.LayersModel, data: { x: tf.Tensor; y: tf.Tensor }): number {
  return tf.tidy(() => {
    const pred = (model.predict(data.x, { batchSize: 500 }) as tf.Tensor).argMax(-1);
    return pred.equal(data.y.argMax(-1)).mean().dataSync()[0];
  });
}

export async function mnistTransferEval(options: MnistTransferOptions = {}): Promise<MnistTransferResult> {
  const o = { ...MNIST_TRANSFER_DEFAULTS, ...stripUndefined(options) };
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const rng = new Rng(o.seed);
  const { train, test } = mnistSplit();

  // 1. Source task: the MNIST CNN on digits 0-4 (10-way output; only 0-4 occur).
  const source = selectDigits(train, rowsOf(train, SOURCE, o.backboneSamples === undefined ? undefined : Math.ceil(o.backboneSamples / SOURCE.length), rng));
  const backbone = buildNetwork(o.network, o.seed);
  const bbTrainer = new Trainer(backbone, { epochs: o.backboneEpochs, batchSize: 64, seed: o.seed, optimizer: 'adam', learningRate: 1e-3, loss: 'categoricalCrossentropy', progress: false });
  await bbTrainer.fit(new DigitDataset(source, { seed: o.seed }));
  bbTrainer.dispose();
  const sourceTest = tensorsOf(selectDigits(test, rowsOf(test, SOURCE, o.testPerClass)), 0, 10);
  const backboneSourceAccuracy = accuracyOf(backbone, sourceTest);
  tf.dispose(sourceTest);
  log(`backbone (digits 0-4): test accuracy ${(backboneSourceAccuracy * 100).toFixed(2)}%`);

  // 2. Target task: shotsPerClass seeded images of each digit 5-9; test on all 5-9 test digits.
  const few = tensorsOf(selectDigits(train, rng.shuffle(rowsOf(train, TARGET, o.shotsPerClass, rng))), TARGET[0], TARGET.length);
  const target = tensorsOf(selectDigits(test, rowsOf(test, TARGET, o.testPerClass)), TARGET[0], TARGET.length);

  const transfer = attachHead(backbone, { cutLayer: o.cutLayer, classes: TARGET.length, hiddenUnits: o.headHiddenUnits, seed: o.seed + 100 });
  let headOnlyAccuracy = 0;
  await transferLearn(transfer, few, {
    cutLayer: o.cutLayer,
    headEpochs: o.headEpochs,
    fineTuneEpochs: o.fineTuneEpochs,
    fineTuneLayers: o.fineTuneLayers,
    seed: o.seed,
    onHeadTrained: (m) => {
      headOnlyAccuracy = accuracyOf(m, target);
      log(`transfer, head only: ${(headOnlyAccuracy * 100).toFixed(2)}%`);
    },
  });
  const transferAccuracy = accuracyOf(transfer, target);
  log(`transfer, fine-tuned: ${(transferAccuracy * 100).toFixed(2)}%`);

  // 3. Scratch: the same architecture, fresh weights, all layers trainable, same optimiser.
  const fresh = buildNetwork(o.network, o.seed + 7);
  const scratch = attachHead(fresh, { cutLayer: o.cutLayer, classes: TARGET.length, hiddenUnits: o.headHiddenUnits, seed: o.seed + 100, name: 'scratch' });
  const scratchTrainer = new Trainer(scratch, {
    epochs: o.scratchEpochs ?? o.headEpochs + o.fineTuneEpochs,
    batchSize: 20,
    seed: o.seed,
    optimizer: 'adam',
    learningRate: 1e-3,
    loss: 'categoricalCrossentropy',
    progress: false,
  });
  await scratchTrainer.fit(few);
  scratchTrainer.dispose();
  const scratchAccuracy = accuracyOf(scratch, target);
  log(`scratch: ${(scratchAccuracy * 100).toFixed(2)}%`);

  const result: MnistTransferResult = {
    task: 'transfer',
    seed: o.seed,
    shotsPerClass: o.shotsPerClass,
    transferAccuracy,
    headOnlyAccuracy,
    scratchAccuracy,
    gainPoints: (transferAccuracy - scratchAccuracy) * 100,
    backboneSourceAccuracy,
    trainImages: few.x.shape[0],
    testImages: target.x.shape[0],
    seconds: (Date.now() - started) / 1000,
  };
  tf.dispose([few, target]);
  disposeModels([transfer, backbone, scratch, fresh]);
  return result;
}

/** Disposes models that share layers (a head on a backbone): every layer's weights exactly once. */
export function disposeModels(models: tf.LayersModel[]): void {
  const layers = new Set(models.flatMap((m) => m.layers));
  for (const layer of layers) {
    try {
      layer.dispose();
    } catch {
      // Already disposed through another model, or never built.
    }
  }
}
