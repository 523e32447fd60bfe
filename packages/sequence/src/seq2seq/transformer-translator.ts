/**
 * A transformer encoder-decoder translator (Vaswani et al. 2017) over a PairCoder of characters or
 * of sub-word pieces (pieces.ts; trainTransformerTranslator's default):
 * source ids → Embedding + PositionalEncoding → N TransformerEncoderLayers (source padding mask);
 * the target shifted right behind a start id (V) → Embedding + PositionalEncoding → N
 * TransformerDecoderLayers (causal self-attention, memory padding mask) → Dense softmax over the
 * target vocabulary.
 *
 * Model inputs: source ids [B, Tx], source mask [B, Tx] (1 = token, 0 = pad), target prefix
 * ids [B, Ty] (start id V first); output: next-token probabilities [B, Ty, V] for every
 * position. Greedy and beam decoding (beam-search.ts) run incrementally with a key/value cache
 * (the encoder once, then one position per step; `cache: false` reruns the model on the prefix,
 * the reference it is tested against). Saved as `translator.json` (format
 * 'dlkit-transformer-translator') + `tfjs/`; loadTranslator (load-translator.ts) dispatches on format.
 *
 * @example
 * const t = new TransformerTranslator(coder, { dModel: 64, layers: 2, numHeads: 4 });
 * t.translate('four hundred twelve').output;
 * t.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import { saveOnnx, stripUndefined } from '@dlkit/core';
import { beamDecode, greedyDecode, type Decoded, type DecoderSession } from './beam-search';
import { evaluateTranslations, loadTranslatorWeights, readTranslatorJson, saveTranslatorDir } from './translator-io';
import { PairCoder, type Pair, type PairCoderJson } from './pairs';
import { TRANSLATE_DEFAULTS, type TranslateOptions, type Translation, type TranslatorEvaluation } from './translator';
import { PositionalEncoding } from '../transformer/positional-encoding';
import { TransformerEncoderLayer } from '../transformer/transformer-encoder-layer';
import { TransformerDecoderLayer } from '../transformer/transformer-decoder-layer';
import { TRANSFORMER_ONNX_EXPORTERS } from '../transformer/onnx-exporters';

export const TRANSFORMER_TRANSLATOR_FORMAT = 'dlkit-transformer-translator';

export interface TransformerTranslatorSizes {
  dModel?: number;
  /** Encoder layers and decoder layers (each). */
  layers?: number;
  numHeads?: number;
  dff?: number;
  dropout?: number;
  seed?: number;
}

export const TRANSFORMER_TRANSLATOR_DEFAULTS = {
  dModel: 64,
  layers: 2,
  numHeads: 4,
  dff: 128,
  dropout: 0,
  seed: 1,
} as const;

export interface TransformerTranslateOptions extends TranslateOptions {
  /** Incremental decoding with a key/value cache (false: rerun the model on the whole prefix every step). */
  cache?: boolean;
}

export interface TransformerTranslatorJson {
  format: typeof TRANSFORMER_TRANSLATOR_FORMAT;
  version: 1;
  coder: PairCoderJson;
  model: Required<TransformerTranslatorSizes>;
  info?: Record<string, unknown>;
}

/** Builds the training model [srcIds [B,Tx], srcMask [B,Tx], prefix [B,Ty]] → probs [B, Ty, V]. */
function buildModel(coder: PairCoder, s: Required<TransformerTranslatorSizes>): tf.LayersModel {
  const { tx, ty } = coder;
  const vx = coder.sourceVocab.size;
  const vy = coder.targetVocab.size;
  const src = tf.input({ shape: [null], name: 'source' }); // [B, Tx]
  const mask = tf.input({ shape: [null], name: 'source_mask' }); // [B, Tx]
  const prefix = tf.input({ shape: [null], name: 'prefix' }); // [B, Ty]
  const init = (k: number) => tf.initializers.randomNormal({ stddev: 0.1, seed: s.seed + k });
  const embed = (x: tf.SymbolicTensor, vocab: number, len: number, k: number, name: string) => {
    const e = tf.layers
      .embedding({ inputDim: vocab, outputDim: s.dModel, embeddingsInitializer: init(k), name: `${name}_embedding` })
      .apply(x) as tf.SymbolicTensor; // [B, T, D]
    return new PositionalEncoding({
      kind: 'learned',
      maxLength: len,
      seed: s.seed + 3 + k,
      name: `${name}_positions`,
    }).apply(e) as tf.SymbolicTensor;
  };
  const layer = { numHeads: s.numHeads, dff: s.dff, dropout: s.dropout };
  let memory = embed(src, vx, tx, 0, 'source'); // [B, Tx, D]
  for (let i = 0; i < s.layers; i++)
    memory = new TransformerEncoderLayer({ ...layer, seed: s.seed + 10 + i, name: `encoder_${i}` }).apply([
      memory,
      mask,
    ]) as tf.SymbolicTensor;
  let h = embed(prefix, vy + 1, ty, 1, 'target'); // [B, Ty, D]; id V is the start
  for (let i = 0; i < s.layers; i++)
    h = new TransformerDecoderLayer({ ...layer, seed: s.seed + 20 + i, name: `decoder_${i}` }).apply([
      h,
      memory,
      mask,
    ]) as tf.SymbolicTensor;
  const probs = tf.layers
    .dense({
      units: vy,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: s.seed + 2 }),
      name: 'probs',
    })
    .apply(h) as tf.SymbolicTensor; // [B, Ty, V]
  return tf.model({ inputs: [src, mask, prefix], outputs: probs });
}

