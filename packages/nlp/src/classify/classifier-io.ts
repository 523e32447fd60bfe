/**
 * Saving and loading text classifiers: one directory holding the tfjs model (`model.json` +
 * `weights.bin`, core's file-system format) and `classifier.json` (format, kind, labels, the
 * vocabulary in id order, the embedding size and the options the model was built with). The word
 * vectors themselves live in the model's weights, so the vocabulary is all the encoding needs.
 * Written atomically (a temporary sibling renamed into place); every load error names the file.
 *
 * @example
 * await saveTextClassifier(clf, 'out/classifier');
 * const again = await loadTextClassifier('out/classifier');
 * again.predict('free money now').label;
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, replaceDirAtomic, saveModel } from '@dlkit/core';
import { WordVectors } from '../embeddings/word-vectors';
import { AverageClassifier } from './average-classifier';
import { LstmClassifier } from './lstm-classifier';
import type { TextClassifier, TextClassifierKind } from './text-classifier';

export const CLASSIFIER_FILE = 'classifier.json';
const FORMAT = 'dlkit-text-classifier';
const VERSION = 1;

/** What classifier.json holds. */
export interface SavedClassifierConfig {
  format: typeof FORMAT;
  version: number;
  kind: TextClassifierKind;
  labels: string[];
  /** The vocabulary, in id order. */
  words: string[];
  dim: number;
  /** The constructor options (AverageClassifierOptions or LstmClassifierOptions). */
  options: Record<string, unknown>;
}

/** One row per kind: how to rebuild it from a vocabulary (zero vectors; the weights load after). */
const KINDS: Record<TextClassifierKind, (vectors: WordVectors, c: SavedClassifierConfig) => TextClassifier> = {
  average: (vectors, c) => new AverageClassifier(vectors, c.labels, c.options),
  lstm: (vectors, c) => new LstmClassifier(vectors, c.labels, c.options),
};

export async function saveTextClassifier(classifier: TextClassifier, dir: string): Promise<string> {
  const config: SavedClassifierConfig = {
    format: FORMAT,
    version: VERSION,
    kind: classifier.kind,
    labels: classifier.labels,
    words: classifier.words,
    dim: classifier.dim,
    options: { ...classifier.options },
  };
  await replaceDirAtomic(dir, async (tmp) => {
    await saveModel(classifier.layersModel, tmp);
    fs.writeFileSync(path.join(tmp, CLASSIFIER_FILE), JSON.stringify(config));
  });
  return path.resolve(dir);
}

function readConfig(dir: string): SavedClassifierConfig {
  const file = path.join(dir, CLASSIFIER_FILE);
  if (!fs.existsSync(dir)) throw new Error(`${dir}: no such directory (expected a saved text classifier)`);
  if (!fs.existsSync(file)) throw new Error(`${file}: not found (expected a directory written by saveTextClassifier)`);
  let c: SavedClassifierConfig;
  try {
    c = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const bad = (what: string) => new Error(`${file}: ${what}`);
  if (c?.format !== FORMAT) throw bad(`not a text classifier (format '${c?.format}', expected '${FORMAT}')`);
  if (c.version !== VERSION) throw bad(`version ${c.version} is not supported (expected ${VERSION})`);
  if (!Object.hasOwn(KINDS, c.kind))
    throw bad(`unknown kind '${c.kind}', expected one of ${Object.keys(KINDS).join(', ')}`);
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!strings(c.labels) || !strings(c.words)) throw bad('labels and words must be lists of strings');
  if (!(Number.isInteger(c.dim) && c.dim >= 1)) throw bad(`dim must be a positive integer, got ${c.dim}`);
  if (typeof c.options !== 'object' || c.options === null) throw bad('options must be an object');
  return c;
}

/** Loads a classifier written by `saveTextClassifier`. */
export async function loadTextClassifier(dir: string): Promise<TextClassifier> {
  const config = readConfig(dir);
  const file = path.join(dir, CLASSIFIER_FILE);
  const zeros = new WordVectors(config.words, new Float32Array(config.words.length * config.dim), config.dim);
  let classifier: TextClassifier;
  try {
    classifier = KINDS[config.kind](zeros, config);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  let saved: tf.LayersModel | undefined;
  try {
    saved = await loadModel(dir);
    const weights = saved.getWeights();
    const expected = classifier.layersModel.getWeights();
    const shapes = (ws: tf.Tensor[]) => ws.map((w) => `[${w.shape}]`).join(' ');
    if (shapes(weights) !== shapes(expected))
      throw new Error(
        `${path.join(dir, 'model.json')}: weights ${shapes(weights)} do not match ${file} (expected ${shapes(expected)})`,
      );
    classifier.layersModel.setWeights(weights);
    return classifier;
  } catch (err) {
    classifier.dispose();
    throw err;
  } finally {
    saved?.dispose();
  }
}
