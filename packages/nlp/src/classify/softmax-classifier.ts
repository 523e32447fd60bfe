/**
 * The shared life of every softmax text classifier in nlp: labels ↔ class ids, a tfjs model
 * trained with Adam on one-hot targets (seeded shuffle, no `Math.random`), prediction with scores,
 * evaluation (accuracy, confusion matrix) and ONNX export. Subclasses say how a sentence becomes the
 * model's float32 input (`encode`): word vectors (`TextClassifier`), or the chatbot's features
 * (`IntentClassifier`). Batches are encoded one at a time, so a large corpus never sits in memory
 * as one tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng, exportToOnnx, type OnnxTensor } from '@dlkit/core';
import { argMax, confusionEvaluation, type ClassifierEvaluation } from './classification-metrics';
import type { LabeledText } from './labeled-text';

export interface FitTextOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Seeds the per-epoch shuffle. */
  seed?: number;
  /** Called after each epoch with its mean training loss. */
  onEpochEnd?: (epoch: number, loss: number) => void;
}

export const FIT_TEXT_DEFAULTS = { epochs: 50, batchSize: 32, learningRate: 0.01, seed: 1 } satisfies FitTextOptions;

export interface TextPrediction {
  label: string;
  /** Softmax probability of each label. */
  scores: Record<string, number>;
}

/** Rows scored per forward pass in `probabilities`. */
const PREDICT_BATCH = 256;

export abstract class SoftmaxTextClassifier {
  protected abstract readonly model: tf.LayersModel;
  readonly labels: string[];

  constructor(labels: readonly string[]) {
    if (labels.length < 2) throw new Error(`need at least 2 labels, got ${labels.length}`);
    if (new Set(labels).size !== labels.length) throw new Error(`labels must be distinct, got ${labels.join(' ')}`);
    this.labels = [...labels];
  }

  /** The model input for a batch of sentences, float32 (caller disposes). */
  abstract encode(texts: readonly string[]): tf.Tensor;

  /** The tfjs model (for saving and exporting). */
  get layersModel(): tf.LayersModel {
    return this.model;
  }

  /** Trains on the rows (Adam, categorical cross-entropy); returns the mean loss of each epoch. */
  async fit(rows: readonly LabeledText[], options: FitTextOptions = {}): Promise<number[]> {
    const o = { ...FIT_TEXT_DEFAULTS, ...options };
    if (rows.length === 0) throw new Error('nothing to train on: no rows');
    const ids = this.classIds(rows);
    if (!this.model.optimizer) {
      this.model.compile({ optimizer: tf.train.adam(o.learningRate), loss: 'categoricalCrossentropy' });
    }
    const rng = new Rng(o.seed);
    const losses: number[] = [];
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = rows.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      let sum = 0;
      for (let start = 0; start < order.length; start += o.batchSize) {
        const batch = order.slice(start, start + o.batchSize);
        const x = this.encode(batch.map((i) => rows[i].text));
        const y = tf.tidy(() =>
          tf.oneHot(
            tf.tensor1d(
              batch.map((i) => ids[i]),
              'int32',
            ),
            this.labels.length,
          ),
        ); // [B, K]
        try {
          sum += ((await this.model.trainOnBatch(x, y)) as number) * batch.length;
        } finally {
          tf.dispose([x, y]);
        }
      }
      losses.push(sum / rows.length);
      o.onEpochEnd?.(epoch, sum / rows.length);
    }
    return losses;
  }

  /** Softmax probabilities, [texts.length][labels.length]. */
  probabilities(texts: readonly string[]): number[][] {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += PREDICT_BATCH) {
      const probs = tf.tidy(
        () => this.model.predict(this.encode(texts.slice(start, start + PREDICT_BATCH))) as tf.Tensor, // [B, K]
      );
      out.push(...(probs.arraySync() as number[][]));
      probs.dispose();
    }
    return out;
  }

  predict(text: string): TextPrediction {
    const p = this.probabilities([text])[0];
    return { label: this.labels[argMax(p)], scores: Object.fromEntries(this.labels.map((l, i) => [l, p[i]])) };
  }

  evaluate(rows: readonly LabeledText[]): ClassifierEvaluation {
    const predicted = this.probabilities(rows.map((r) => r.text)).map(argMax);
    return confusionEvaluation(this.labels, this.classIds(rows), predicted);
  }

  /** The model as an .onnx file's bytes (core's exporter; input `input`, float32 as `encode` gives it). */
  toOnnx(): Uint8Array {
    return exportToOnnx(this.model, { inputNames: ['input'], outputNames: ['probabilities'] });
  }

  /** `encode(texts)` as an onnxruntime feed. */
  onnxInput(texts: readonly string[]): OnnxTensor {
    const x = this.encode(texts);
    const input = { data: x.dataSync() as Float32Array, shape: x.shape.slice() };
    x.dispose();
    return input;
  }

  /** Frees the model's weights and optimizer state. */
  dispose(): void {
    this.model.optimizer?.dispose();
    this.model.dispose();
  }

  private classIds(rows: readonly LabeledText[]): number[] {
    return rows.map((r, i) => {
      const id = this.labels.indexOf(r.label);
      if (id < 0) throw new Error(`row ${i}: unknown label '${r.label}', expected one of ${this.labels.join(' ')}`);
      return id;
    });
  }
}
