import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { WordVectors } from '../embeddings/word-vectors';
import { AverageClassifier } from './average-classifier';
import { EMOJIFY_LABELS, type LabeledText } from './labeled-text';
import { LstmClassifier } from './lstm-classifier';

// A tiny set in which word order decides the class: "not" turns 😄 words into 😞.
const HAPPY = ['happy', 'glad', 'cheerful', 'great', 'good'];
const ROWS: LabeledText[] = HAPPY.flatMap((w) => [
  { text: `i am ${w}`, label: '😄' },
  { text: `feeling ${w}`, label: '😄' },
  { text: `i am not ${w}`, label: '😞' },
  { text: `not feeling ${w}`, label: '😞' },
]);

function randomVectors(words: string[], dim: number, seed: number): WordVectors {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.2;
  return new WordVectors(words, Float32Array.from({ length: words.length * dim }, next), dim);
}

const WORDS = ['i', 'am', 'not', 'feeling', ...HAPPY];

beforeAll(async () => {
  await initBackend();
});

describe('Emojify V1 and V2', () => {
  it('V1 averages known words, skips unknown ones; V2 maps them to the unknown id', () => {
    const v = new WordVectors(['a', 'b'], Float32Array.from([1, 0, 0, 2]), 2);
    const v1 = new AverageClassifier(v, EMOJIFY_LABELS);
    expect([...v1.averages(['a b zzz', 'zzz'])]).toEqual([0.5, 1, 0, 0]);
    expect(v1.predict('only unknown words').label).toMatch(/./u);
    v1.dispose();
    const v2 = new LstmClassifier(v, EMOJIFY_LABELS, { maxLength: 4, units: 3 });
    expect([...v2.ids(['b zzz a', 'a a a a a'])]).toEqual([0, 3, 1, 2, 2, 2, 2, 2]);
    v2.dispose();
  });

  it('V2 separates "not feeling happy" from "feeling happy"; V1 cannot (word order)', async () => {
    const vectors = randomVectors(WORDS, 8, 7);
    const v1 = new AverageClassifier(vectors, ['😄', '😞']);
    const v2 = new LstmClassifier(vectors, ['😄', '😞'], { units: 16, trainEmbedding: true, maxLength: 4 });
    await v1.fit(ROWS, { epochs: 150, learningRate: 0.05 });
    await v2.fit(ROWS, { epochs: 60, batchSize: 8, learningRate: 0.02 });
    const e1 = v1.evaluate(ROWS);
    const e2 = v2.evaluate(ROWS);
    expect(e2.accuracy).toBe(1);
    expect(v2.predict('not feeling happy').label).toBe('😞');
    expect(v2.predict('feeling happy').label).toBe('😄');
    // V1 sees only the average: "not feeling happy" is "feeling happy" shifted by a third of the
    // way towards "not", so it cannot match V2 on this set
    expect(e1.accuracy).toBeLessThan(e2.accuracy);
    const [a, b] = [v1.averages(['not feeling happy']), v1.averages(['feeling happy'])];
    expect(a.map((x, j) => x - b[j]).every((d, j) => Math.abs(d - (vectors.vector('not')[j] - b[j]) / 3) < 1e-6)).toBe(
      true,
    );
    v1.dispose();
    v2.dispose();
  }, 20000);

  it('trains and predicts without leaking tensors (frozen and fine-tuned embeddings)', async () => {
    const vectors = randomVectors(WORDS, 4, 3);
    for (const trainEmbedding of [false, true]) {
      await expectNoLeak(async () => {
        const clf = new LstmClassifier(vectors, ['😄', '😞'], { units: 4, trainEmbedding, maxLength: 4 });
        await clf.fit(ROWS, { epochs: 1 });
        clf.evaluate(ROWS);
        clf.dispose();
      }, 1);
    }
    await expectNoLeak(async () => {
      const clf = new AverageClassifier(vectors, ['😄', '😞']);
      await clf.fit(ROWS, { epochs: 1 });
      clf.predict('i am happy');
      clf.dispose();
    }, 1);
  });

  it('frozen embeddings keep the pretrained vectors', async () => {
    const vectors = randomVectors(WORDS, 4, 5);
    const clf = new LstmClassifier(vectors, ['😄', '😞'], { units: 4, maxLength: 4 });
    await clf.fit(ROWS, { epochs: 2 });
    const table = (clf as unknown as { model: tf.LayersModel }).model.layers[0].getWeights()[0];
    const row = table.slice([2, 0], [1, 4]);
    expect([...row.dataSync()]).toEqual([...vectors.vector('i')]);
    tf.dispose([row]);
    clf.dispose();
  });
});
