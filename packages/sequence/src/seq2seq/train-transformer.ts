/**
 * Training the transformer translator (transformer-translator.ts) with the same Trainer flow as
 * the Bi-LSTM one (train.ts's fitTranslator): batches of source ids + mask + the target shifted
 * right behind the start id, label-smoothed one-hot targets [b, Ty, V], categorical cross-entropy.
 *
 * "Attention is all you need" (Vaswani et al. 2017, §5.3-5.4) recipe, scaled to a shared 2-core
 * machine: Adam (β2 0.98 in the paper; tfjs' default 0.999 here) with a linear warmup to the peak
 * rate and an inverse-square-root decay after it (NoamWarmup, per step), label smoothing 0.1.
 * Sequences are sub-word pieces learned on the training pairs (pieces.ts, `tokens: 'pieces'`):
 * ~10 tokens per number phrase instead of ~70 characters. The measured runs behind the
 * defaults are in docs/seq2seq.md.
 *
 * @example
 * const r = await trainTransformerTranslator(coder, pairs, { epochs: 2 });
 * r.translator.evaluate(heldOut).exactMatch;
 * r.translator.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import type { Callback, Dataset, TrainingContext } from '@dlkit/core';
import { PairCoder, type Pair, type PairTokens } from './pairs';
import { type PieceOptions } from './pieces';
import { fitTranslator, translatorOptions, type TrainTranslatorOptions, type TrainedTranslator } from './train';
import { TransformerTranslator, type TransformerTranslatorSizes } from './transformer-translator';

export interface TrainTransformerOptions extends TrainTranslatorOptions, TransformerTranslatorSizes {
  /** Linear warmup steps to the peak rate (`learningRate`), then × sqrt(warmup / step). */
  warmupSteps?: number;
  /** ε of label smoothing: targets (1 − ε) one-hot + ε / V (Szegedy et al. 2016; 0.1 in Vaswani et al.). */
  labelSmoothing?: number;
  /** 'pieces': sub-word pieces learned on the training pairs (the coder's characters kept); 'chars': the coder as given. */
  tokens?: PairTokens;
  /** Most pieces per side (characters included). */
  maxPieces?: number;
}

export const TRAIN_TRANSFORMER_DEFAULTS = {
  epochs: 10,
  batchSize: 64,
  learningRate: 0.002,
  learningRateDecay: 1,
  warmupSteps: 300,
  labelSmoothing: 0.1,
  seed: 1,
  tokens: 'pieces',
  maxPieces: 256,
} as const;

/**
 * The warmup-then-inverse-square-root learning rate of Vaswani et al. 2017 (eq. 3), written with
 * its peak: lr(step) = peak · min(step / warmup, sqrt(warmup / step)), step = 1, 2, ... counted
 * over epochs (so a resumed run continues the curve).
 */
export class NoamWarmup implements Callback {
  readonly name = 'noamWarmup';
  constructor(
    readonly peak: number,
    readonly warmupSteps: number,
  ) {
    if (!(peak > 0)) throw new Error(`the peak learning rate must be positive, got ${peak}`);
    if (!(Number.isInteger(warmupSteps) && warmupSteps > 0))
      throw new Error(`warmupSteps must be a positive integer, got ${warmupSteps}`);
  }
  rate(step: number): number {
    return this.peak * Math.min(step / this.warmupSteps, Math.sqrt(this.warmupSteps / step));
  }
  onTrainBegin(ctx: TrainingContext): void {
    ctx.learningRate = this.rate(ctx.completedEpochs * ctx.batchesPerEpoch + 1);
  }
  onEpochBegin(epoch: number, ctx: TrainingContext): void {
    ctx.learningRate = this.rate(epoch * ctx.batchesPerEpoch + 1);
  }
  onBatchEnd(batch: number, _logs: unknown, ctx: TrainingContext): void {
    ctx.learningRate = this.rate(ctx.completedEpochs * ctx.batchesPerEpoch + batch + 2);
  }
}

/** Batches [source ids [b, Tx], source mask [b, Tx], prefix [b, Ty]] → (smoothed) one-hot targets [b, Ty, V]. */
export function transformerPairDataset(
  translator: TransformerTranslator,
  pairs: readonly Pair[],
  label = 'pair',
  labelSmoothing = 0,
): Dataset {
  const { coder } = translator;
  const { x, y } = coder.encodeAll(pairs, label);
  const { tx, ty } = coder;
  const v = coder.targetVocab.size;
  return {
    size: pairs.length,
    batch(indices) {
      const b = indices.length;
      const xi = new Int32Array(b * tx);
      const yi = new Int32Array(b * ty);
      indices.forEach((j, i) => {
        xi.set(x.subarray(j * tx, (j + 1) * tx), i * tx);
        yi.set(y.subarray(j * ty, (j + 1) * ty), i * ty);
      });
      const [src, mask] = translator.sourceTensors(xi, b);
      const prefix = tf.tensor2d(translator.shifted(yi, b), [b, ty]);
      const ys = tf.tidy(() => {
        const hot = tf.oneHot(tf.tensor2d(yi, [b, ty], 'int32'), v).toFloat(); // [b, Ty, V]
        return labelSmoothing > 0 ? tf.add(tf.mul(hot, 1 - labelSmoothing), labelSmoothing / v) : hot;
      });
      return { x: [src, mask, prefix], y: ys };
    },
  };
}

/** Trains a new transformer translator for `coder` on `train`; the caller disposes the translator. */
export async function trainTransformerTranslator(
  coder: PairCoder,
  train: readonly Pair[],
  options: TrainTransformerOptions = {},
): Promise<TrainedTranslator<TransformerTranslator>> {
  const o = { ...TRAIN_TRANSFORMER_DEFAULTS, ...translatorOptions(options, TRAIN_TRANSFORMER_DEFAULTS) };
  if (train.length === 0) throw new Error('training needs at least one pair');
  if (!(o.labelSmoothing >= 0 && o.labelSmoothing < 1))
    throw new Error(`labelSmoothing must be in [0, 1), got ${o.labelSmoothing}`);
  const pieces: PieceOptions = { maxPieces: o.maxPieces };
  const tokenCoder =
    o.tokens === 'pieces' && coder.tokens === 'chars' ? PairCoder.withPieces(train, coder, pieces) : coder;
  const { dModel, layers, numHeads, dff, dropout } = options;
  const translator = new TransformerTranslator(tokenCoder, { dModel, layers, numHeads, dff, dropout, seed: o.seed });
  const data = (pairs: readonly Pair[], label: string) =>
    transformerPairDataset(translator, pairs, label, o.labelSmoothing);
  return fitTranslator(translator, data, train, o, 'Transformer translator', {
    callbacks: o.warmupSteps > 0 ? [new NoamWarmup(o.learningRate, o.warmupSteps)] : [],
  });
}
