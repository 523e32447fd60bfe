/**
 * A tiny encoder-decoder over token ids with every transformer layer of this folder, for the ONNX,
 * save/load and training specs: int32 ids → one shared Embedding → positional encodings (sinusoidal
 * for the source, learned for the target) → encoder layer (source padding mask, int32) → decoder
 * layer (target padding mask float32, causal, cross-attention over the memory) → FFN →
 * cross-attention returning its weights → Dense logits.
 */
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, loadOnnx } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { PositionwiseFeedForward } from '../feed-forward';
import { MultiHeadAttention } from '../multi-head-attention';
import { TRANSFORMER_ONNX_EXPORTERS } from '../onnx-exporters';
import { PositionalEncoding } from '../positional-encoding';
import { TransformerDecoderLayer } from '../transformer-decoder-layer';
import { TransformerEncoderLayer } from '../transformer-encoder-layer';
import type { FeedForwardActivation } from '../feed-forward';

export const TOY = { vocab: 11, dModel: 16, maxLength: 12 } as const;

export interface ToyOptions {
  preNorm?: boolean;
  activation?: FeedForwardActivation;
  dropout?: number;
}

/** Inputs [src_ids [B, S] int32, src_mask [B, S] int32, tgt_ids [B, T] int32, tgt_mask [B, T] float32]; outputs [logits [B, T, V], attention [B, 2, T, S]]. */
export function toyTransformer({ preNorm = false, activation = 'relu', dropout = 0 }: ToyOptions = {}): tf.LayersModel {
  const { vocab, dModel, maxLength } = TOY;
  const src = tf.input({ shape: [null], dtype: 'int32', name: 'src_ids' });
  const srcMask = tf.input({ shape: [null], dtype: 'int32', name: 'src_mask' });
  const tgt = tf.input({ shape: [null], dtype: 'int32', name: 'tgt_ids' });
  const tgtMask = tf.input({ shape: [null], name: 'tgt_mask' });
  const embed = tf.layers.embedding({
    inputDim: vocab,
    outputDim: dModel,
    embeddingsInitializer: tf.initializers.randomNormal({ seed: 1 }),
  });
  const layer = { numHeads: 4, dff: 32, preNorm, activation, dropout };
  const srcX = new PositionalEncoding({ kind: 'sinusoidal', maxLength }).apply(embed.apply(src));
  const memory = new TransformerEncoderLayer({ ...layer, seed: 2 }).apply([srcX, srcMask] as tf.SymbolicTensor[]);
  const tgtX = new PositionalEncoding({ kind: 'learned', maxLength, seed: 3 }).apply(embed.apply(tgt));
  const decoded = new TransformerDecoderLayer({ ...layer, seed: 4 }).apply([
    tgtX,
    memory,
    tgtMask,
    srcMask,
  ] as tf.SymbolicTensor[]);
  const ffn = new PositionwiseFeedForward({ dff: 24, activation: 'gelu', dropout, seed: 5 }).apply(decoded);
  const attention = new MultiHeadAttention({ numHeads: 2, keyDim: 8, returnAttentionWeights: true, dropout, seed: 6 });
  const [context, weights] = attention.apply([ffn, memory, srcMask] as tf.SymbolicTensor[]) as tf.SymbolicTensor[];
  const logits = tf.layers
    .dense({ units: vocab, kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) })
    .apply(context);
  return tf.model({ inputs: [src, srcMask, tgt, tgtMask], outputs: [logits as tf.SymbolicTensor, weights] });
}

/** Seeded toy inputs: ids in [1, vocab), the last `pads[b]` positions of row b padded (id 0, mask 0). */
export function toyInputs(batch: number, srcLength: number, tgtLength: number, seed: number): tf.Tensor[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  const ids = (t: number) => Array.from({ length: batch * t }, () => 1 + (next() % (TOY.vocab - 1)));
  const pads = (t: number) => Array.from({ length: batch }, (_, b) => (b === batch - 1 ? Math.min(2, t - 1) : 0));
  const mask = (t: number) => {
    const p = pads(t);
    return Array.from({ length: batch * t }, (_, i) => (i % t < t - p[Math.floor(i / t)] ? 1 : 0));
  };
  const srcMask = mask(srcLength);
  const tgtMask = mask(tgtLength);
  return [
    tf.tensor2d(
      ids(srcLength).map((id, i) => id * srcMask[i]),
      [batch, srcLength],
      'int32',
    ),
    tf.tensor2d(srcMask, [batch, srcLength], 'int32'),
    tf.tensor2d(
      ids(tgtLength).map((id, i) => id * tgtMask[i]),
      [batch, tgtLength],
      'int32',
    ),
    tf.tensor2d(tgtMask, [batch, tgtLength], 'float32'),
  ];
}

/** [batch, source length, target length]: the two shapes one exported file is run at. */
export const TOY_ONNX_SHAPES: readonly [number, number, number][] = [
  [2, 5, 4],
  [3, 9, 7],
];

export interface ToyOnnxRow {
  shape: [number, number, number];
  output: string;
  /** max |onnxruntime − tfjs| of this output. */
  maxAbsDiff: number;
  /** ONNX output shape equals tfjs's. */
  sameShape: boolean;
}

/** Exports the toy model once (dynamic axes) and compares onnxruntime-node with tfjs at every shape. */
export async function toyOnnxParity(options: ToyOptions): Promise<ToyOnnxRow[]> {
  const model = toyTransformer(options);
  const session = await loadOnnx(
    exportToOnnx(model, { exporters: TRANSFORMER_ONNX_EXPORTERS, outputNames: ['logits', 'attention'] }),
    { intraOpNumThreads: 1 },
  );
  const rows: ToyOnnxRow[] = [];
  try {
    for (const shape of TOY_ONNX_SHAPES) {
      const xs = toyInputs(...shape, 10 * shape[0] + shape[1]);
      const expected = model.predict(xs) as tf.Tensor[];
      const feed = (x: tf.Tensor) => ({
        data: x.dtype === 'int32' ? BigInt64Array.from(x.dataSync(), (v) => BigInt(v)) : (x.dataSync() as Float32Array),
        shape: x.shape,
      });
      const actual = await session.run(Object.fromEntries(session.inputNames.map((name, i) => [name, feed(xs[i])])));
      session.outputNames.forEach((output, i) => {
        const sameShape = actual[output].shape.join(',') === expected[i].shape.join(',');
        rows.push({
          shape,
          output,
          sameShape,
          maxAbsDiff: maxAbsDiff(actual[output].data as Float32Array, expected[i]),
        });
      });
      tf.dispose([...xs, ...expected]);
    }
    return rows;
  } finally {
    await session.dispose();
    model.dispose();
  }
}
