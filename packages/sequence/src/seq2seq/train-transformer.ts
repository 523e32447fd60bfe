/**
 * Training the transformer translator (transformer-translator.ts) with the same Trainer flow as
 * the Bi-LSTM one (train.ts's fitTranslator): batches of source ids + mask + the target shifted
 * right behind the start id, one-hot targets [b, Ty, V], categorical cross-entropy.
 *
 * Defaults sized for a shared 2-core machine: d_model 64, 2 + 2 layers, 4 heads, FFN 128, no
 * dropout, Adam 0.002 × 0.9 per epoch (no warmup: post-norm layers this small train stably).
 *
 * @example
 * const r = await trainTransformerTranslator(coder, pairs, { epochs: 2 });
 * r.translator.evaluate(heldOut).exactMatch;
 * r.translator.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '@dlkit/core';
import type { Pair, PairCoder } from './pairs';
import { fitTranslator, translatorOptions, type TrainTranslatorOptions, type TrainedTranslator } from './train';
import { TransformerTranslator, type TransformerTranslatorSizes } from './transformer-translator';

export interface TrainTransformerOptions extends TrainTranslatorOptions, TransformerTranslatorSizes {}

export const TRAIN_TRANSFORMER_DEFAULTS = {
  epochs: 12,
  batchSize: 64,
  learningRate: 0.002,
  learningRateDecay: 0.9,
  seed: 1,
} as const;

/** Batches [source ids [b, Tx], source mask [b, Tx], prefix [b, Ty]] → one-hot targets [b, Ty, V]. */
export function transformerPairDataset(
  translator: TransformerTranslator,
  pairs: readonly Pair[],
  label = 'pair',
): Dataset {
  const { coder } = translator;
  const { x, y } = coder.encodeAll(pairs, label);
  const { tx, ty } = coder;
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
      const ys = tf.tidy(() => tf.oneHot(tf.tensor2d(yi, [b, ty], 'int32'), coder.targetVocab.size).toFloat()); // [b, Ty, V]
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
  const o = translatorOptions(options, TRAIN_TRANSFORMER_DEFAULTS);
  if (train.length === 0) throw new Error('training needs at least one pair');
  const { dModel, layers, numHeads, dff, dropout } = options;
  const translator = new TransformerTranslator(coder, { dModel, layers, numHeads, dff, dropout, seed: o.seed });
  const data = (pairs: readonly Pair[], label: string) => transformerPairDataset(translator, pairs, label);
  return fitTranslator(translator, data, train, o, 'Transformer translator');
}