export class TransformerTranslator {
  readonly model: tf.LayersModel;
  readonly sizes: Required<TransformerTranslatorSizes>;
  info: Record<string, unknown>;
  private parts?: {
    encoder: tf.LayersModel;
    decoders: TransformerDecoderLayer[];
    embedding: tf.layers.Layer;
    positions: PositionalEncoding;
    probs: tf.layers.Layer;
  };

  constructor(
    readonly coder: PairCoder,
    sizes: TransformerTranslatorSizes = {},
    info: Record<string, unknown> = {},
  ) {
    this.sizes = { ...TRANSFORMER_TRANSLATOR_DEFAULTS, ...stripUndefined(sizes) };
    this.model = buildModel(coder, this.sizes);
    this.info = info;
  }

  /** The start id of the target prefix (one past the target vocabulary). */
  get startId(): number {
    return this.coder.targetVocab.size;
  }

  /** Source ids [count, Tx] and mask [count, Tx] as float tensors; caller disposes. */
  sourceTensors(sourceIds: Int32Array, count: number): [tf.Tensor2D, tf.Tensor2D] {
    const mask = Float32Array.from(sourceIds, (v) => (v === 0 ? 0 : 1));
    return [
      tf.tensor2d(Float32Array.from(sourceIds), [count, this.coder.tx]),
      tf.tensor2d(mask, [count, this.coder.tx]),
    ];
  }

  /** Target ids [count * Ty] shifted right behind the start id: the decoder input [count * Ty]. */
  shifted(targetIds: Int32Array, count: number): Float32Array {
    const { ty } = this.coder;
    const out = new Float32Array(count * ty);
    for (let i = 0; i < count; i++) {
      out[i * ty] = this.startId;
      for (let t = 1; t < ty; t++) out[i * ty + t] = targetIds[i * ty + t - 1];
    }
    return out;
  }

  /**
   * A step-by-step decoder over `texts` (beam-search.ts). By default incremental: the encoder runs
   * once, each decoder layer keeps its self-attention keys/values and the memory's cross-attention
   * keys/values (a key/value cache), so a step costs one position. `cache: false` reruns the whole
   * model on the prefix at every step (the reference the cache is tested against). Caller disposes.
   */
  decoderSession(
    texts: readonly string[],
    firstIndex = 0,
    total = texts.length,
    { cache = true }: { cache?: boolean } = {},
  ): DecoderSession {
    if (cache) return this.cachedSession(encodeSources(this.coder, texts, firstIndex, total), texts.length);
    return this.uncachedSession(texts, firstIndex, total);
  }

  /** The parts incremental decoding runs: the encoder as a model, the decoder layers, the target embedding, positions, output. */
  private incrementalParts() {
    if (!this.parts) {
      const L = this.sizes.layers;
      const memory = this.model.getLayer(L > 0 ? `encoder_${L - 1}` : 'source_positions').output as tf.SymbolicTensor;
      this.parts = {
        encoder: tf.model({ inputs: this.model.inputs.slice(0, 2), outputs: memory }),
        decoders: Array.from({ length: L }, (_, i) => this.model.getLayer(`decoder_${i}`) as TransformerDecoderLayer),
        embedding: this.model.getLayer('target_embedding'),
        positions: this.model.getLayer('target_positions') as PositionalEncoding,
        probs: this.model.getLayer('probs'),
      };
    }
    return this.parts;
  }

