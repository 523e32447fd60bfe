// Slow (~1-2 min on a busy machine): real data, a 10 % stratified sample of SpamAssassin (605 messages):
// skip-gram vectors on the training part, then the average and LSTM classifiers, each twice for reproducibility.
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { AverageClassifier } from './average-classifier';
import { ownVectors } from './classify-text';
import { splitStratified, type LabeledText } from './labeled-text';
import { LstmClassifier } from './lstm-classifier';
import { MultinomialNaiveBayes } from './naive-bayes';
import { loadSpamAssassin, SPAM_LABELS } from './spam-assassin';
import type { TextClassifier } from './text-classifier';
import type { WordVectors } from '../embeddings/word-vectors';

let train: LabeledText[];
let test: LabeledText[];
let vectors: WordVectors;

beforeAll(async () => {
  await initBackend();
  ({ train, test } = splitStratified(await loadSpamAssassin({ fraction: 0.1, seed: 2 }), { seed: 1 }));
  vectors = await ownVectors(train, { dim: 32, minCount: 2, epochs: 2 }, 1);
}, 120_000);

async function trainTwice(
  build: () => TextClassifier,
  epochs: number,
  learningRate: number,
): Promise<[number, number[][], number[][]]> {
  const runs: TextClassifier[] = [build(), build()];
  for (const clf of runs) await clf.fit(train, { epochs, learningRate, seed: 4 });
  const [a, b] = runs.map((clf) => clf.probabilities(test.slice(0, 20).map((r) => r.text)));
  const accuracy = runs[0].evaluate(test).accuracy;
  await expectNoLeak(() => runs[0].probabilities(['Free money!!!', 'see you at the meeting']), 2);
  runs.forEach((clf) => clf.dispose());
  return [accuracy, a, b];
}

describe('spam classification on real data', () => {
  it('naive Bayes and the fine-tuned average model separate ham from spam', async () => {
    expect(new MultinomialNaiveBayes(SPAM_LABELS).fit(train).evaluate(test).accuracy).toBeGreaterThan(0.9);
    const build = () => new AverageClassifier(vectors, SPAM_LABELS, { trainEmbedding: true, seed: 3 });
    const [accuracy, a, b] = await trainTwice(build, 5, 0.01);
    expect(accuracy).toBeGreaterThan(0.9);
    expect(a).toEqual(b); // same seeds, same numbers
  }, 240_000);

  it('the LSTM on the first 40 words learns too, reproducibly', async () => {
    const build = () => new LstmClassifier(vectors, SPAM_LABELS, { units: 16, maxLength: 40, trainEmbedding: true });
    const [accuracy, a, b] = await trainTwice(build, 5, 0.02);
    // 0.79 measured; always answering ham scores 0.69 (83 of 121 test messages)
    expect(accuracy).toBeGreaterThan(0.75);
    expect(a).toEqual(b);
  }, 240_000);
});
