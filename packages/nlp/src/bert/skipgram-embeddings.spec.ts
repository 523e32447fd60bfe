import * as tf from '@tensorflow/tfjs';
import { initBackend, Rng } from '@dlkit/core';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { bertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { bertMlmTrainingModel, MlmHead } from './bert-heads';
import { initMlmFromSkipgram, skipgramEmbeddingTable } from './skipgram-embeddings';

// Two topics whose words never share a sentence: skip-gram must put each topic's words together.
const FRUIT = ['apple', 'pear', 'plum', 'cherry'];
const TOOLS = ['hammer', 'wrench', 'chisel', 'drill'];
function corpus(): string[] {
  const rng = new Rng(3);
  const pick = (words: string[]) => words[rng.int(words.length)];
  return Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0
      ? `she ate a ripe ${pick(FRUIT)} and a sweet ${pick(FRUIT)}`
      : `he fixed the bench with a heavy ${pick(TOOLS)} and a steel ${pick(TOOLS)}`,
  );
}

function cosine(table: Float32Array, dim: number, a: number, b: number): number {
  let ab = 0, aa = 0, bb = 0; // prettier-ignore
  for (let j = 0; j < dim; j++) {
    const x = table[a * dim + j], y = table[b * dim + j]; // prettier-ignore
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

beforeAll(() => initBackend());

describe('skipgramEmbeddingTable', () => {
  it('puts tokens of one context together, scales to the std asked, and keeps random rows for unseen tokens', async () => {
    const sentences = corpus();
    const tokenizer = trainWordPiece(sentences, { vocabSize: 120 });
    const dim = 16;
    const { table, covered } = await skipgramEmbeddingTable(tokenizer, sentences, {
      dim,
      seed: 1,
      sample: 1,
      std: 0.05,
    });
    expect(table).toHaveLength(tokenizer.vocabSize * dim);
    const id = (t: string) => tokenizer.tokenToId(t) as number;
    for (const word of [...FRUIT, ...TOOLS])
      expect(tokenizer.encode(word, { addSpecialTokens: false }).tokens).toEqual([word]);
    const within = cosine(table, dim, id('apple'), id('pear')) + cosine(table, dim, id('hammer'), id('chisel'));
    const across = cosine(table, dim, id('apple'), id('hammer')) + cosine(table, dim, id('pear'), id('chisel'));
    expect(within / 2).toBeGreaterThan(across / 2 + 0.5); // measured: 0.997 vs 0.101
    // The special tokens never occur in the sentences: random rows, not zeros.
    const pad = table.subarray(id('[PAD]') * dim, (id('[PAD]') + 1) * dim);
    expect(Math.max(...pad.map(Math.abs))).toBeGreaterThan(0);
    expect(covered).toBeLessThan(tokenizer.vocabSize);
    let sum = 0;
    for (const v of table) sum += v * v;
    expect(Math.sqrt(sum / table.length)).toBeCloseTo(0.05, 2);
    // One thread by default: the same seed gives the same table.
    const again = await skipgramEmbeddingTable(tokenizer, sentences, { dim, seed: 1, sample: 1, std: 0.05 });
    expect(Array.from(again.table)).toEqual(Array.from(table));
  });
});

describe('initMlmFromSkipgram', () => {
  it('sets the word embeddings to the table, the decoder kernel to its transpose and the bias to log unigram frequencies', async () => {
    const sentences = corpus().slice(0, 400);
    const tokenizer = trainWordPiece(sentences, { vocabSize: 120 });
    const config = bertConfig({
      vocabSize: tokenizer.vocabSize,
      hiddenSize: 8,
      numHeads: 2,
      intermediateSize: 16,
      numLayers: 1,
    });
    const encoder = buildBertEncoder(config);
    const head = new MlmHead(encoder);
    const model = bertMlmTrainingModel(encoder, head);
    const sequences = [
      [5, 5, 6],
      [5, 7],
    ]; // token 5 three times, 6 and 7 once; add-one over the vocabulary
    const wordEmbeddings = model.getLayer('word_embeddings');
    const before = tf.memory().numTensors;
    await initMlmFromSkipgram(
      { wordEmbeddings, decoder: head.decoder },
      tokenizer,
      { sentences, sequences },
      { dim: 8, seed: 1, sample: 1 },
    );
    expect(tf.memory().numTensors).toBe(before);
    const { table } = await skipgramEmbeddingTable(tokenizer, sentences, { dim: 8, seed: 1, sample: 1 });
    const [embeddings] = wordEmbeddings.getWeights();
    const [kernel, bias] = head.decoder.getWeights();
    expect(Array.from(embeddings.dataSync())).toEqual(Array.from(table));
    const transposed = tf.tidy(() => kernel.transpose().dataSync());
    expect(Array.from(transposed)).toEqual(Array.from(table));
    const total = tokenizer.vocabSize + 5;
    const b = bias.dataSync();
    expect(b[5]).toBeCloseTo(Math.log(4 / total), 5);
    expect(b[6]).toBeCloseTo(Math.log(2 / total), 5);
    expect(b[0]).toBeCloseTo(Math.log(1 / total), 5);
    model.dispose();
    head.dispose();
  });
});
