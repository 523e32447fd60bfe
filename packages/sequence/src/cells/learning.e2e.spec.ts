/**
 * The cells learn: a scratch LSTM trained with core's scratch Adam predicts the next character of
 * real first names, and gradient clipping by norm keeps a long-sequence vanilla RNN from exploding.
 * (The runs are set up in learning-runs.ts, shared with bench/cells-learning.js.)
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, Rng } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { longRecallData, namesLstmRun, sampleName, trainLongRnn } from './learning-runs';

beforeAll(async () => {
  await initBackend();
});

// Slow (~8-15 s): 80 Adam steps of a scratch LSTM over 128 windows of 10 characters.
test('a scratch LSTM + Adam learns to predict the next character of real names (loss per character halves, below the unigram entropy)', async () => {
  const run = namesLstmRun();
  const { vocab, losses, unigramEntropy, lstm, head } = run;
  for (let i = 0; i < 76; i++) run.step();
  await expectNoLeak(run.step, 3); // steps 77-80 leak nothing
  const [first, last] = [losses[0], losses[losses.length - 1]];
  expect(first).toBeCloseTo(Math.log(vocab.size), 1); // small initial logits: uniform prediction
  expect(last).toBeLessThan(0.5 * first);
  expect(last).toBeLessThan(unigramEntropy - 0.3); // it uses the previous characters
  // sampling, one character at a time with cell.step: seeded, leak-free
  const draw = (seed: number): string[] => {
    const rng = new Rng(seed);
    return Array.from({ length: 8 }, () => sampleName(lstm, head, vocab, rng, 0.7));
  };
  const samples = draw(7);
  expect(draw(7)).toEqual(samples);
  expect(samples.filter((n) => n.length > 0).length).toBeGreaterThanOrEqual(6);
  await expectNoLeak(() => draw(8), 2);
  run.dispose();
}, 120_000);

// Slow (~5-10 s): 2 x 40 steps of backpropagation through 60 time steps.
test('clipping by norm keeps a long-sequence (T = 60) vanilla RNN from exploding; without it the loss overflows', () => {
  const { x, y } = longRecallData();
  const before = tf.memory().numTensors;
  const plain = trainLongRnn(x, y, undefined);
  const clipped = trainLongRnn(x, y, 1);
  expect(tf.memory().numTensors).toBe(before); // models, optimizers and every step's tensors freed
  // same start (same seeds), then the unclipped run explodes
  expect(clipped.losses[0]).toBe(plain.losses[0]);
  expect(Math.max(...plain.norms.filter(Number.isFinite))).toBeGreaterThan(1e6);
  expect(plain.losses.some((l) => !(l < 1e6 * plain.losses[0]))).toBe(true);
  // clipped: every loss finite and it learns
  expect(clipped.losses).toHaveLength(40);
  expect(clipped.losses.every(Number.isFinite)).toBe(true);
  expect(clipped.losses[39]).toBeLessThan(0.5 * clipped.losses[0]);
  tf.dispose([x, y]);
}, 120_000);
