/**
 * A trained character-level translator: the seq2seq attention model (model.ts) plus the
 * vocabularies and lengths it was trained with (pairs.ts). Translates strings greedily or with
 * beam search (beam-search.ts, through `decoderSession`: the encoder once, then one decoder step at
 * a time), returns the attention weights, evaluates exact match and character error rate, saves and
 * loads itself as one directory, and exports to ONNX (onnx-export.ts).
 *
 * Directory layout: `translator.json` (lengths, vocabularies, model sizes, training summary) and
 * `tfjs/` (model.json + weights.bin, core's saveModel format). Loading rebuilds the architecture
 * from translator.json and sets the saved weights, so the attention outputs are available too.
 *
 * @example
 * const t = await Seq2seqTranslator.load('dlkit-out/translate-date/model');
 * t.translate('Saturday May 9 2018'); // { output: '2018-05-09', attention: [[...Tx], ...Ty] }
 * t.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import { saveOnnx, stripUndefined } from '@dlkit/core';
import { beamDecode, DECODE_DEFAULTS, greedyDecode, type Decoded, type DecoderSession } from './beam-search';
import { buildSeq2seq, type Seq2seqConfig, type Seq2seqModels } from './model';
import { SEQ2SEQ_ONNX_EXPORTERS } from './onnx-export';
import {
  evaluateTranslations,
  loadTranslatorWeights,
  readTranslatorJson,
  saveTranslatorDir,
  type TranslatorEvaluation,
} from './translator-io';
import { PairCoder, type Pair, type PairCoderJson } from './pairs';

export { TRANSLATOR_JSON, type TranslatorEvaluation } from './translator-io';

/** Model sizes (the rest of Seq2seqConfig comes from the data). */
export type Seq2seqSizes = Pick<Seq2seqConfig, 'nA' | 'nS' | 'attentionUnits' | 'seed' | 'feedPrevious'>;

export interface TranslatorJson {
  format: 'dlkit-seq2seq';
  version: 1;
  coder: PairCoderJson;
  /** feedPrevious is absent in translators saved before it existed (false). */
  model: Omit<Required<Seq2seqSizes>, 'feedPrevious'> & { feedPrevious?: boolean };
  /** Free-form facts about training (task, data, metrics), saved for the record. */
  info?: Record<string, unknown>;
}

export interface Translation {
  input: string;
  output: string;
  /** Log-probability of the output (its end marker included) under the model. */
  logProb: number;
  /** logProb / length^α, the score decoding ranks by (beam-search.ts). */
  score: number;
  /** Attention weights [Ty][Tx]: row i is output position i, column j input position j (positions past the input are padding); each row sums to 1. */
  attention: number[][];
}

export interface TranslateOptions {
  /** Inputs decoded together. */
  batchSize?: number;
  /** 1: greedy; more: beam search with this many beams. */
  beamWidth?: number;
  /** α of the length normalisation log P / |y|^α. */
  lengthPenalty?: number;
}

export const TRANSLATE_DEFAULTS = {
  batchSize: 256,
  beamWidth: 1,
  lengthPenalty: DECODE_DEFAULTS.lengthPenalty,
} as const;

export class Seq2seqTranslator {
  readonly models: Seq2seqModels;
  info: Record<string, unknown>;

  constructor(
    readonly coder: PairCoder,
    sizes: Seq2seqSizes = {},
    info: Record<string, unknown> = {},
  ) {
    this.models = buildSeq2seq({
      tx: coder.tx,
      ty: coder.ty,
      sourceVocab: coder.sourceVocab.size,
      targetVocab: coder.targetVocab.size,
      ...sizes,
    });
    this.info = info;
  }

  /** The training model: X [b, Tx, Vx] -> ŷ [b, Ty, Vy]. */
  get model(): tf.LayersModel {
    return this.models.model;
  }

  /** One-hot model input X [count, Tx, Vx] for `count` rows of source ids [count * Tx]; caller disposes. */
  inputs(sourceIds: Int32Array, count: number): tf.Tensor3D {
    const { tx, sourceVocab } = this.coder;
    return tf.tidy(
      () => tf.oneHot(tf.tensor2d(sourceIds, [count, tx], 'int32'), sourceVocab.size).toFloat() as tf.Tensor3D,
    );
  }

  /**
   * A step-by-step decoder over `texts` (see beam-search.ts): the encoder runs once, each step runs
   * one attention + decoder LSTM step. Unknown characters throw, naming the character. Caller disposes.
   */
  decoderSession(texts: readonly string[], firstIndex = 0, total = texts.length): DecoderSession {
    const xs = this.inputs(this.encodeSources(texts, firstIndex, total), texts.length);
    const { layer, config } = this.models;
    const V = this.coder.targetVocab.size;
    let tensors = tf.tidy(() => {
      const e = layer.encode(xs);
      return { ...e, ...layer.initialState(texts.length) };
    });
    xs.dispose();
    let rows = texts.length;
    return {
      get rows() {
        return rows;
      },
      vocab: V,
      step(previous) {
        const next = tf.tidy(() => {
          const prev = config.feedPrevious
            ? (tf.oneHot(tf.tensor1d(previous, 'int32'), V).toFloat() as tf.Tensor2D) // −1 → a zero row (no previous character)
            : undefined;
          const r = layer.decodeStep(tensors, tensors, prev);
          return { ...r.state, logProbs: tf.log(tf.maximum(r.probs, 1e-30)) };
        });
        const { logProbs, ...state } = next;
        const out = logProbs.dataSync() as Float32Array;
        tf.dispose([tensors.s, tensors.c, logProbs]);
        tensors = { ...tensors, ...state };
        return out;
      },
      select(selected) {
        const old = tensors;
        tensors = tf.tidy(() => {
          const idx = tf.tensor1d(selected, 'int32');
          return {
            a: tf.gather(old.a, idx),
            aPart: tf.gather(old.aPart, idx),
            s: tf.gather(old.s, idx),
            c: tf.gather(old.c, idx),
          };
        });
        tf.dispose(Object.values(old));
        rows = selected.length;
      },
      dispose() {
        tf.dispose(Object.values(tensors));
      },
    };
  }

