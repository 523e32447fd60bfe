/**
 * The inner loop of skip-gram with negative sampling (Mikolov et al. 2013), written over
 * Float32Arrays as word2vec.c and fastText write it in C/C++: one thread's share of the
 * sentences, every epoch. Threads share the weight arrays without locks (Hogwild, Recht et al.
 * 2011, as word2vec and fastText do) and one token counter that drives the linear decay of the
 * learning rate.
 *
 * Per sentence: frequent words are discarded with fastText's keep probability
 * sqrt(t / f) + t / f; for each kept centre word a window size b is drawn uniformly from
 * 1..window, and each context word within b positions is predicted from the centre word against
 * `negative` noise words drawn from the unigram^0.75 table.
 */
import { Rng, streamSeed } from '@dlkit/core';

/** Arrays shared by every thread (SharedArrayBuffer-backed when there are several). */
export interface SkipgramArrays {
  /** Input (word) vectors, [vocab * dim]: the embeddings. */
  input: Float32Array;
  /** Output (context) vectors, [vocab * dim]. */
  output: Float32Array;
  /** The encoded corpus: word ids, sentence after sentence. */
  ids: Int32Array;
  /** Sentence offsets into ids, plus ids.length. */
  sentenceStarts: Int32Array;
  /** Probability of keeping each word when subsampling, [vocab]. */
  keep: Float32Array;
  /** Noise words, each repeated in proportion to count^0.75. */
  noise: Int32Array;
  /** [0] = corpus tokens processed so far by all threads (before subsampling). */
  progress: Int32Array;
}

export interface SkipgramLoopParams {
  dim: number;
  window: number;
  negative: number;
  epochs: number;
  lr: number;
  seed: number;
  thread: number;
  threads: number;
}

/** Tokens a thread processes between updates of the shared counter and of its learning rate. */
const REPORT_EVERY = 10000;

/** σ is tabulated on [−8, 8] in 512 steps and saturates outside, as fastText does (MAX_SIGMOID, SIGMOID_TABLE_SIZE). */
const MAX_SIGMOID = 8;
const SIGMOID_TABLE_SIZE = 512;

function sigmoidTable(): Float64Array {
  const t = new Float64Array(SIGMOID_TABLE_SIZE + 1);
  for (let i = 0; i <= SIGMOID_TABLE_SIZE; i++)
    t[i] = 1 / (1 + Math.exp(-((i * 2 * MAX_SIGMOID) / SIGMOID_TABLE_SIZE - MAX_SIGMOID)));
  return t;
}

/** Trains on this thread's share of the sentences; returns the corpus tokens it processed. */
export function runSkipgramThread(arrays: SkipgramArrays, params: SkipgramLoopParams): number {
  const { input, output, ids, sentenceStarts, keep, noise, progress } = arrays;
  const { dim, window, negative, epochs, lr: lr0, thread, threads } = params;
  const rng = new Rng(streamSeed(params.seed, 'skipgram', thread));
  const sentences = sentenceStarts.length - 1;
  const first = Math.floor((sentences * thread) / threads);
  const last = Math.floor((sentences * (thread + 1)) / threads);
  const total = epochs * ids.length;
  const noiseSize = noise.length;
  const grad = new Float64Array(dim);
  const sigmoid = sigmoidTable();
  const sigmoidScale = SIGMOID_TABLE_SIZE / MAX_SIGMOID / 2;
  let longest = 0;
  for (let s = first; s < last; s++) longest = Math.max(longest, sentenceStarts[s + 1] - sentenceStarts[s]);
  const kept = new Int32Array(longest);
  let lr = lr0;
  let pending = 0;
  let processed = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let s = first; s < last; s++) {
      const start = sentenceStarts[s];
      const end = sentenceStarts[s + 1];
      let n = 0;
      for (let i = start; i < end; i++) if (rng.uniform() < keep[ids[i]]) kept[n++] = ids[i];
      pending += end - start;
      if (pending >= REPORT_EVERY) {
        const done = Atomics.add(progress, 0, pending) + pending;
        processed += pending;
        pending = 0;
        lr = lr0 * Math.max(0, 1 - done / total);
      }
      for (let i = 0; i < n; i++) {
        const inOff = kept[i] * dim;
        const b = 1 + Math.floor(rng.uniform() * window);
        const cEnd = Math.min(n - 1, i + b);
        for (let c = Math.max(0, i - b); c <= cEnd; c++) {
          if (c === i) continue;
          const context = kept[c];
          grad.fill(0);
          for (let k = 0; k <= negative; k++) {
            let target = context;
            let label = 1;
            if (k > 0) {
              target = noise[Math.floor(rng.uniform() * noiseSize)];
              if (target === context) continue;
              label = 0;
            }
            const outOff = target * dim;
            // four partial sums: independent chains of additions run in parallel on the CPU
            let d0 = 0;
            let d1 = 0;
            let d2 = 0;
            let d3 = 0;
            let d = 0;
            for (; d + 3 < dim; d += 4) {
              d0 += input[inOff + d] * output[outOff + d];
              d1 += input[inOff + d + 1] * output[outOff + d + 1];
              d2 += input[inOff + d + 2] * output[outOff + d + 2];
              d3 += input[inOff + d + 3] * output[outOff + d + 3];
            }
            for (; d < dim; d++) d0 += input[inOff + d] * output[outOff + d];
            const dot = d0 + d1 + d2 + d3;
            // d(log σ(±dot))/d dot, times the learning rate
            const f =
              dot >= MAX_SIGMOID ? 1 : dot <= -MAX_SIGMOID ? 0 : sigmoid[((dot + MAX_SIGMOID) * sigmoidScale) | 0];
            const g = lr * (label - f);
            for (d = 0; d < dim; d++) {
              grad[d] += g * output[outOff + d];
              output[outOff + d] += g * input[inOff + d];
            }
          }
          for (let d = 0; d < dim; d++) input[inOff + d] += grad[d];
        }
      }
    }
  }
  Atomics.add(progress, 0, pending);
  return processed + pending;
}
