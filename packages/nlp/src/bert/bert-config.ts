/**
 * The size of a BERT encoder (Devlin et al. 2019), in camelCase; `bertConfigJson` writes it as the
 * Hugging Face `config.json` fields (`model_type: "bert"`, `hidden_size`, ...).
 *
 * @example
 * const config = bertConfig({ vocabSize: 8000 }); // BERT_TINY sizes, validated
 * bertConfigJson(config).num_hidden_layers;      // 2
 */
import { stripUndefined } from '@dlkit/core';
import { LAYER_NORM_EPSILON } from '@dlkit/sequence';

export interface BertConfig {
  /** Rows of the word-embedding table (the tokenizer's vocabulary size). */
  vocabSize: number;
  /** d_model: the width of every token's vector. */
  hiddenSize: number;
  /** TransformerEncoderLayers stacked (post-norm, gelu, as BERT). */
  numLayers: number;
  /** Attention heads; hiddenSize / numHeads per head. */
  numHeads: number;
  /** Inner size of each feed-forward network (BERT: 4 × hidden). */
  intermediateSize: number;
  /** Longest input in tokens (rows of the learned position table). */
  maxPosition: number;
  /** Segments (token_type_ids 0 and 1 for sentence pairs, question + context). */
  typeVocabSize: number;
  /** Dropout on attention weights, sublayer outputs and embeddings (training only). */
  dropout: number;
  /** LayerNorm ε (BERT's 1e-12; PyTorch's default 1e-5 also works). */
  layerNormEpsilon: number;
  /** Seed of every initialiser. */
  seed: number;
}

/** A small BERT that pretrains in minutes on 2 cores (DESIGN.md section 3: ~3,200 tokens/s in PyTorch). */
export const BERT_TINY = {
  hiddenSize: 128,
  numLayers: 2,
  numHeads: 4,
  intermediateSize: 512,
  maxPosition: 128,
  typeVocabSize: 2,
  // No dropout: a budget of minutes underfits rather than overfits.
  dropout: 0,
  layerNormEpsilon: LAYER_NORM_EPSILON,
  seed: 1,
} satisfies Omit<BertConfig, 'vocabSize'>;

/** BERT_TINY with the given fields, validated (`hiddenSize must be divisible by numHeads, ...`). */
export function bertConfig(config: Partial<BertConfig> & { vocabSize: number }): BertConfig {
  const c: BertConfig = { ...BERT_TINY, ...stripUndefined(config), vocabSize: config.vocabSize };
  for (const key of [
    'vocabSize',
    'hiddenSize',
    'numLayers',
    'numHeads',
    'intermediateSize',
    'maxPosition',
    'typeVocabSize',
  ] as const)
    if (!Number.isInteger(c[key]) || c[key] < 1)
      throw new Error(`BertConfig: ${key} must be a positive integer, got ${c[key]}`);
  if (c.hiddenSize % c.numHeads !== 0)
    throw new Error(`BertConfig: hiddenSize ${c.hiddenSize} must be divisible by numHeads ${c.numHeads}`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error(`BertConfig: dropout must be in [0, 1), got ${c.dropout}`);
  if (!(c.layerNormEpsilon > 0)) throw new Error(`BertConfig: layerNormEpsilon must be > 0, got ${c.layerNormEpsilon}`);
  return c;
}

/** The Hugging Face config.json fields of a BERT (snake_case, as transformers' BertConfig). */
export function bertConfigJson(c: BertConfig): Record<string, unknown> {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    vocab_size: c.vocabSize,
    hidden_size: c.hiddenSize,
    num_hidden_layers: c.numLayers,
    num_attention_heads: c.numHeads,
    intermediate_size: c.intermediateSize,
    max_position_embeddings: c.maxPosition,
    type_vocab_size: c.typeVocabSize,
    hidden_act: 'gelu',
    hidden_dropout_prob: c.dropout,
    attention_probs_dropout_prob: c.dropout,
    layer_norm_eps: c.layerNormEpsilon,
    position_embedding_type: 'absolute',
    pad_token_id: 0,
  };
}

/** Reads the fields bertConfigJson writes back into a BertConfig (the seed is not stored: 1). */
export function bertConfigFromJson(json: Record<string, unknown>, where = 'config.json'): BertConfig {
  if (json.model_type !== 'bert')
    throw new Error(`${where}: expected model_type "bert", got ${JSON.stringify(json.model_type)}`);
  const n = (key: string): number => {
    const v = json[key];
    if (typeof v !== 'number') throw new Error(`${where}: expected a number in ${key}, got ${JSON.stringify(v)}`);
    return v;
  };
  return bertConfig({
    vocabSize: n('vocab_size'),
    hiddenSize: n('hidden_size'),
    numLayers: n('num_hidden_layers'),
    numHeads: n('num_attention_heads'),
    intermediateSize: n('intermediate_size'),
    maxPosition: n('max_position_embeddings'),
    typeVocabSize: n('type_vocab_size'),
    dropout: n('hidden_dropout_prob'),
    layerNormEpsilon: n('layer_norm_eps'),
  });
}
