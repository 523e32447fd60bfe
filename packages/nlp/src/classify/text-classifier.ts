/**
 * The shared life of the Emojify classifiers: labels ↔ class ids, a tfjs model trained with Adam on
 * one-hot targets (seeded shuffle, no `Math.random`), prediction with scores, accuracy and a
 * confusion matrix. Subclasses say how a sentence becomes the model's input.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '@dlkit/core';
import type { LabeledText } from './labeled-text';

export interface FitTextOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Seeds the per-epoch shuffle. */
  seed?: number;
}

export const FIT_TEXT_DEFAULTS = { epochs: 50, batchSize: 32, learningRate: 0.01, seed: 1 } satisfies FitTextOptions;

export interface TextPrediction {
  label: string;
  /** Softmax probability of each label. */
  scores: Record<string, number>;
}

export interface ClassifierEvaluation {
  accuracy: number;
  /** confusion[true][predicted], rows and columns in label order. */
  confusion: number[][];
  labels: string[];
}

export abstract class TextClassifier {
  protected abstract readonly model: tf.LayersModel;
  readonly labels: string[];

  constructor(labels: readonly string[]) {
    if (labels.length < 2) throw new Error(`need at least 2 labels, got ${labels.length}`);
    if (new Set(labels).size !== labels.length) throw new Error(`labels must be distinct, got ${labels.join(' ')}`);
    this.labels = [...labels];
  }

  /** The model input for a batch of sentences (caller disposes). */
  protected abstract encode(texts: readonly string[]): tf.Tensor;

  /** Trains on the rows (Adam, categorical cross-entropy); returns the loss after each epoch. */
  async fit(rows: readonly LabeledText[], options: FitTextOptions = {}): Promise<number[]> {
    const o = { ...FIT_TEXT_DEFAULTS, ...options };
    const ids = rows.map((r, i) => {
      const id = this.labels.indexOf(r.label);
      if (id < 0) throw new Error(`row ${i}: unknown label '${r.label}', expected one of ${this.labels.join(' ')}`);
      return id;
    });
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
      const x = this.encode(order.map((i) => rows[i].text));
      const y = tf.tidy(() =>
        tf.oneHot(
          tf.tensor1d(
            order.map((i) => ids[i]),
            'int32',
          ),
          this.labels.length,
        ),
      ); // [N, K]
      try {
        const h = await this.model.fit(x, y, { epochs: 1, batchSize: o.batchSize, shuffle: false, verbose: 0 });
        losses.push(h.history.loss[0] as number);
      } finally {
        tf.dispose([x, y]);
      }
    }
    return losses;
  }

  /** Softmax probabilities, [texts.length][labels.length]. */
  probabilities(texts: readonly string[]): number[][] {
    const probs = tf.tidy(() => this.model.predict(this.encode(texts)) as tf.Tensor); // [N, K]
    const out = probs.arraySync() as number[][];
    probs.dispose();
    return out;
  }

  predict(text: string): TextPrediction {
    const p = this.probabilities([text])[0];
    const best = p.indexOf(Math.max(...p));
    return { label: this.labels[best], scores: Object.fromEntries(this.labels.map((l, i) => [l, p[i]])) };
  }

  evaluate(rows: readonly LabeledText[]): ClassifierEvaluation {
    const k = this.labels.length;
    const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const probs = this.probabilities(rows.map((r) => r.text));
    let correct = 0;
    rows.forEach((r, i) => {
      const t = this.labels.indexOf(r.label);
      const p = probs[i].indexOf(Math.max(...probs[i]));
      if (t < 0) throw new Error(`row ${i}: unknown label '${r.label}'`);
      confusion[t][p]++;
      if (t === p) correct++;
    });
    return { accuracy: correct / rows.length, confusion, labels: [...this.labels] };
  }

  /** Frees the model's weights and optimizer state. */
  dispose(): void {
    this.model.optimizer?.dispose();
    this.model.dispose();
  }
}
