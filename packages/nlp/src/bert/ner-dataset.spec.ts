import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { NER_IGNORE_LABEL, NerDataset } from './ner-dataset';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
// "ada met lima" → [CLS] ada met li ##ma [SEP]
const tokenizer = tinyWordPiece(['ada', 'met', 'li', '##ma']);
const sentence = { tokens: ['ada', 'met', 'lima'], tags: ['B-PER', 'O', 'B-LOC'] };

beforeAll(() => initBackend());

describe('NerDataset', () => {
  test('labels first sub-words only by default, every sub-word with labelAllSubwords', () => {
    const first = new NerDataset([sentence], tokenizer, LABELS, { maxLength: 16 });
    const all = new NerDataset([sentence], tokenizer, LABELS, { maxLength: 16, labelAllSubwords: true });
    const ignore = NER_IGNORE_LABEL;
    expect(first.encoded[0].labels).toEqual([ignore, 1, 0, 3, ignore, ignore]);
    expect(all.encoded[0].labels).toEqual([ignore, 1, 0, 3, 4, ignore]);
    const { x, y } = all.batch([0]);
    expect(y.shape).toEqual([1, 6]);
    expect(Array.from(y.dataSync())).toEqual([ignore, 1, 0, 3, 4, ignore]);
    tf.dispose([...x, y]);
  });
});
