import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { buildSeq2seq } from './model';
import { SEQ2SEQ_ONNX_EXPORTERS } from './onnx-export';

beforeAll(() => initBackend());

describe('seq2seq ONNX export', () => {
  // Slow (~2-5 s): two exports run in onnxruntime-node.
  it('equals tfjs (probabilities and attention), course decoder and decoder fed the previous character', async () => {
    for (const feedPrevious of [false, true]) {
      const { model, attentionModel } = buildSeq2seq({
        tx: 6,
        ty: 4,
        sourceVocab: 5,
        targetVocab: 7,
        nA: 3,
        nS: 5,
        attentionUnits: 2,
        seed: 3,
        feedPrevious,
      });
      // Non-zero biases, so every term of the unrolled graph matters.
      for (const v of model.weights)
        if (v.originalName.endsWith('bias')) v.write(tf.randomUniform(v.shape, -0.5, 0.5, 'float32', 9));
      const x = tf
        .oneHot(
          tf.tensor2d(
            [
              [1, 2, 3, 4, 0, 0],
              [4, 3, 2, 1, 1, 0],
            ],
            [2, 6],
            'int32',
          ),
          5,
        )
        .toFloat();
      const prev = tf
        .oneHot(
          tf.tensor2d(
            [
              [-1, 2, 3, 6],
              [-1, 1, 0, 0],
            ],
            [2, 4],
            'int32',
          ),
          7,
        )
        .toFloat();
      try {
        const r = await onnxParity(attentionModel, feedPrevious ? [x, prev] : x, { exporters: SEQ2SEQ_ONNX_EXPORTERS });
        expect(r.maxAbsDiff).toBeLessThan(1e-5);
      } finally {
        tf.dispose([x, prev]);
        model.dispose();
      }
    }
  }, 60_000);
});
