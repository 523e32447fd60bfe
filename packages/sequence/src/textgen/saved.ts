/**
 * A trained character language model on disk and in memory: the tfjs model (core's saveModel /
 * loadModel) plus `textgen.json` (vocabulary, corpus kind, config, split, metrics) and
 * `training-items.json` (the training items, so that samples can be checked for novelty).
 *
 * @example
 * const lm = await loadCharLm('dlkit-out/textgen/model');
 * const { samples, novel } = sampleCharLm(lm, { n: 10, temperature: 0.8, seed: 3 });
 * lm.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as tf from '@tensorflow/tfjs';
import { loadModel } from '@dlkit/core';
import { Vocabulary } from '../tokens/vocabulary';
import type { TextCorpus } from './corpus';
import type { CharLmConfig } from './model';

export const TEXTGEN_FORMAT = 'dlkit-textgen';
export const TEXTGEN_JSON = 'textgen.json';
export const TRAINING_ITEMS_JSON = 'training-items.json';
const EXPECTED = `the output of "dlkit textgen train" (model.json, weights.bin, ${TEXTGEN_JSON}, ${TRAINING_ITEMS_JSON})`;

/** Contents of textgen.json. */
export interface TextgenMeta {
  format: typeof TEXTGEN_FORMAT;
  version: 1;
  vocabulary: { tokens: string[] };
  kind: TextCorpus['kind'];
  /** The corpus was lowercased: prefixes are lowercased too. */
  lowercase: boolean;
  chunkLength?: number;
  /** Characters in the longest training item (bounds the default sample length). */
  longestItem: number;
  config: CharLmConfig;
  training: {
    corpus: string;
    trainItems: number;
    validationItems: number;
    validationFraction: number;
    seed: number;
    epochs: number;
    batchSize: number;
    learningRate: number;
    smoothingK: number;
  };
  metrics: {
    valPerplexity: number;
    bigramPerplexity: number;
    unigramPerplexity: number;
    trainPerplexity: number;
    validationCharacters: number;
  };
}

/** A loaded model, ready for `sampleCharLm`. */
export interface CharLm {
  dir: string;
  model: tf.LayersModel;
  vocab: Vocabulary;
  meta: TextgenMeta;
  trainingItems: ReadonlySet<string>;
  dispose(): void;
}

export async function loadCharLm(dir: string): Promise<CharLm> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new Error(`model directory not found: ${dir} (expected ${EXPECTED})`);
  const meta = readJson<TextgenMeta>(path.join(dir, TEXTGEN_JSON));
  if (meta.format !== TEXTGEN_FORMAT || !meta.vocabulary || (meta.kind !== 'lines' && meta.kind !== 'chunks')) {
    throw new Error(
      `${path.join(dir, TEXTGEN_JSON)}: not a ${TEXTGEN_FORMAT} file (expected format, vocabulary and kind written by "dlkit textgen train")`,
    );
  }
  const items = readJson<unknown>(path.join(dir, TRAINING_ITEMS_JSON));
  if (!Array.isArray(items) || items.some((s) => typeof s !== 'string'))
    throw new Error(`${path.join(dir, TRAINING_ITEMS_JSON)}: expected a JSON array of strings`);
  const vocab = Vocabulary.fromJSON(meta.vocabulary);
  const model = await loadModel(dir);
  const outputs = model.outputs[0].shape[model.outputs[0].shape.length - 1];
  if (outputs !== vocab.size) {
    model.dispose();
    throw new Error(
      `${dir}: the model predicts ${outputs} tokens but ${TEXTGEN_JSON} has a vocabulary of ${vocab.size}`,
    );
  }
  return { dir, model, vocab, meta, trainingItems: new Set(items as string[]), dispose: () => model.dispose() };
}

function readJson<T>(file: string): T {
  if (!fs.existsSync(file)) throw new Error(`${file}: not found (expected ${EXPECTED})`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
}
