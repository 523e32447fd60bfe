import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { TRANSFORMER_ONNX_EXPORTERS } from '@dlkit/sequence';
import { bertConfig, bertConfigFromJson, bertConfigJson } from './bert-config';
import { buildBertEncoder, freezeWordEmbeddings, withEncoderDropout } from './bert-encoder';
import {
  bertForMaskedLM,
  bertForQuestionAnswering,
  bertForTokenClassification,
  bertMlmTrainingModel,
  MlmHead,
} from './bert-heads';

const config = bertConfig({
  vocabSize: 50,
  hiddenSize: 16,
  numHeads: 2,
  intermediateSize: 32,
  numLayers: 2,
  maxPosition: 12,
});
const ids = (rows: number[][]) => tf.tensor2d(rows, undefined, 'int32');
// two sequences, the second padded: [B 2, T 6]
const batch = () => [
  ids([
    [2, 7, 8, 9, 10, 3],
    [2, 11, 12, 3, 0, 0],
  ]),
  ids([
    [1, 1, 1, 1, 1, 1],
    [1, 1, 1, 1, 0, 0],
  ]),
  ids([
    [0, 0, 0, 1, 1, 1],
    [0, 0, 0, 0, 0, 0],
  ]),
];

beforeAll(() => initBackend());

describe('BERT encoder and heads', () => {
  it('withEncoderDropout: the same weights and inference outputs, dropout only while training', () => {
    const encoder = buildBertEncoder(config);
    expect(withEncoderDropout(encoder, undefined)).toBe(encoder);
    expect(withEncoderDropout(encoder, 0)).toBe(encoder);
    expect(() => withEncoderDropout(encoder, 1)).toThrow(/dropout must be in \[0, 1\)/);
    const dropped = withEncoderDropout(encoder, 0.3);
    expect(dropped.config.dropout).toBe(0.3);
    tf.tidy(() => {
      const x = batch();
      const plain = encoder.model.predict(x) as tf.Tensor;
      const inference = dropped.model.predict(x) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(plain, inference))).dataSync()[0]).toBeLessThan(1e-6);
      // training: other outputs, and another mask at each call (tfjs's seeded Dropout repeats its mask)
      const a = dropped.model.apply(x, { training: true }) as tf.Tensor;
      const b = dropped.model.apply(x, { training: true }) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(plain, a))).dataSync()[0]).toBeGreaterThan(1e-3);
      expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeGreaterThan(1e-3);
      // seeded: a second encoder of the same config draws the same masks in the same order
      const twin = withEncoderDropout(encoder, 0.3);
      const a2 = twin.model.apply(x, { training: true }) as tf.Tensor;
      const b2 = twin.model.apply(x, { training: true }) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(a, a2))).dataSync()[0]).toBe(0);
      expect(tf.max(tf.abs(tf.sub(b, b2))).dataSync()[0]).toBe(0);
    });
  });
  it('freezeWordEmbeddings: a training step (over trainableWeights, as the trainer does) leaves them as they were', () => {
    const model = bertForTokenClassification(buildBertEncoder(config), 3);
    const all = model.trainableWeights.length;
    freezeWordEmbeddings(model);
    expect(model.trainableWeights.length).toBe(all - 1);
    const value = (name: string) => model.getLayer(name).getWeights()[0].arraySync() as number[][];
    const [embeddings, types, classifier] = ['word_embeddings', 'token_type_embeddings', 'token_classifier'].map(value);
    const optimizer = tf.train.sgd(0.5);
    tf.tidy(() => {
      const x = batch();
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      optimizer.minimize(() => tf.sum(tf.square(model.apply(x, { training: true }) as tf.Tensor)), false, variables);
    });
    expect(value('word_embeddings')).toEqual(embeddings);
    expect(value('token_type_embeddings')).not.toEqual(types);
    expect(value('token_classifier')).not.toEqual(classifier);
    optimizer.dispose();
    model.dispose();
  });
  it('gives [B, T, H] hidden states and head outputs that share the encoder', () => {
    const encoder = buildBertEncoder(config);
    const head = new MlmHead(encoder);
    const mlm = bertForMaskedLM(encoder, head);
    const train = bertMlmTrainingModel(encoder, head);
    const ner = bertForTokenClassification(encoder, 5);
    const qa = bertForQuestionAnswering(encoder);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = batch();
      expect((encoder.model.predict(x) as tf.Tensor).shape).toEqual([2, 6, 16]);
      const full = mlm.predict(x) as tf.Tensor; // [2, 6, 50]
      expect(full.shape).toEqual([2, 6, 50]);
      const picked = train.predict([
        ...x,
        ids([
          [1, 4],
          [2, 0],
        ]),
      ]) as tf.Tensor; // [2, 2, 50]
      // the training model's logits at positions (0, 1), (0, 4), (1, 2), (1, 0) are the full model's
      const expected = tf.stack([
        full.slice([0, 1], [1, 1]),
        full.slice([0, 4], [1, 1]),
        full.slice([1, 2], [1, 1]),
        full.slice([1, 0], [1, 1]),
      ]);
      expect(tf.max(tf.abs(tf.sub(picked.reshape([-1]), expected.reshape([-1])))).dataSync()[0]).toBeLessThan(1e-5);
      expect((ner.predict(x) as tf.Tensor).shape).toEqual([2, 6, 5]);
      const [start, end] = qa.predict(x) as tf.Tensor[];
      expect([start.shape, end.shape]).toEqual([
        [2, 6],
        [2, 6],
      ]);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(ner.getLayer('word_embeddings')).toBe(mlm.getLayer('word_embeddings'));
  });

  it('writes and reads the Hugging Face config fields', () => {
    const json = bertConfigJson(config);
    expect(json).toMatchObject({ model_type: 'bert', hidden_size: 16, num_hidden_layers: 2, vocab_size: 50 });
    expect(bertConfigFromJson(json)).toEqual(config);
    expect(() => bertConfig({ vocabSize: 10, hiddenSize: 10, numHeads: 4 })).toThrow(/divisible by numHeads 4/);
    expect(() => bertConfigFromJson({ ...json, model_type: undefined })).toThrow(/model_type "bert"/);
  });

  it('exports every head to ONNX with int64 inputs, equal to tfjs within 1e-4', async () => {
    const encoder = buildBertEncoder(config);
    const x = batch();
    for (const [model, outputNames] of [
      [encoder.model, ['last_hidden_state']],
      [bertForMaskedLM(encoder), ['logits']],
      [bertForTokenClassification(encoder, 3), ['logits']],
      [bertForQuestionAnswering(encoder), ['start_logits', 'end_logits']],
    ] as const) {
      const r = await onnxParity(model, x, { exporters: TRANSFORMER_ONNX_EXPORTERS, outputNames: [...outputNames] });
      expect(r.outputNames).toEqual(outputNames);
      expect(r.maxAbsDiff).toBeLessThan(1e-4);
    }
    tf.dispose(x);
  });
});
