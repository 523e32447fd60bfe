/**
 * Per-frame log-probabilities [T, V] as the decoders read them: a tfjs tensor or rows of numbers
 * (e.g. an ONNX output sliced per frame). Decoders expect log-softmax outputs; raw logits give the
 * same greedy result but wrong beam scores.
 */
import * as tf from '@tensorflow/tfjs';

/** [T, V] log-probabilities: a tensor or one row per frame. */
export type LogProbMatrix = tf.Tensor2D | readonly ArrayLike<number>[];

/** The rows of a `LogProbMatrix` (reads a tensor's values; the tensor is not disposed). */
export function logProbRows(logProbs: LogProbMatrix): readonly ArrayLike<number>[] {
  if (!(logProbs instanceof tf.Tensor)) return logProbs;
  if (logProbs.rank !== 2)
    throw new Error(`CTC decoding expects log-probabilities [T, V], got shape [${logProbs.shape}]`);
  return logProbs.arraySync();
}

/** One decoded token and the frames it was emitted on: [start, end), end exclusive. */
export interface CtcTokenSpan {
  id: number;
  start: number;
  end: number;
}
