/**
 * Writes a BERT model (any head of bert-heads.ts) as a Hugging Face folder that transformers.js
 * pipelines load offline:
 *
 * ```
 * <dir>/config.json              model_type "bert", sizes, architectures, id2label/label2id (token classification)
 * <dir>/tokenizer.json           WordPiece with its TemplateProcessing post-processor
 * <dir>/tokenizer_config.json    tokenizer_class "BertTokenizer", special tokens
 * <dir>/special_tokens_map.json
 * <dir>/onnx/model.onnx          int64 input_ids, attention_mask, token_type_ids [batch, sequence] → the task's outputs
 * ```
 *
 * The sizes are read from the model's own layers; the ONNX graph is core's exporter with
 * sequence's transformer exporters. The folder is written atomically, then checked as a reader
 * would check it (checkBertFolder).
 *
 * @example
 * await exportHuggingFace(bertForTokenClassification(encoder, 3), tokenizer, 'out/ner', {
 *   task: 'token-classification', labels: ['O', 'B-PER', 'I-PER'],
 * });
 */
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx } from '@dlkit/core';
import {
  PositionalEncoding,
  TRANSFORMER_ONNX_EXPORTERS,
  TransformerEncoderLayer,
  writeHfModelFolder,
} from '@dlkit/sequence';
import { SubwordPooling } from '../ner-data/subword-labels';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { BertConfig, bertConfigJson } from './bert-config';
import { checkBertFolder } from './bert-folder';
import { BertTask, bertFolderExpectations, bertTaskSpec } from './bert-tasks';

export interface ExportHuggingFaceOptions {
  task: BertTask;
  /** Class names in logit order (token classification: required). */
  labels?: readonly string[];
  /**
   * Token classification: how word labels are read from sub-words (SubwordPooling), written to
   * config.json as `subword_pooling` (nerSubwordPooling reads it; absent means `first`).
   */
  subwordPooling?: SubwordPooling;
}

/** The config.json key of ExportHuggingFaceOptions.subwordPooling. */
export const SUBWORD_POOLING_KEY = 'subword_pooling';

/** A token-classification folder's config: how its word labels are read from sub-words (`first` unless the exporter wrote `all`). */
export function nerSubwordPooling(config: Record<string, unknown>): SubwordPooling {
  return config[SUBWORD_POOLING_KEY] === 'all' ? 'all' : 'first';
}

/** The BertConfig of a model built by buildBertEncoder (read from its layers; seed 1). */
export function bertConfigOf(model: tf.LayersModel): BertConfig {
  const layer = (name: string) => {
    try {
      return model.getLayer(name);
    } catch {
      throw new Error(`${model.name}: not a BERT built by buildBertEncoder (no layer '${name}')`);
    }
  };
  const words = layer('word_embeddings').getConfig() as { inputDim: number; outputDim: number };
  const types = layer('token_type_embeddings').getConfig() as { inputDim: number };
  const encoders = model.layers.filter((l): l is TransformerEncoderLayer => l instanceof TransformerEncoderLayer);
  if (encoders.length === 0) throw new Error(`${model.name}: no TransformerEncoderLayer`);
  const first = encoders[0];
  return {
    vocabSize: words.inputDim,
    hiddenSize: words.outputDim,
    numLayers: encoders.length,
    numHeads: first.numHeads,
    intermediateSize: first.dff,
    maxPosition: (layer('position_embeddings') as PositionalEncoding).maxLength,
    typeVocabSize: types.inputDim,
    dropout: first.dropout,
    layerNormEpsilon: first.layerNormEpsilon,
    seed: 1,
  };
}

/** id2label / label2id of config.json. */
export function labelMaps(labels: readonly string[]): {
  id2label: Record<string, string>;
  label2id: Record<string, number>;
} {
  if (new Set(labels).size !== labels.length) throw new Error(`labels must be distinct, got ${labels.join(', ')}`);
  return {
    id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])),
    label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
  };
}

/** Writes the folder; returns the files written. */
export async function exportHuggingFace(
  model: tf.LayersModel,
  tokenizer: WordPieceTokenizer,
  dir: string,
  options: ExportHuggingFaceOptions,
): Promise<string[]> {
  const { task, labels, subwordPooling } = options;
  const spec = bertTaskSpec(task);
  const allowed = [...spec.outputs, ...(spec.extraOutputs ?? [])];
  if (model.outputs.length < spec.outputs.length || model.outputs.length > allowed.length)
    throw new Error(`${task} needs a model with outputs ${allowed.join(', ')}, got ${model.outputs.length} output(s)`);
  const outputNames = allowed.slice(0, model.outputs.length);
  const config = bertConfigOf(model);
  if (config.vocabSize !== tokenizer.vocabSize)
    throw new Error(
      `the model's vocabulary (${config.vocabSize}) differs from the tokenizer's (${tokenizer.vocabSize})`,
    );
  let classes = {};
  if (spec.labels) {
    const n = model.outputs[0].shape[2];
    if (!labels || labels.length !== n)
      throw new Error(`${task} needs labels: one name per logit (${n}), got ${labels ? labels.length : 'none'}`);
    classes = labelMaps(labels);
  }
  const onnx = exportToOnnx(model, { exporters: TRANSFORMER_ONNX_EXPORTERS, outputNames });
  const files = await writeHfModelFolder(
    dir,
    {
      config: {
        ...bertConfigJson(config),
        model_type: 'bert',
        architectures: [spec.architecture],
        ...classes,
        ...(subwordPooling === 'all' ? { [SUBWORD_POOLING_KEY]: subwordPooling } : {}),
      },
      // truncation in transformers.js stops at model_max_length: no longer than the position table
      tokenizer: { tokenizer: tokenizer.json, config: { ...tokenizer.config, model_max_length: config.maxPosition } },
      onnx: { 'model.onnx': onnx },
    },
    bertFolderExpectations(task),
  );
  checkBertFolder(dir, task);
  return files;
}
