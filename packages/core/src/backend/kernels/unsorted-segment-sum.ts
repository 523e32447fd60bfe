/**
 * UnsortedSegmentSum for the wasm backend (missing in tfjs-backend-wasm 4.22). It is the gradient
 * of gather, so of every Embedding layer.
 *
 *   out[s, ...] = sum over positions p with segmentIds[p] == s of x[p, ...],   s in [0, numSegments)
 *
 * Ids outside [0, numSegments) contribute nothing (TensorFlow's and tfjs-cpu's rule). Done as one
 * ScatterNd, which adds the updates of repeated indices (tf.scatterND's documented behaviour):
 * out-of-range ids are redirected to an extra dump row that is sliced off afterwards.
 * Attributes are read as tfjs-backend-cpu's UnsortedSegmentSum reads them.
 */
import * as tf from '@tensorflow/tfjs';
import { UnsortedSegmentSum, type KernelConfig, type KernelFunc, type UnsortedSegmentSumAttrs } from '@tensorflow/tfjs';
import { sizeOf } from './conv-helpers';
import { requireInputs, runOnTensors } from './tensor-info';

function unsortedSegmentSum({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { x, segmentIds } = requireInputs(inputs, ['x', 'segmentIds'], UnsortedSegmentSum);
  const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
  const idRank = segmentIds.shape.length;
  if (x.shape.slice(0, idRank).join(',') !== segmentIds.shape.join(',')) {
    throw new Error(
      `UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] must be a prefix of x shape [${x.shape}]`,
    );
  }
  const rest = x.shape.slice(idRank); // per-position slice shape
  const n = sizeOf(segmentIds.shape);
  const d = sizeOf(rest);
  return runOnTensors(backend, [x, segmentIds], (xT, idsT) => {
    const ids = tf.reshape(idsT.dtype === 'int32' ? idsT : tf.cast(idsT, 'int32'), [n]); // [N]
    const inRange = tf.logicalAnd(tf.greaterEqual(ids, 0), tf.less(ids, numSegments));
    const safeIds = tf.where(inRange, ids, tf.fill([n], numSegments, 'int32')); // [N], dump row = numSegments
    const summed = tf.scatterND(tf.reshape(safeIds, [n, 1]), tf.reshape(xT, [n, d]), [numSegments + 1, d]);
    return tf.reshape(tf.slice(summed, [0, 0], [numSegments, d]), [numSegments, ...rest]); // [S, ...rest]
  });
}

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum as unknown as KernelFunc,
};
