/**
 * The task heads of a BERT encoder, each a tfjs model over the encoder's own symbolic output (so
 * the encoder's weights are shared, and fine-tuning a head fine-tunes the encoder):
 *
 *   masked LM            hidden [B, T, H] → dense(H, gelu) → LayerNorm → dense(V) → logits [B, T, V]
 *   token classification hidden → dense(labels) → logits [B, T, labels]
 *   question answering   hidden → dense(1) twice → start_logits, end_logits [B, T]
 *
 * The masked-LM head is untied (its own decoder matrix, not the word-embedding table transposed):
 * simpler to export, and at vocabulary 8,000 × 128 the extra weights cost ~1 M parameters.
 *
 * @example
 * const encoder = buildBertEncoder(bertConfig({ vocabSize: 2000 }));
 * const mlm = bertForMaskedLM(encoder);                  // fill-mask
 * const ner = bertForTokenClassification(encoder, 9);    // NER, shares the encoder
 * const qa = bertForQuestionAnswering(encoder);          // outputs [start_logits, end_logits]
 */
import * as tf from '@tensorflow/tfjs';
import { LayerNorm } from '@dlkit/sequence';
import { BertEncoder, bertInitializer } from './bert-encoder';
import { GatherPositions } from './gather-positions';

/** The masked-LM head's layers: built once, applied at every position or at the masked ones. */
export class MlmHead {
  readonly transform: tf.layers.Layer;
  readonly norm: tf.layers.Layer;
  readonly decoder: tf.layers.Layer;

  constructor(encoder: BertEncoder) {
    const c = encoder.config;
    const seed = c.seed * 1000 + 500;
    this.transform = tf.layers.dense({
      units: c.hiddenSize,
      activation: 'gelu', // exact gelu, as BERT's hidden_act "gelu"
      kernelInitializer: bertInitializer(seed) as never,
      name: 'mlm_transform',
    });
    this.norm = new LayerNorm({ epsilon: c.layerNormEpsilon, name: 'mlm_norm' });
    this.decoder = tf.layers.dense({
      units: c.vocabSize,
      kernelInitializer: bertInitializer(seed + 1) as never,
      name: 'mlm_decoder',
    });
  }

  /**
   * Frees the head's weights once the models using it are disposed. tfjs counts one reference per
   * model a layer is applied in, and a model's dispose() drops one; a head applied in both the
   * training and the fill-mask model keeps one after the training model's dispose().
   */
  dispose(): void {
    for (const layer of [this.transform, this.norm, this.decoder]) {
      const refs = (layer as unknown as { _refCount: number | null })._refCount;
      for (let i = 0; i < (refs ?? 0); i++) layer.dispose();
    }
  }

  /** [B, T, H] → logits [B, T, V] */
  apply(x: tf.SymbolicTensor): tf.SymbolicTensor {
    return this.decoder.apply(this.norm.apply(this.transform.apply(x))) as tf.SymbolicTensor;
  }
}

/**
 * Fill-mask: the encoder's inputs → logits [B, T, vocabSize] at every position; with
 * `hiddenStates`, also last_hidden_state [B, T, H] (one exported folder then serves fill-mask and
 * feature-extraction).
 */
export function bertForMaskedLM(
  encoder: BertEncoder,
  head = new MlmHead(encoder),
  options: { hiddenStates?: boolean } = {},
): tf.LayersModel {
  const logits = head.apply(encoder.hidden);
  const outputs = options.hiddenStates ? [logits, encoder.hidden] : logits;
  return tf.model({ inputs: encoder.inputs, outputs, name: 'bert_mlm' });
}

/**
 * The masked-LM training model: the encoder's inputs plus `masked_positions` [B, M] int32 →
 * logits [B, M, vocabSize] at those positions only (same weights as bertForMaskedLM with `head`).
 */
export function bertMlmTrainingModel(encoder: BertEncoder, head: Pick<MlmHead, 'apply'>): tf.LayersModel {
  const positions = tf.input({ shape: [null], dtype: 'int32', name: 'masked_positions' }); // [B, M]
  const picked = new GatherPositions({ name: 'masked_hidden' }).apply([encoder.hidden, positions]) as tf.SymbolicTensor;
  return tf.model({ inputs: [...encoder.inputs, positions], outputs: head.apply(picked), name: 'bert_mlm_train' });
}

/** NER and other token tagging: logits [B, T, numLabels]. */
export function bertForTokenClassification(encoder: BertEncoder, numLabels: number): tf.LayersModel {
  if (!Number.isInteger(numLabels) || numLabels < 1)
    throw new Error(`bertForTokenClassification: numLabels must be a positive integer, got ${numLabels}`);
  const dense = tf.layers.dense({
    units: numLabels,
    kernelInitializer: bertInitializer(encoder.config.seed * 1000 + 600) as never,
    name: 'token_classifier',
  });
  return tf.model({
    inputs: encoder.inputs,
    outputs: dense.apply(encoder.hidden) as tf.SymbolicTensor,
    name: 'bert_ner',
  });
}

/** Extractive QA: [start_logits, end_logits], each [B, T], over the tokens of question + context. */
export function bertForQuestionAnswering(encoder: BertEncoder): tf.LayersModel {
  const seed = encoder.config.seed * 1000 + 700;
  const logits = (name: string, s: number) => {
    const score = tf.layers.dense({ units: 1, kernelInitializer: bertInitializer(s) as never, name: `${name}_dense` });
    const squeeze = tf.layers.reshape({ targetShape: [-1], name }); // [B, T, 1] -> [B, T]
    return squeeze.apply(score.apply(encoder.hidden)) as tf.SymbolicTensor;
  };
  const outputs = [logits('start_logits', seed), logits('end_logits', seed + 1)];
  return tf.model({ inputs: encoder.inputs, outputs, name: 'bert_qa' });
}