  private cachedSession(sourceIds: Int32Array, count: number): DecoderSession {
    const V = this.coder.targetVocab.size;
    const { ty } = this.coder;
    const { encoder, decoders, embedding, positions, probs } = this.incrementalParts();
    const start = this.startId;
    let rows = count;
    let t = 0;
    // Per decoder layer: the memory's keys/values and bias, and the self-attention keys/values so far.
    const [s, m] = this.sourceTensors(sourceIds, count);
    const memory = encoder.predict([s, m]) as tf.Tensor3D; // [rows, Tx, D]
    let memories = decoders.map((d) => d.memoryCache(memory, m));
    tf.dispose([s, m, memory]);
    let past: ({ keys: tf.Tensor4D; values: tf.Tensor4D } | null)[] = decoders.map(() => null);
    const table = embedding.weights[0].read(); // [V + 1, D] (the variable itself)
    const positionTable = positions.positionTable().read(); // [maxLength, D]
    return {
      get rows() {
        return rows;
      },
      vocab: V,
      step(previous) {
        const ids = Int32Array.from(previous, (p) => (t === 0 ? start : p));
        const position = Math.min(t, ty - 1);
        const next: { keys: tf.Tensor4D; values: tf.Tensor4D }[] = [];
        const out = tf.tidy(() => {
          let x: tf.Tensor = tf.gather(table, tf.tensor1d(ids, 'int32')); // [rows, D]
          x = tf.add(x, tf.slice(positionTable, [position, 0], [1, -1])).expandDims(1); // [rows, 1, D]
          decoders.forEach((d, i) => {
            const r = d.step(x, past[i], memories[i]);
            x = r.output;
            next.push({ keys: tf.keep(r.keys), values: tf.keep(r.values) });
          });
          const p = probs.apply(x) as tf.Tensor; // [rows, 1, V]
          return tf.log(tf.maximum(p.reshape([rows, V]), 1e-30));
        });
        const logProbs = out.dataSync() as Float32Array;
        out.dispose();
        past.forEach((c) => c && tf.dispose([c.keys, c.values]));
        past = next;
        t++;
        return logProbs;
      },
      select(selected) {
        const index = tf.tensor1d(selected, 'int32');
        const pick = <T extends tf.Tensor>(x: T): T => tf.gather(x, index) as T;
        const nextMemories = memories.map((m) => ({
          keys: pick(m.keys),
          values: pick(m.values),
          bias: m.bias && pick(m.bias),
        }));
        const nextPast = past.map((c) => c && { keys: pick(c.keys), values: pick(c.values) });
        index.dispose();
        this.dispose();
        memories = nextMemories;
        past = nextPast;
        rows = selected.length;
      },
      dispose() {
        for (const m of memories) tf.dispose([m.keys, m.values, ...(m.bias ? [m.bias] : [])]);
        for (const c of past) if (c) tf.dispose([c.keys, c.values]);
        past = past.map(() => null);
        memories = [];
      },
    };
  }

  /** Reruns the model on the whole prefix at every step. */
  private uncachedSession(texts: readonly string[], firstIndex: number, total: number): DecoderSession {
    const { tx, ty } = this.coder;
    const V = this.coder.targetVocab.size;
    const src = encodeSources(this.coder, texts, firstIndex, total); // [rows * Tx]
    let rows = texts.length;
    let source = src;
    let prefixes: number[][] = texts.map(() => []);
    const model = this.model;
    const start = this.startId;
    const sourceTensors = (ids: Int32Array, n: number) => this.sourceTensors(ids, n);
    return {
      get rows() {
        return rows;
      },
      vocab: V,
      step(previous) {
        if (previous[0] !== -1 || prefixes[0]?.length) prefixes = prefixes.map((p, r) => [...p, previous[r]]);
        const t = Math.min(prefixes[0]?.length ?? 0, ty - 1); // the position written now
        const prefix = new Float32Array(rows * (t + 1)); // [rows, t + 1]: start id, then the characters so far
        prefixes.forEach((p, r) => {
          prefix[r * (t + 1)] = start;
          p.slice(0, t).forEach((id, k) => (prefix[r * (t + 1) + k + 1] = id));
        });
        const out = tf.tidy(() => {
          const [s, m] = sourceTensors(source, rows);
          const probs = model.predict([s, m, tf.tensor2d(prefix, [rows, t + 1])]) as tf.Tensor3D; // [rows, t + 1, V]
          const at = tf.slice(probs, [0, t, 0], [rows, 1, V]).reshape([rows, V]);
          return tf.log(tf.maximum(at, 1e-30));
        });
        const data = out.dataSync() as Float32Array;
        out.dispose();
        return data;
      },
      select(selected) {
        const next = new Int32Array(selected.length * tx);
        selected.forEach((r, i) => next.set(source.subarray(r * tx, (r + 1) * tx), i * tx));
        source = next;
        prefixes = Array.from(selected, (r) => [...prefixes[r]]);
        rows = selected.length;
      },
      dispose() {},
    };
  }

