/**
 * Compares a scratch layer's explicit backward with tfjs autodiff of an independent reference
 * forward (e.g. `tf.conv2d`, `tf.maxPool`, or the layer's formula written in tf ops) on the same
 * weights and input: with a random upstream gradient R, ours is `layer.backward(R)` and
 * `layer.grads`; the reference is `tf.grads` of sum(reference(x, params) * R).
 */
import * as tf from '@tensorflow/tfjs';
import { maxAbsDiff } from '../testing';
import type { ForwardContext, ScratchLayer } from './types';

/** A reference forward in plain tf ops, differentiable by tfjs: (x, params by key) -> output. */
export type ReferenceForward = (x: tf.Tensor, params: Record<string, tf.Tensor>) => tf.Tensor;

export interface AutodiffCheckOptions {
  training?: boolean;
  /** Seed of the random upstream gradient R. */
  seed?: number;
  /** Backend to evaluate the reference on (e.g. 'cpu'); the layer runs on the current one, which is restored. */
  referenceBackend?: string;
}

export interface AutodiffComparison {
  /** 'output', 'input' (dX) or a parameter key ('W', 'gamma', ...). */
  key: string;
  ours: Float32Array;
  reference: Float32Array;
  maxAbsDiff: number;
  /** max |reference|, to judge maxAbsDiff against. */
  scale: number;
}

/**
 * @example
 * const cmp = await autodiffCheck(dense, (x, p) => tf.add(tf.matMul(x, p.W), p.b), x);
 * for (const c of cmp) expectClose(c.ours, c.reference, { atol: 1e-5, label: c.key });
 */
export async function autodiffCheck(
  layer: ScratchLayer,
  reference: ReferenceForward,
  x: tf.Tensor,
  options: AutodiffCheckOptions = {},
): Promise<AutodiffComparison[]> {
  const ctx: ForwardContext = { training: options.training ?? true };
  // ours
  const out = layer.forward(x, ctx);
  const R = tf.randomNormal(out.shape, 0, 1, 'float32', options.seed ?? 0);
  const dX = layer.backward(R);
  const keys = Object.keys(layer.params);
  const ours: Record<string, Float32Array> = {
    output: Float32Array.from(out.dataSync()),
    input: Float32Array.from(dX.dataSync()),
  };
  for (const k of keys) {
    if (!layer.grads[k]) throw new Error(`autodiffCheck: layer '${layer.name}' stored no gradient for '${k}'`);
    ours[k] = Float32Array.from(layer.grads[k].dataSync());
  }
  const inputs = {
    x: { values: Float32Array.from(x.dataSync()), shape: x.shape },
    R: { values: Float32Array.from(R.dataSync()), shape: R.shape },
  };
  const paramValues = keys.map((k) => ({
    values: Float32Array.from(layer.params[k].dataSync()),
    shape: layer.params[k].shape,
  }));
  out.dispose();
  dX.dispose();
  R.dispose();

  // reference, on fresh tensors (possibly on another backend)
  const previous = tf.getBackend();
  if (options.referenceBackend && options.referenceBackend !== previous) await tf.setBackend(options.referenceBackend);
  const ref: Record<string, Float32Array> = {};
  try {
    // [output, dX, dParam...] of the reference
    const tensors = tf.tidy(() => {
      const xr = tf.tensor(inputs.x.values, inputs.x.shape);
      const Rr = tf.tensor(inputs.R.values, inputs.R.shape);
      const ps = paramValues.map((p) => tf.tensor(p.values, p.shape));
      const asRecord = (ts: tf.Tensor[]): Record<string, tf.Tensor> =>
        Object.fromEntries(keys.map((k, i) => [k, ts[i]]));
      const f = (...args: tf.Tensor[]): tf.Scalar => tf.sum(tf.mul(reference(args[0], asRecord(args.slice(1))), Rr));
      return [reference(xr, asRecord(ps)), ...tf.grads(f)([xr, ...ps])];
    });
    ['output', 'input', ...keys].forEach((key, i) => (ref[key] = Float32Array.from(tensors[i].dataSync())));
    tf.dispose(tensors);
  } finally {
    if (tf.getBackend() !== previous) await tf.setBackend(previous);
  }
  return ['output', 'input', ...keys].map((key) => ({
    key,
    ours: ours[key],
    reference: ref[key],
    maxAbsDiff: maxAbsDiff(ours[key], ref[key]),
    scale: ref[key].reduce((s, v) => Math.max(s, Math.abs(v)), 0),
  }));
}
