/**
 * Trains word vectors by skip-gram with negative sampling (word2vec; Mikolov et al. 2013) on a
 * tokenised corpus, split across worker threads that update shared weights without locks
 * (Hogwild), as word2vec and fastText do. With `threads: 1` training runs on the calling
 * thread and is deterministic for a seed.
 *
 * Throughput is counted as fastText counts it: in-vocabulary corpus tokens processed (before
 * subsampling) per second, summed over threads.
 *
 * @example
 * const sentences = tokenizeCorpus(wordnetCorpusLines());
 * const { vectors, wordsPerSec } = await trainSkipgram(sentences, { epochs: 5, seed: 1 });
 * vectors.nearest('king', { k: 5 });
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Rng } from '@dlkit/core';
import { CorpusVocabulary, buildVocabulary, encodeCorpus } from './corpus-vocabulary';
import { SkipgramArrays, SkipgramLoopParams, runSkipgramThread } from './skipgram-loop';
import { WordVectors } from './word-vectors';

export interface SkipgramOptions {
  /** Vector size (fastText -dim). */
  dim?: number;
  /** Largest context window; each centre word draws its own size from 1..window (fastText -ws). */
  window?: number;
  /** Noise words per context word (fastText -neg). */
  negative?: number;
  /** Words seen fewer times are dropped (fastText -minCount). */
  minCount?: number;
  /** Passes over the corpus (fastText -epoch). */
  epochs?: number;
  /**
   * Starting learning rate, decayed linearly to 0. fastText's skipgram default 0.05, the anchor's
   * (word2vec.c uses 0.025, which on WordNet's glosses with 5 epochs scores lower: bench synonym AUC
   * 0.633 vs 0.707, gender analogies 0.256 vs 0.372).
   */
  lr?: number;
  /** Subsampling threshold t: a word of frequency f is kept with probability sqrt(t/f) + t/f (fastText -t). */
  sample?: number;
  /** Worker threads (fastText -thread); 1 trains on the calling thread, deterministically. */
  threads?: number;
  seed?: number;
  /** Entries of the unigram^0.75 noise table (fastText uses 10 M; the vocabulary is far smaller). */
  noiseTableSize?: number;
  /** Called about twice a second with the fraction of training done (threads > 1 only). */
  onProgress?: (fraction: number) => void;
}

export const SKIPGRAM_DEFAULTS = {
  dim: 100,
  window: 5,
  negative: 5,
  minCount: 5,
  epochs: 5,
  lr: 0.05,
  sample: 1e-4,
  threads: 2,
  seed: 1,
  noiseTableSize: 2_000_000,
} satisfies Required<Omit<SkipgramOptions, 'onProgress'>>;

export interface SkipgramResult {
  vectors: WordVectors;
  vocabulary: CorpusVocabulary;
  /** Corpus tokens processed (in vocabulary, before subsampling), all epochs. */
  trainWords: number;
  seconds: number;
  /** trainWords / seconds, summed over threads (fastText's words/sec/thread × threads). */
  wordsPerSec: number;
}

/** The compiled worker script: beside this file in dist, or in dist when running from source (jest). */
export function skipgramWorkerScript(): string {
  const beside = path.join(__dirname, 'skipgram-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.join(
    __dirname.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`),
    'skipgram-worker.js',
  );
  if (fs.existsSync(built)) return built;
  throw new Error(`multi-threaded skip-gram needs the compiled worker ${beside} (run \`npm run build\`)`);
}

/** fastText's discard rule: keep a word of corpus frequency f with probability sqrt(t/f) + t/f. */
export function keepProbabilities(counts: number[], sample: number): Float32Array {
  const total = counts.reduce((a, b) => a + b, 0);
  return Float32Array.from(counts.map((c) => Math.sqrt(sample / (c / total)) + sample / (c / total)));
}

/** Noise table: word i fills a share count_i^0.75 / Σ count^0.75 of the entries (Mikolov et al. 2013). */
export function noiseTable(counts: number[], size: number): Int32Array {
  const weights = counts.map((c) => Math.pow(c, 0.75));
  const z = weights.reduce((a, b) => a + b, 0);
  const table = new Int32Array(size);
  let pos = 0;
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    const end = i === weights.length - 1 ? size : Math.round((cumulative / z) * size);
    table.fill(i, pos, end);
    pos = Math.max(pos, end);
  }
  return table;
}

