/**
 * Multi-task NER fine-tuning: every batch holds the NER sentences and, beside them, sentences of
 * running text masked as in pretraining (15 %, 80/10/10); the loss is the NER loss plus
 * `mlmWeight` × the masked-LM loss. The encoder then keeps predicting words in real frames while it
 * learns entity types from the templates (the ninth round, README, found that fine-tuning on the
 * templates alone loses the frames that continued pretraining had taught).
 *
 * A batch of b NER rows gets m = round(b · mlmShare) text rows after them, padded to the longest T:
 *
 * ```
 * x = [input_ids, attention_mask, token_type_ids [b+m, T], masked_positions [b+m, M]]   int32
 * y = [NER labels [b+m, T] (-1 on the text rows) | MLM labels [b+m, M] (-1 on the NER rows)]   int32 [b+m, T+M]
 * ```
 *
 * The text row k of a batch is drawn and masked with the seed of (seed, epoch, the batch's k-th NER
 * index), so a resumed run sees exactly the rows an uninterrupted one does.
 *
 * @example
 * const data = new NerWithMlmDataset(ner, textIds, { seed: 1, masking, padId, mlmShare: 0.5 });
 * const train = bertNerMlmTrainingModel(nerModel, encoder, savedMlmHead(mlm));
 * // runTraining({ model: train, data, trainer: { loss: { fn: nerWithMlmLoss(0.5), kind: 'regression' } } })
 */
import * as tf from '@tensorflow/tfjs';
import { Batch, Dataset, exampleSeed, Rng } from '@dlkit/core';
import { BertEncoder } from './bert-encoder';
import { bertMlmTrainingModel, MlmHead } from './bert-heads';
import { maskedLmLoss } from './mlm-loss';
import { MLM_IGNORE_LABEL } from './mlm-dataset';
import { maskTokens, MlmMaskingOptions } from './mlm-masking';
import { NER_IGNORE_LABEL, NerDataset } from './ner-dataset';

export interface NerWithMlmOptions {
  seed: number;
  masking: MlmMaskingOptions;
  padId: number;
  /** Text rows per NER row, in (0, 1]. */
  mlmShare: number;
}

export class NerWithMlmDataset implements Dataset {
  private epoch = 0;

  /**
   * @param ner the NER sentences (the data set's examples: `size` is theirs)
   * @param text token ids of the running-text sentences, [CLS] and [SEP] included
   */
  constructor(
    readonly ner: NerDataset,
    readonly text: readonly (readonly number[])[],
    readonly options: NerWithMlmOptions,
  ) {
    if (text.length === 0) throw new Error('NerWithMlmDataset needs at least one text sentence');
    if (!(options.mlmShare > 0 && options.mlmShare <= 1))
      throw new Error(`mlmShare must be in (0, 1], got ${options.mlmShare}`);
  }

  get size(): number {
    return this.ner.size;
  }

  /** The text rows' choice and masks depend on the epoch (core's AugmentationEpoch calls this). */
  setEpoch(epoch: number): void {
    this.epoch = epoch;
  }

  batch(indices: readonly number[]): Batch {
    const nerRows = indices.map((i) => this.ner.encoded[i]);
    const m = Math.max(1, Math.round(indices.length * this.options.mlmShare));
    const textRows = indices.slice(0, m).map((i) => {
      const rng = new Rng(exampleSeed(this.options.seed, this.epoch, i));
      return maskTokens(this.text[rng.int(this.text.length)], rng, this.options.masking);
    });
    const rows = nerRows.length + m;
    const t = Math.max(...nerRows.map((r) => r.encoding.ids.length), ...textRows.map((r) => r.input.length));
    const mMax = Math.max(...textRows.map((r) => r.positions.length));
    const ids = new Int32Array(rows * t).fill(this.options.padId);
    const mask = new Int32Array(rows * t);
    const types = new Int32Array(rows * t);
    const positions = new Int32Array(rows * mMax); // NER rows and padding slots point at 0 with label -1
    const labels = new Int32Array(rows * (t + mMax)).fill(NER_IGNORE_LABEL);
    nerRows.forEach((r, i) => {
      ids.set(r.encoding.ids, i * t);
      mask.set(r.encoding.attentionMask, i * t);
      types.set(r.encoding.typeIds, i * t);
      labels.set(r.labels, i * (t + mMax));
    });
    textRows.forEach((r, k) => {
      const i = nerRows.length + k;
      ids.set(r.input, i * t);
      mask.fill(1, i * t, i * t + r.input.length);
      positions.set(r.positions, i * mMax);
      labels.fill(MLM_IGNORE_LABEL, i * (t + mMax) + t, (i + 1) * (t + mMax));
      labels.set(r.labels, i * (t + mMax) + t);
    });
    return {
      x: [
        tf.tensor2d(ids, [rows, t], 'int32'),
        tf.tensor2d(mask, [rows, t], 'int32'),
        tf.tensor2d(types, [rows, t], 'int32'),
        tf.tensor2d(positions, [rows, mMax], 'int32'),
      ],
      y: tf.tensor2d(labels, [rows, t + mMax], 'int32'),
    };
  }
}

/** The masked-LM head of a loaded fill-mask model (loadBert's `mlm`): its pretrained layers, applied anew. */
export function savedMlmHead(mlm: tf.LayersModel): Pick<MlmHead, 'apply'> {
  const [transform, norm, decoder] = ['mlm_transform', 'mlm_norm', 'mlm_decoder'].map((n) => mlm.getLayer(n));
  return { apply: (x) => decoder.apply(norm.apply(transform.apply(x))) as tf.SymbolicTensor };
}

/**
 * The multi-task training model: the encoder's inputs plus `masked_positions` [B, M] →
 * [NER logits [B, T, labels] (the token-classification model's output), MLM logits [B, M, V]].
 * Every layer is the NER model's or the head's, so training it fine-tunes the model to export.
 */
export function bertNerMlmTrainingModel(
  ner: tf.LayersModel,
  encoder: BertEncoder,
  head: Pick<MlmHead, 'apply'>,
): tf.LayersModel {
  const mlm = bertMlmTrainingModel(encoder, head);
  return tf.model({ inputs: mlm.inputs, outputs: [ner.outputs[0], mlm.outputs[0]], name: 'bert_ner_mlm_train' });
}

/**
 * NER loss + `mlmWeight` × masked-LM loss (each maskedLmLoss: the mean over its labelled positions)
 * of the multi-task model's two outputs; y is NerWithMlmDataset's [B, T+M].
 */
export function nerWithMlmLoss(mlmWeight: number): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  if (!(mlmWeight >= 0)) throw new Error(`mlmWeight must be >= 0, got ${mlmWeight}`);
  return (yTrue, yPred) =>
    tf.tidy(() => {
      // A two-output model: the trainer passes what model.apply returned, the list of both.
      const [nerLogits, mlmLogits] = yPred as unknown as [tf.Tensor, tf.Tensor];
      const [nerLabels, mlmLabels] = tf.split(yTrue, [nerLogits.shape[1] as number, mlmLogits.shape[1] as number], 1);
      return tf.add(maskedLmLoss(nerLabels, nerLogits), tf.mul(maskedLmLoss(mlmLabels, mlmLogits), mlmWeight));
    });
}
