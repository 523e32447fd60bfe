/**
 * The intent model: IntentFeaturizer's features → one hidden ReLU layer → softmax over the
 * intents, trained by SoftmaxTextClassifier's seeded Adam loop; `average` merges several trained ones
 * into one model that outputs the mean of their probabilities (an ensemble). Saved as a tfjs layers model
 * (`model.json`, `weights.bin`) plus `features.json` (the terms) and, when word vectors are part of
 * the features, `vectors.bin` (word2vec binary).
 *
 * @example
 * const clf = new IntentClassifier(IntentFeaturizer.fit(texts), intents, { hidden: 64 });
 * await clf.fit(rows, { epochs: 60 });
 * clf.predict('how do I resume training?').label;
 * await clf.save('out/chat/model');
 * clf.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, saveModel, stripUndefined, writeFileAtomic } from '@dlkit/core';
import { SoftmaxTextClassifier } from '../classify/softmax-classifier';
import { readVectors, writeVectors } from '../embeddings/vector-formats';
import { IntentFeaturizer, type IntentFeaturesJson } from './intent-features';

export interface IntentClassifierOptions {
  /** Units of the hidden ReLU layer (0: none, softmax regression on the features). */
  hidden?: number;
  /** L2 penalty on the kernels (keeps the many sparse features from being memorised). */
  l2?: number;
  /** Seeds the Glorot initialisation. */
  seed?: number;
}

export const INTENT_CLASSIFIER_DEFAULTS = { hidden: 64, l2: 0, seed: 1 } satisfies IntentClassifierOptions;

const FEATURES_JSON = 'features.json';
/** Cached feature rows before the cache is emptied (a long chat session must not grow forever). */
const ROW_CACHE_LIMIT = 20_000;
const VECTORS_BIN = 'vectors.bin';

interface SavedFeatures extends IntentFeaturesJson {
  labels: string[];
  vectors: boolean;
}

function buildModel(inputDim: number, classes: number, options: IntentClassifierOptions): tf.LayersModel {
  const o = { ...INTENT_CLASSIFIER_DEFAULTS, ...stripUndefined(options) };
  if (!(Number.isInteger(o.hidden) && o.hidden >= 0))
    throw new Error(`hidden must be a non-negative integer, got ${o.hidden}`);
  const dense = (units: number, activation: 'relu' | 'softmax', seed: number, inputShape?: number[]) =>
    tf.layers.dense({
      units,
      activation,
      inputShape,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      kernelRegularizer: o.l2 > 0 ? tf.regularizers.l2({ l2: o.l2 }) : undefined,
    });
  // [N, features] -> [N, hidden] -> [N, intents]
  const layers =
    o.hidden > 0
      ? [dense(o.hidden, 'relu', o.seed, [inputDim]), dense(classes, 'softmax', o.seed + 1)]
      : [dense(classes, 'softmax', o.seed, [inputDim])];
  return tf.sequential({ layers });
}

export class IntentClassifier extends SoftmaxTextClassifier {
  protected readonly model: tf.LayersModel;

  constructor(
    readonly features: IntentFeaturizer,
    labels: readonly string[],
    options: IntentClassifierOptions = {},
    model?: tf.LayersModel,
  ) {
    super(labels);
    if (features.dim === 0) throw new Error('the featurizer has no features (no words in the training texts?)');
    this.model = model ?? buildModel(features.dim, labels.length, options);
  }

  /** Feature rows of texts already seen (training re-encodes every epoch). */
  private readonly rows = new Map<string, Float32Array>();

  encode(texts: readonly string[]): tf.Tensor {
    const dim = this.features.dim;
    const missing = [...new Set(texts.filter((t) => !this.rows.has(t)))];
    const fresh = this.features.encode(missing);
    missing.forEach((t, i) => this.rows.set(t, fresh.subarray(i * dim, (i + 1) * dim)));
    const x = new Float32Array(texts.length * dim);
    texts.forEach((t, i) => x.set(this.rows.get(t)!, i * dim));
    if (this.rows.size > ROW_CACHE_LIMIT) this.rows.clear();
    return tf.tensor2d(x, [texts.length, dim]); // [N, features]
  }

  /**
   * One classifier whose model outputs the mean of the members' softmax probabilities (an ensemble
   * of differently seeded networks on the same features); it copies their weights and disposes them.
   */
  static average(members: readonly IntentClassifier[]): IntentClassifier {
    const [first] = members;
    if (members.length === 1) return first;
    const input = tf.input({ shape: [first.features.dim] });
    // [N, features] -> each member's [N, intents] -> their mean
    const outputs = members.map((m) =>
      m.model.layers.reduce((x, layer) => {
        const { units, activation } = layer.getConfig() as { units: number; activation: 'relu' | 'softmax' };
        const copy = tf.layers.dense({ units, activation, kernelInitializer: 'zeros' });
        const y = copy.apply(x) as tf.SymbolicTensor;
        copy.setWeights(layer.getWeights());
        return y;
      }, input),
    );
    const model = tf.model({ inputs: input, outputs: tf.layers.average().apply(outputs) as tf.SymbolicTensor });
    members.forEach((m) => m.dispose());
    return new IntentClassifier(first.features, first.labels, {}, model);
  }

  /** Writes the model folder (replacing it). */
  async save(dir: string): Promise<void> {
    await saveModel(this.model, dir);
    const json: SavedFeatures = { ...this.features.toJson(), labels: this.labels, vectors: !!this.features.vectors };
    writeFileAtomic(path.join(dir, FEATURES_JSON), JSON.stringify(json));
    if (this.features.vectors) writeVectors(this.features.vectors, path.join(dir, VECTORS_BIN), 'word2vec-binary');
  }

  /** Reads a folder written by save; errors name the missing or corrupt file. */
  static async load(dir: string): Promise<IntentClassifier> {
    const file = path.join(dir, FEATURES_JSON);
    if (!fs.existsSync(file)) throw new Error(`${file}: not found (expected an intent model folder)`);
    let json: SavedFeatures;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(json.terms) || !Array.isArray(json.labels) || !Array.isArray(json.charNgrams))
      throw new Error(`${file}: expected "terms", "labels" and "charNgrams" lists`);
    const vectorsFile = path.join(dir, VECTORS_BIN);
    if (json.vectors && !fs.existsSync(vectorsFile)) throw new Error(`${vectorsFile}: not found (named by ${file})`);
    const vectors = json.vectors ? readVectors(vectorsFile, 'word2vec-binary') : undefined;
    const features = IntentFeaturizer.fromJson(json, vectors);
    const model = await loadModel(dir);
    const [inputDim] = (model.inputs[0].shape as number[]).slice(1);
    const outDim = (model.outputs[0].shape as number[])[1];
    if (inputDim !== features.dim || outDim !== json.labels.length) {
      model.dispose();
      throw new Error(
        `${file}: ${features.dim} features and ${json.labels.length} intents, but the model in ${dir} takes ${inputDim} and gives ${outDim}`,
      );
    }
    return new IntentClassifier(features, json.labels, {}, model);
  }
}