  /** Source ids [texts.length * Tx]; messages number inputs from firstIndex + 1 of total. */
  private encodeSources(texts: readonly string[], firstIndex: number, total: number): Int32Array {
    const { tx } = this.coder;
    const ids = new Int32Array(texts.length * tx);
    texts.forEach((t, i) =>
      ids.set(
        this.coder.encodeSource(
          t,
          total === 1 ? `the input ${JSON.stringify(t)}` : `input ${firstIndex + i + 1} ${JSON.stringify(t)}`,
        ),
        i * tx,
      ),
    );
    return ids;
  }

  /**
   * Translations with attention weights, in batches: greedy (beamWidth 1, the default) or beam
   * search (beam-search.ts). The attention rows are the model's weights while it writes the chosen
   * output (all Ty steps, padding included). Unknown characters throw, naming the character.
   */
  translateBatch(texts: readonly string[], options: TranslateOptions = {}): Translation[] {
    const { batchSize, beamWidth, lengthPenalty } = { ...TRANSLATE_DEFAULTS, ...stripUndefined(options) };
    const { tx, ty } = this.coder;
    const out: Translation[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const chunk = texts.slice(start, start + batchSize);
      const session = this.decoderSession(chunk, start, texts.length);
      let decoded: Decoded[];
      try {
        const o = { steps: ty, endId: 0, lengthPenalty, beamWidth };
        decoded = beamWidth === 1 ? greedyDecode(session, o) : beamDecode(session, o);
      } finally {
        session.dispose();
      }
      const weights = this.attentionFor(this.encodeSources(chunk, start, texts.length), decoded);
      chunk.forEach((input, i) => {
        const attention = Array.from({ length: ty }, (_, r) =>
          Array.from(weights.subarray((i * ty + r) * tx, (i * ty + r + 1) * tx)),
        );
        const d = decoded[i];
        out.push({ input, output: this.coder.decodeTarget(d.ids), attention, logProb: d.logProb, score: d.score });
      });
    }
    return out;
  }

  /** α [b * Ty * Tx] of the model writing the decoded outputs (fed back as the previous characters). */
  private attentionFor(sourceIds: Int32Array, decoded: readonly Decoded[]): Float32Array {
    const { ty } = this.coder;
    const V = this.coder.targetVocab.size;
    const b = decoded.length;
    return tf.tidy(() => {
      const xs = this.inputs(sourceIds, b);
      let inputs: tf.Tensor | tf.Tensor[] = xs;
      if (this.models.config.feedPrevious) {
        const prev = new Float32Array(b * ty * V); // the chosen output shifted right by one, <pad> after its end
        decoded.forEach((d, i) => {
          for (let t = 1; t < ty; t++) prev[(i * ty + t) * V + (d.ids[t - 1] ?? 0)] = 1;
        });
        inputs = [xs, tf.tensor3d(prev, [b, ty, V])];
      }
      const [, a] = this.models.attentionModel.predict(inputs) as tf.Tensor[]; // [b, Ty, Tx]
      return a.dataSync() as Float32Array;
    });
  }

  translate(text: string, options: Omit<TranslateOptions, 'batchSize'> = {}): Translation {
    return this.translateBatch([text], options)[0];
  }

  /**
   * Exact match (the whole output equals the target), character error rate (Levenshtein distance /
   * target length, metrics/error-rate.ts), per-character accuracy over the Ty positions, and up to
   * 10 mistakes; greedy unless options.beamWidth > 1.
   */
  evaluate(pairs: readonly Pair[], options: TranslateOptions = {}): TranslatorEvaluation {
    return evaluateTranslations(this.coder, pairs, (texts) => this.translateBatch(texts, options));
  }

  toJSON(): TranslatorJson {
    const { nA, nS, attentionUnits, seed, feedPrevious } = this.models.config;
    return {
      format: 'dlkit-seq2seq',
      version: 1,
      coder: this.coder.toJSON(),
      model: { nA, nS, attentionUnits, seed, ...(feedPrevious ? { feedPrevious } : {}) },
      info: this.info,
    };
  }

  /** Writes the translator directory atomically (replacing an existing one). */
  async save(dir: string): Promise<void> {
    await saveTranslatorDir(dir, this.models.model, this.toJSON());
  }

  /**
   * Writes the attention model as ONNX (onnx-export.ts): inputs `X` [b, Tx, Vx] one-hot (and
   * `Yprev` [b, Ty, Vy] with feedPrevious), outputs `probs` [b, Ty, Vy] and `attention` [b, Ty, Tx].
   */
  exportOnnx(file: string): void {
    saveOnnx(this.models.attentionModel, file, {
      exporters: SEQ2SEQ_ONNX_EXPORTERS,
      outputNames: ['probs', 'attention'],
    });
  }

  /** Loads a directory written by `save`. */
  static async load(dir: string): Promise<Seq2seqTranslator> {
    const { json } = readTranslatorJson<TranslatorJson>(dir, 'dlkit-seq2seq');
    const translator = new Seq2seqTranslator(PairCoder.fromJSON(json.coder), json.model, json.info ?? {});
    await loadTranslatorWeights(dir, translator.models.model, () => translator.dispose());
    return translator;
  }

  /** Frees the weights (the attention model's only own layer, the alpha concatenation, holds none). */
  dispose(): void {
    this.models.model.dispose();
  }
}