function validate(o: Required<Omit<SkipgramOptions, 'onProgress'>>): void {
  for (const key of ['dim', 'window', 'negative', 'minCount', 'epochs', 'threads', 'noiseTableSize'] as const)
    if (!(Number.isInteger(o[key]) && o[key] >= 1)) throw new Error(`${key} must be a positive integer, got ${o[key]}`);
  if (!(o.lr > 0)) throw new Error(`lr must be positive, got ${o.lr}`);
  if (!(o.sample > 0)) throw new Error(`sample must be positive, got ${o.sample}`);
}

function shared<T extends Float32Array | Int32Array>(make: (b: SharedArrayBuffer) => T, bytes: number): T {
  return make(new SharedArrayBuffer(Math.max(4, bytes)));
}

export async function trainSkipgram(sentences: string[][], options: SkipgramOptions = {}): Promise<SkipgramResult> {
  // options left undefined (e.g. CLI flags not given) take the defaults
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SkipgramOptions;
  const o = { ...SKIPGRAM_DEFAULTS, ...given };
  validate(o);
  const vocabulary = buildVocabulary(sentences, { minCount: o.minCount });
  const corpus = encodeCorpus(sentences, vocabulary);
  const V = vocabulary.words.length;
  // the shared progress counter is an Int32
  if (o.epochs * corpus.ids.length > 2 ** 31 - 1)
    throw new Error(`epochs × corpus tokens must stay below 2^31, got ${o.epochs} × ${corpus.ids.length}`);
  const threads = o.threads;
  const multi = threads > 1;
  const f32 = (n: number) => (multi ? shared((b) => new Float32Array(b), 4 * n) : new Float32Array(n));
  const i32 = (src: Int32Array) => {
    const out = multi ? shared((b) => new Int32Array(b), 4 * src.length) : new Int32Array(src.length);
    out.set(src);
    return out;
  };
  // fastText's initialisation: input uniform in ±1/dim, output zero
  const input = f32(V * o.dim);
  const rng = new Rng(o.seed);
  for (let i = 0; i < input.length; i++) input[i] = rng.range(-1 / o.dim, 1 / o.dim);
  const arrays: SkipgramArrays = {
    input,
    output: f32(V * o.dim),
    ids: i32(corpus.ids),
    sentenceStarts: i32(corpus.sentenceStarts),
    keep: keepProbabilities(vocabulary.counts, o.sample),
    noise: i32(noiseTable(vocabulary.counts, o.noiseTableSize)),
    progress: i32(new Int32Array(1)),
  };
  const params = (thread: number): SkipgramLoopParams => ({
    dim: o.dim,
    window: o.window,
    negative: o.negative,
    epochs: o.epochs,
    lr: o.lr,
    seed: o.seed,
    thread,
    threads,
  });
  const started = performance.now();
  let trainWords = 0;
  if (!multi) {
    trainWords = runSkipgramThread(arrays, params(0));
  } else {
    const script = skipgramWorkerScript();
    const total = o.epochs * corpus.ids.length;
    const timer = options.onProgress
      ? setInterval(() => options.onProgress?.(Math.min(1, Atomics.load(arrays.progress, 0) / total)), 500)
      : undefined;
    const workers: Worker[] = [];
    try {
      const counts = await Promise.all(
        Array.from(
          { length: threads },
          (_, t) =>
            new Promise<number>((resolve, reject) => {
              const worker = new Worker(script, { workerData: { arrays, params: params(t) } });
              workers.push(worker);
              worker.once('message', (m: { tokens: number }) => resolve(m.tokens));
              worker.once('error', reject);
              worker.once('exit', (code) => reject(new Error(`skip-gram worker ${t} exited with code ${code}`)));
            }),
        ),
      );
      trainWords = counts.reduce((a, b) => a + b, 0);
    } finally {
      if (timer) clearInterval(timer);
      // after a failure the other threads stop too (after success they have exited already)
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // copy out of shared memory so that the result owns ordinary arrays
  const vectors = new WordVectors(vocabulary.words, Float32Array.from(arrays.input), o.dim);
  return { vectors, vocabulary, trainWords, seconds, wordsPerSec: trainWords / seconds };
}
