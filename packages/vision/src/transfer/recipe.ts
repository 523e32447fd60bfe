/**
 * The transfer-learning recipe (Keras guide; the course's MobileNet-alpaca notebook):
 *   1. freeze the backbone up to the cut layer (frozen BN in inference mode),
 *   2. train the new head,
 *   3. unfreeze the top `fineTuneLayers` weighted layers and train again at a lower learning rate
 *      with a NEW optimizer (Adam's moment estimates from phase 2 do not fit the new variables).
 * Both phases use core's Trainer (seeded shuffling, tf.tidy steps).
 *
 * @example
 * const model = attachHead(backbone, { cutLayer: 'hidden', classes: 5 });
 * const r = await transferLearn(model, { x, y }, { cutLayer: 'hidden', headEpochs: 30, fineTuneEpochs: 20 });
 */
import type * as tf from '@tensorflow/tfjs';
import { Callback, EpochLogs, History, TrainData, fit } from '@dlkit/core';
import { freezeUpTo, unfreezeTop } from './freeze';

export interface TransferOptions {
  /** Last frozen backbone layer (name or index in model.layers). */
  cutLayer: string | number;
  headEpochs?: number;
  headLearningRate?: number;
  /** 0 skips fine-tuning. */
  fineTuneEpochs?: number;
  /** Weighted layers, counted from the output, that train during fine-tuning (head included). */
  fineTuneLayers?: number;
  /** Typically 10× below the head's rate, so the pretrained features move slowly. */
  fineTuneLearningRate?: number;
  batchSize?: number;
  seed?: number;
  /** Data scored after every epoch of both phases (valLoss, valAcc), e.g. for EarlyStopping. */
  validationData?: TrainData;
  /** Fresh callbacks for each phase (e.g. an augmentation-epoch setter, EarlyStopping with restoreBestWeights). */
  callbacks?: (phase: 'head' | 'fineTune') => Callback[];
  onEpochEnd?: (logs: EpochLogs, phase: 'head' | 'fineTune') => void;
  /** Called between the phases (e.g. to score the head-only model). */
  onHeadTrained?: (model: tf.LayersModel) => void | Promise<void>;
}

export const TRANSFER_DEFAULTS = {
  headEpochs: 30,
  headLearningRate: 1e-3,
  fineTuneEpochs: 20,
  fineTuneLayers: 2,
  fineTuneLearningRate: 1e-4,
  batchSize: 20,
  seed: 1,
} satisfies Omit<
  Required<TransferOptions>,
  'cutLayer' | 'onEpochEnd' | 'onHeadTrained' | 'validationData' | 'callbacks'
>;

export interface TransferResult {
  frozen: string[];
  fineTuned: string[];
  headHistory: History;
  fineTuneHistory?: History;
}

export async function transferLearn(
  model: tf.LayersModel,
  data: TrainData,
  options: TransferOptions,
): Promise<TransferResult> {
  const o = { ...TRANSFER_DEFAULTS, ...options };
  const frozen = freezeUpTo(model, o.cutLayer);
  const phase = (epochs: number, learningRate: number, name: 'head' | 'fineTune'): Promise<History> =>
    fit(model, data, {
      epochs,
      batchSize: o.batchSize,
      seed: o.seed,
      // Named, although Adam is the Trainer's default: a model compiled by the caller would
      // otherwise lend its own optimizer to both phases, and each phase needs a fresh one.
      optimizer: 'adam',
      learningRate,
      loss: 'categoricalCrossentropy',
      progress: false,
      validationData: o.validationData,
      callbacks: o.callbacks?.(name) ?? [],
      onEpochEnd: o.onEpochEnd ? (logs) => o.onEpochEnd!(logs, name) : undefined,
    });
  const headHistory = await phase(o.headEpochs, o.headLearningRate, 'head');
  await o.onHeadTrained?.(model);
  if (o.fineTuneEpochs <= 0 || o.fineTuneLayers <= 0) return { frozen, fineTuned: [], headHistory };
  const fineTuned = unfreezeTop(model, o.fineTuneLayers);
  const fineTuneHistory = await phase(o.fineTuneEpochs, o.fineTuneLearningRate, 'fineTune');
  return { frozen, fineTuned, headHistory, fineTuneHistory };
}