  /** Translations in batches, greedy (beamWidth 1) or beam search; `attention` is empty (see attentionMaps). */
  translateBatch(texts: readonly string[], options: TransformerTranslateOptions = {}): Translation[] {
    const { batchSize, beamWidth, lengthPenalty, cache } = {
      ...TRANSLATE_DEFAULTS,
      cache: true,
      ...stripUndefined(options),
    };
    const out: Translation[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const chunk = texts.slice(start, start + batchSize);
      const session = this.decoderSession(chunk, start, texts.length, { cache });
      const o = { steps: this.coder.ty, endId: 0, lengthPenalty, beamWidth };
      const decoded: Decoded[] = beamWidth === 1 ? greedyDecode(session, o) : beamDecode(session, o);
      session.dispose();
      chunk.forEach((input, i) =>
        out.push({
          input,
          output: this.coder.decodeTarget(decoded[i].ids),
          attention: [],
          logProb: decoded[i].logProb,
          score: decoded[i].score,
        }),
      );
    }
    return out;
  }

  /**
   * The cross-attention of the last decoder layer while it writes `output` for `input`, one matrix
   * [Ty][Tx] per head (row i: output position i; each row sums to 1 over the source characters).
   */
  attentionHeads(input: string, output: string): number[][][] {
    const { tx, ty } = this.coder;
    const last = this.model.getLayer(`decoder_${this.sizes.layers - 1}`) as TransformerDecoderLayer;
    const [h, memory] = last.input as tf.SymbolicTensor[];
    const inner = tf.model({ inputs: this.model.inputs, outputs: [h, memory] });
    const weights = tf.tidy(() => {
      const [s, m] = this.sourceTensors(encodeSources(this.coder, [input], 0, 1), 1);
      const prefix = tf.tensor2d(this.shifted(Int32Array.from(this.coder.encodeTarget(output)), 1), [1, ty]);
      const [hv, mv] = inner.predict([s, m, prefix]) as tf.Tensor[];
      return last.crossAttentionWeights([hv, mv, m]); // [1, h, Ty, Tx]
    });
    const w = weights.arraySync()[0];
    weights.dispose();
    return w.map((head) => head.map((row) => row.slice(0, tx)));
  }

  translate(text: string, options: Omit<TransformerTranslateOptions, 'batchSize'> = {}): Translation {
    return this.translateBatch([text], options)[0];
  }

  evaluate(pairs: readonly Pair[], options: TransformerTranslateOptions = {}): TranslatorEvaluation {
    return evaluateTranslations(this.coder, pairs, (texts) => this.translateBatch(texts, options));
  }

  toJSON(): TransformerTranslatorJson {
    return {
      format: TRANSFORMER_TRANSLATOR_FORMAT,
      version: 1,
      coder: this.coder.toJSON(),
      model: this.sizes,
      info: this.info,
    };
  }

  async save(dir: string): Promise<void> {
    await saveTranslatorDir(dir, this.model, this.toJSON());
  }

  /** ONNX: inputs source [b, Tx], source_mask [b, Tx], prefix [b, Ty]; output probs [b, Ty, V] (dynamic lengths). */
  exportOnnx(file: string): void {
    saveOnnx(this.model, file, { exporters: TRANSFORMER_ONNX_EXPORTERS, outputNames: ['probs'] });
  }

  static async load(dir: string): Promise<TransformerTranslator> {
    const { json } = readTranslatorJson<TransformerTranslatorJson>(dir, TRANSFORMER_TRANSLATOR_FORMAT);
    const t = new TransformerTranslator(PairCoder.fromJSON(json.coder), json.model, json.info ?? {});
    await loadTranslatorWeights(dir, t.model, () => t.dispose());
    return t;
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Source ids [texts.length * Tx]; messages number inputs from firstIndex + 1 of total. */
export function encodeSources(
  coder: PairCoder,
  texts: readonly string[],
  firstIndex: number,
  total: number,
): Int32Array {
  const ids = new Int32Array(texts.length * coder.tx);
  texts.forEach((t, i) =>
    ids.set(
      coder.encodeSource(
        t,
        total === 1 ? `the input ${JSON.stringify(t)}` : `input ${firstIndex + i + 1} ${JSON.stringify(t)}`,
      ),
      i * coder.tx,
    ),
  );
  return ids;
}
