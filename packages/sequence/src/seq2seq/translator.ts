/**
 * A trained character-level translator: the seq2seq attention model (model.ts) plus the
 * vocabularies and lengths it was trained with (pairs.ts). Translates strings greedily (argmax
 * per output position, as in the course), returns the attention weights, evaluates exact match,
 * and saves/loads itself as one directory.
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
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { fileSystem, replaceDirAtomic, saveModel, writeFileAtomic } from '@dlkit/core';
import { buildSeq2seq, type Seq2seqConfig, type Seq2seqModels } from './model';
import { PairCoder, type Pair, type PairCoderJson } from './pairs';

export const TRANSLATOR_JSON = 'translator.json';
const TFJS_DIR = 'tfjs';

/** Model sizes (the rest of Seq2seqConfig comes from the data). */
export type Seq2seqSizes = Pick<Seq2seqConfig, 'nA' | 'nS' | 'attentionUnits' | 'seed'>;

export interface TranslatorJson {
  format: 'dlkit-seq2seq';
  version: 1;
  coder: PairCoderJson;
  model: Required<Seq2seqSizes>;
  /** Free-form facts about training (task, data, metrics), saved for the record. */
  info?: Record<string, unknown>;
}

export interface Translation {
  input: string;
  output: string;
  /** Attention weights [Ty][Tx]: row i is output position i, column j input position j (positions past the input are padding); each row sums to 1. */
  attention: number[][];
}

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

  /** Greedy translations with attention weights, in batches. Unknown characters throw, naming the character. */
  translateBatch(texts: readonly string[], { batchSize = 256 }: { batchSize?: number } = {}): Translation[] {
    const { tx, ty } = this.coder;
    const out: Translation[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const chunk = texts.slice(start, start + batchSize);
      const ids = new Int32Array(chunk.length * tx);
      chunk.forEach((t, i) =>
        ids.set(
          this.coder.encodeSource(
            t,
            texts.length === 1 ? `the input ${JSON.stringify(t)}` : `input ${start + i + 1} ${JSON.stringify(t)}`,
          ),
          i * tx,
        ),
      );
      const [best, alpha] = tf.tidy(() => {
        const xs = this.inputs(ids, chunk.length);
        const [yHat, a] = this.models.attentionModel.predict(xs) as tf.Tensor[]; // [b, Ty, Vy], [b, Ty, Tx]
        return [tf.argMax(yHat, -1), a];
      });
      const bestIds = best.dataSync() as Int32Array;
      const weights = alpha.dataSync() as Float32Array;
      tf.dispose([best, alpha]);
      chunk.forEach((input, i) => {
        const attention = Array.from({ length: ty }, (_, r) =>
          Array.from(weights.subarray((i * ty + r) * tx, (i * ty + r + 1) * tx)),
        );
        out.push({ input, output: this.coder.decodeTarget(bestIds.subarray(i * ty, (i + 1) * ty)), attention });
      });
    }
    return out;
  }

  translate(text: string): Translation {
    return this.translateBatch([text])[0];
  }

  /** Exact match (the whole output string equals the target), per-character accuracy over the Ty positions, and up to 10 mistakes. */
  evaluate(
    pairs: readonly Pair[],
    options: { batchSize?: number } = {},
  ): { exactMatch: number; charAccuracy: number; errors: { input: string; output: string; target: string }[] } {
    if (pairs.length === 0) throw new Error('evaluate needs at least one pair');
    const results = this.translateBatch(
      pairs.map((p) => p.source),
      options,
    );
    let exact = 0;
    let chars = 0;
    const errors: { input: string; output: string; target: string }[] = [];
    results.forEach((r, i) => {
      const target = pairs[i].target;
      if (r.output === target) exact++;
      else if (errors.length < 10) errors.push({ input: r.input, output: r.output, target });
      const a = this.coder.encodeTarget(r.output);
      const b = this.coder.encodeTarget(target);
      for (let k = 0; k < this.coder.ty; k++) if (a[k] === b[k]) chars++;
    });
    return { exactMatch: exact / pairs.length, charAccuracy: chars / (pairs.length * this.coder.ty), errors };
  }

  toJSON(): TranslatorJson {
    const { nA, nS, attentionUnits, seed } = this.models.config;
    return {
      format: 'dlkit-seq2seq',
      version: 1,
      coder: this.coder.toJSON(),
      model: { nA, nS, attentionUnits, seed },
      info: this.info,
    };
  }

  /** Writes the translator directory atomically (replacing an existing one). */
  async save(dir: string): Promise<void> {
    await replaceDirAtomic(dir, async (tmp) => {
      await saveModel(this.models.model, path.join(tmp, TFJS_DIR));
      writeFileAtomic(path.join(tmp, TRANSLATOR_JSON), `${JSON.stringify(this.toJSON(), null, 1)}\n`);
    });
  }

  /** Loads a directory written by `save`. */
  static async load(dir: string): Promise<Seq2seqTranslator> {
    const file = path.join(dir, TRANSLATOR_JSON);
    if (!fs.existsSync(file)) throw new Error(`${dir}: no ${TRANSLATOR_JSON} (not a saved seq2seq translator)`);
    let json: TranslatorJson;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8')) as TranslatorJson;
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (json.format !== 'dlkit-seq2seq' || !json.coder || !json.model)
      throw new Error(`${file}: expected a dlkit-seq2seq translator description`);
    const translator = new Seq2seqTranslator(PairCoder.fromJSON(json.coder), json.model, json.info ?? {});
    try {
      const artifacts = await fileSystem(path.join(dir, TFJS_DIR)).load!();
      const specs = artifacts.weightSpecs ?? [];
      const named = tf.io.decodeWeights(artifacts.weightData!, specs);
      try {
        const weights = translator.models.model.weights;
        if (specs.length !== weights.length)
          throw new Error(
            `${dir}: the saved model has ${specs.length} weight tensors, the architecture in ${TRANSLATOR_JSON} has ${weights.length}`,
          );
        // Saved in model.weights order; names carry per-process suffixes, so match by position (shapes are checked by setWeights).
        translator.models.model.setWeights(specs.map((s) => named[s.name]));
      } finally {
        tf.dispose(Object.values(named));
      }
    } catch (err) {
      translator.dispose();
      throw err;
    }
    return translator;
  }

  /** Frees the weights (the attention model's only own layer, the alpha concatenation, holds none). */
  dispose(): void {
    this.models.model.dispose();
  }
}
