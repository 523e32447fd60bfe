/**
 * CTC loss for tfjs training (tfjs has none): a `tf.customGrad` whose forward runs the log-space
 * forward-backward recursions of `ctc-forward-backward.ts` in float64 on the logits' values
 * (`dataSync`), and whose gradient is the tensor softmax − posterior occupancy computed in the same
 * pass. The recursions are T sequential steps of a few values each, which as tfjs ops would be
 * hundreds of tiny kernel launches per batch; plain loops are far faster here.
 *
 * Conventions follow PyTorch's `F.ctc_loss` (checked against it by fixtures), except that logits
 * are batch-first [B, T, V] raw scores (log-softmax is applied inside, so log-probabilities work too).
 *
 * @example
 * const logits = tf.randomNormal([2, 6, 5]) as tf.Tensor3D;      // [B, T, V]
 * const loss = ctcLoss([[1, 2, 2], [3, 0, 0]], logits, [3, 1], [6, 4]); // scalar, blank 0
 * const grad = tf.grad((x: tf.Tensor3D) => ctcLoss([[1, 2, 2], [3, 0, 0]], x, [3, 1], [6, 4]))(logits);
 */
import * as tf from '@tensorflow/tfjs';
import { ctcForwardBackward } from './ctc-forward-backward';

/** How per-sequence losses become the result: PyTorch's reductions. */
export type CtcReduction = 'mean' | 'sum' | 'none';

export interface CtcLossOptions {
  /** Id of the blank token. */
  blank?: number;
  /** 'mean': each loss divided by its label length (at least 1), then averaged over the batch (PyTorch's default); 'sum'; 'none': [B]. */
  reduction?: CtcReduction;
  /** Impossible alignments (labels need more frames than given) count 0 with a 0 gradient instead of Infinity (PyTorch's zero_infinity). */
  zeroInfinity?: boolean;
}

export const CTC_LOSS_DEFAULTS = {
  blank: 0,
  reduction: 'mean',
  zeroInfinity: false,
} satisfies Required<CtcLossOptions>;

type IntMatrix = tf.Tensor2D | readonly (readonly number[])[];
type IntVector = tf.Tensor1D | readonly number[];

const rows = (x: IntMatrix): number[][] =>
  x instanceof tf.Tensor ? (x.arraySync() as number[][]) : x.map((r) => [...r]);
const values = (x: IntVector): number[] => (x instanceof tf.Tensor ? Array.from(x.dataSync()) : [...x]);

interface CtcBatch {
  labels: number[][];
  logitLengths: number[];
}

/** Validates shapes, lengths and label ids, with messages naming the sequence. */
function ctcBatch(
  labels: IntMatrix,
  logitsShape: number[],
  labelLengths: IntVector,
  logitLengths: IntVector,
  blank: number,
): CtcBatch {
  if (logitsShape.length !== 3) throw new Error(`ctcLoss: logits must be [B, T, V], got shape [${logitsShape}]`);
  const [B, T, V] = logitsShape;
  if (!Number.isInteger(blank) || blank < 0 || blank >= V)
    throw new Error(`ctcLoss: blank ${blank} is not a token id in 0..${V - 1}`);
  const labelRows = rows(labels);
  const labelLen = values(labelLengths);
  const logitLen = values(logitLengths);
  for (const [name, n] of [
    ['labels', labelRows.length],
    ['labelLengths', labelLen.length],
    ['logitLengths', logitLen.length],
  ] as const)
    if (n !== B) throw new Error(`ctcLoss: ${name} has ${n} rows, logits have a batch of ${B}`);
  const out = labelRows.map((row, b) => {
    const L = labelLen[b];
    if (!Number.isInteger(L) || L < 0 || L > row.length)
      throw new Error(`ctcLoss: labelLengths[${b}] = ${L}, expected an integer in 0..${row.length}`);
    if (!Number.isInteger(logitLen[b]) || logitLen[b] < 0 || logitLen[b] > T)
      throw new Error(`ctcLoss: logitLengths[${b}] = ${logitLen[b]}, expected an integer in 0..${T}`);
    const seq = row.slice(0, L);
    seq.forEach((id, i) => {
      if (!Number.isInteger(id) || id < 0 || id >= V || id === blank)
        throw new Error(
          `ctcLoss: labels[${b}][${i}] = ${id}, expected a token id in 0..${V - 1} other than the blank ${blank}`,
        );
    });
    return seq;
  });
  return { labels: out, logitLengths: logitLen };
}

/**
 * CTC loss of a batch: scalar for 'mean'/'sum', [B] for 'none'. Differentiable with respect to
 * `logits` (tf.grad, optimizer.minimize); labels and lengths are constants.
 *
 * @param labels [B, Lmax] int label ids (padded; the padding is never read)
 * @param logits [B, T, V] raw scores
 * @param labelLengths [B] labels used per row
 * @param logitLengths [B] frames used per row (frames past it get a 0 gradient)
 */
export function ctcLoss(
  labels: IntMatrix,
  logits: tf.Tensor3D,
  labelLengths: IntVector,
  logitLengths: IntVector,
  options: CtcLossOptions = {},
): tf.Scalar | tf.Tensor1D {
  const { blank, reduction, zeroInfinity } = { ...CTC_LOSS_DEFAULTS, ...options };
  const batch = ctcBatch(labels, logits.shape, labelLengths, logitLengths, blank);
  const [B, T, V] = logits.shape;
  // outside tf.grad / minimize (evaluation) the backward half is skipped: half the work
  const withGrad = tf.engine().isTapeOn();
  // tfjs types the arguments as (Tensor | GradSaveFunc)[]: here (logits, save)
  const fn = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    const data = x.dataSync();
    const losses = new Float64Array(B);
    const grad = new Float32Array(withGrad ? B * T * V : 0); // [B, T, V]; frames past logitLengths[b] stay 0
    batch.labels.forEach((seq, b) => {
      const r = ctcForwardBackward(data, batch.logitLengths[b], V, seq, blank, { offset: b * T * V, withGrad });
      const infinite = r.nll === Infinity && zeroInfinity;
      // d result / d loss_b: PyTorch's mean divides by the label length, then by B
      const scale = reduction === 'mean' ? 1 / (Math.max(seq.length, 1) * B) : 1;
      losses[b] = infinite ? 0 : r.nll * scale;
      if (r.grad && !infinite) r.grad.forEach((g, i) => (grad[b * T * V + i] = g * scale));
    });
    if (withGrad) save([tf.tensor3d(grad, [B, T, V])]);
    const value =
      reduction === 'none' ? tf.tensor1d(Float32Array.from(losses)) : tf.scalar(losses.reduce((s, l) => s + l, 0));
    return {
      value,
      // dy: scalar, or [B] for 'none'
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.mul(saved[0], reduction === 'none' ? tf.reshape(dy, [B, 1, 1]) : dy),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return fn(logits) as tf.Scalar | tf.Tensor1D;
}
