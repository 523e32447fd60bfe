import * as tf from '@tensorflow/tfjs';
import { fit, initBackend } from '@dlkit/core';
import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { bertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { bertForMaskedLM, bertForTokenClassification, MlmHead } from './bert-heads';
import { wordPieceMasking } from './mlm-masking';
import { NER_IGNORE_LABEL, NerDataset } from './ner-dataset';
import { bertNerMlmTrainingModel, NerWithMlmDataset, nerWithMlmLoss, savedMlmHead } from './ner-mlm-multitask';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const words = ['ada', 'met', 'li', '##ma', 'the', 'cat', 'sat', 'on', 'a', 'mat', 'dog', 'ran', 'far'];
const tokenizer = tinyWordPiece(words); // ids: specials 0-4, then 5, 6, ...
const nerSentences = [
  { tokens: ['ada', 'met', 'lima'], tags: ['B-PER', 'O', 'B-LOC'] },
  { tokens: ['lima', 'met', 'ada'], tags: ['B-LOC', 'O', 'B-PER'] },
  { tokens: ['ada', 'sat'], tags: ['B-PER', 'O'] },
  { tokens: ['the', 'cat', 'met', 'ada'], tags: ['O', 'O', 'O', 'B-PER'] },
];
const textSentences = ['the cat sat on a mat', 'a dog ran far', 'the dog sat', 'a cat ran on the mat', 'far'];
const text = textSentences.map((s) => tokenizer.encode(s, { maxLength: 16 }).ids);
const ner = new NerDataset(nerSentences, tokenizer, LABELS, { maxLength: 16 });
const options = { seed: 3, mlmShare: 0.5, ...wordPieceMasking(tokenizer) };

beforeAll(() => initBackend());

const rows = (t: tf.Tensor) => t.arraySync() as number[][];

describe('NerWithMlmDataset', () => {
  test('NER rows, then masked text rows; each part labelled only on its own rows', () => {
    const data = new NerWithMlmDataset(ner, text, options);
    expect(data.size).toBe(4);
    const { x, y } = data.batch([0, 1, 2, 3]);
    const [ids, mask, types, positions] = (x as tf.Tensor[]).map(rows);
    const labels = rows(y);
    const t = ids[0].length;
    const m = positions[0].length;
    expect(ids).toHaveLength(6); // 4 NER rows + round(4 × 0.5) text rows
    expect(labels[0]).toHaveLength(t + m);
    // NER rows: the NER data set's own encoding and labels, nothing to predict in the MLM part
    const own = ner.batch([0, 1, 2, 3]);
    const ownIds = rows((own.x as tf.Tensor[])[0]);
    const ownLabels = rows(own.y);
    for (let i = 0; i < 4; i++) {
      expect(ids[i].slice(0, ownIds[i].length)).toEqual(ownIds[i]);
      expect(labels[i].slice(0, ownLabels[i].length)).toEqual(ownLabels[i]);
      expect(labels[i].slice(t)).toEqual(new Array(m).fill(-1));
    }
    // text rows: no NER label; every MLM label is the id a sentence of the text had at that position
    for (let i = 4; i < 6; i++) {
      expect(labels[i].slice(0, t)).toEqual(new Array(t).fill(NER_IGNORE_LABEL));
      const length = mask[i].reduce((a, b) => a + b, 0);
      const original = text.find(
        (s) => s.length === length && s.every((id, p) => id === ids[i][p] || positions[i].includes(p)),
      );
      expect(original).toBeDefined();
      const targets = labels[i].slice(t).flatMap((l, k) => (l >= 0 ? [[positions[i][k], l]] : []));
      expect(targets.length).toBeGreaterThan(0);
      for (const [p, l] of targets) expect(l).toBe(original![p]);
      expect(types[i].every((v) => v === 0)).toBe(true);
    }
    tf.dispose([x, y, own.x, own.y].flat());
  });

  test('seeded per (seed, epoch, index): the same batch twice, other text rows in another epoch; bad mlmShare', () => {
    const data = new NerWithMlmDataset(ner, text, options);
    const read = () => {
      const b = data.batch([3, 1, 0, 2]);
      const out = [...(b.x as tf.Tensor[]).map(rows), rows(b.y)];
      tf.dispose([b.x, b.y].flat());
      return out;
    };
    const first = read();
    expect(read()).toEqual(first);
    const epochs = [1, 2, 3].map((e) => (data.setEpoch(e), read()));
    expect(epochs.some((b) => JSON.stringify(b) !== JSON.stringify(first))).toBe(true);
    data.setEpoch(0);
    expect(read()).toEqual(first);
    expect(() => new NerWithMlmDataset(ner, text, { ...options, mlmShare: 0 })).toThrow('mlmShare must be in (0, 1]');
    expect(() => new NerWithMlmDataset(ner, [], options)).toThrow('at least one text sentence');
  });
});

describe('nerWithMlmLoss', () => {
  test('NER loss + weight × MLM loss, each over its labelled positions', () => {
    // Zero logits: every labelled NER position costs log 3 (three labels), every MLM one log 4 (four
    // ids). y = [NER: label 0, ignored | MLM: label 2] → log 3 + w · log 4.
    const nerLogits = tf.zeros([1, 2, 3]);
    const mlmLogits = tf.zeros([1, 1, 4]);
    const y = tf.tensor2d([[0, -1, 2]], undefined, 'int32');
    const loss = (w: number) => nerWithMlmLoss(w)(y, [nerLogits, mlmLogits] as unknown as tf.Tensor).dataSync()[0];
    expect(loss(0)).toBeCloseTo(Math.log(3), 6);
    expect(loss(0.5)).toBeCloseTo(Math.log(3) + 0.5 * Math.log(4), 6);
    expect(() => nerWithMlmLoss(-1)).toThrow('mlmWeight must be >= 0');
    tf.dispose([nerLogits, mlmLogits, y]);
  });
});

describe('bertNerMlmTrainingModel', () => {
  test('trains the NER head, the encoder and the pretrained MLM head together, without leaking tensors', async () => {
    const config = bertConfig({
      vocabSize: tokenizer.vocabSize,
      hiddenSize: 16,
      numHeads: 2,
      intermediateSize: 32,
      numLayers: 1,
      maxPosition: 16,
      seed: 2,
    });
    const encoder = buildBertEncoder(config);
    const head = new MlmHead(encoder);
    const mlm = bertForMaskedLM(encoder, head);
    const nerModel = bertForTokenClassification(encoder, LABELS.length);
    const train = bertNerMlmTrainingModel(nerModel, encoder, savedMlmHead(mlm));
    expect(train.getLayer('mlm_decoder')).toBe(mlm.getLayer('mlm_decoder')); // the saved head itself
    expect(train.getLayer('token_classifier')).toBe(nerModel.getLayer('token_classifier'));
    const data = new NerWithMlmDataset(ner, text, options);
    const before = (name: string) => train.getLayer(name).getWeights()[0].arraySync();
    const classifier = before('token_classifier');
    const decoder = before('mlm_decoder');
    const run = (epochs: number) =>
      fit(train, data, {
        epochs,
        batchSize: 2,
        learningRate: 0.01,
        loss: { fn: nerWithMlmLoss(0.5), kind: 'regression' },
        progress: false,
      });
    const first = await run(1);
    const tensors = tf.memory().numTensors;
    const more = await run(3);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(more.last()!.loss).toBeLessThan(first.epochs[0].loss);
    expect(before('token_classifier')).not.toEqual(classifier);
    expect(before('mlm_decoder')).not.toEqual(decoder);
    train.dispose();
  });
});
