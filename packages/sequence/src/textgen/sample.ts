/**
 * Sampling new items from a trained character language model, one character at a time (DLS
 * course 5 week 1, "sample"): feed the start marker and the prefix, draw the next character from
 * the softmax with the shared temperature/top-k sampler, append it, repeat until the end marker
 * (short items) or `maxLength` characters. All samples of a call advance together as one batch;
 * each has its own generator seeded from `seed`, so sample i does not depend on how many are drawn.
 *
 * @example
 * const lm = await loadCharLm('dlkit-out/textgen/model');
 * sampleCharLm(lm, { n: 5, prefix: 'mar', temperature: 0.7, seed: 1 }).samples; // ['mariel', ...]
 */
import * as tf from '@tensorflow/tfjs';
import { Rng, stripUndefined } from '@dlkit/core';
import {
  SAMPLING_DEFAULTS,
  drawCategorical,
  sampleLogits,
  validateSampling,
  type SamplingOptions,
} from '../tokens/sampling';
import type { CharLm } from './saved';
import { TEXTGEN_BOUNDARY, TEXTGEN_PAD_ID } from './sequences';

export interface SampleCharLmOptions extends SamplingOptions {
  /** Number of samples. */
  n?: number;
  /** Every sample starts with these characters (lowercased when the corpus was). */
  prefix?: string;
  seed?: number;
  /** Longest sample in characters, prefix included (default: twice the longest training item, or the chunk length plus the prefix). */
  maxLength?: number;
}

export const SAMPLE_CHAR_LM_DEFAULTS = { n: 20, seed: 1, prefix: '', ...SAMPLING_DEFAULTS };

export interface SampleCharLmResult {
  samples: string[];
  /** Fraction of the samples that are not items of the training set. */
  novel: number;
}

export function sampleCharLm(lm: CharLm, options: SampleCharLmOptions = {}): SampleCharLmResult {
  const o = { ...SAMPLE_CHAR_LM_DEFAULTS, ...stripUndefined(options) };
  validateSampling(o);
  if (!(Number.isInteger(o.n) && o.n >= 1)) throw new Error(`n must be a positive integer, got ${o.n}`);
  const { vocab, meta } = lm;
  const lines = meta.kind === 'lines';
  const prefix = meta.lowercase ? o.prefix.toLowerCase() : o.prefix;
  if (lines && /[\r\n]/.test(prefix)) throw new Error('the prefix must not contain a line break (it ends an item)');
  const prefixIds = vocab.encode(prefix, 'the prefix');
  const prefixChars = [...prefix].length;
  const maxLength =
    o.maxLength ?? (lines ? Math.max(2 * meta.longestItem, prefixChars + 1) : prefixChars + (meta.chunkLength ?? 64));
  if (!(Number.isInteger(maxLength) && maxLength > prefixChars))
    throw new Error(`maxLength must be an integer above the prefix length (${prefixChars}), got ${maxLength}`);

  const master = new Rng(o.seed);
  const rngs = Array.from({ length: o.n }, () => new Rng(master.nextSeed()));
  // Each sequence holds the model's input ids so far; generated holds the sample's own ids.
  const boundary = lines ? vocab.id(TEXTGEN_BOUNDARY) : -1;
  const seqs = rngs.map((rng) =>
    lines ? [boundary, ...prefixIds] : prefixIds.length > 0 ? [...prefixIds] : [firstCharacter(lm, rng)],
  );
  const done = new Array<boolean>(o.n).fill(false);
  const sampleLength = (s: number[]) => (lines ? s.length - 1 : s.length); // characters, markers excluded
  for (;;) {
    const active = seqs.map((_, i) => i).filter((i) => !done[i] && sampleLength(seqs[i]) < maxLength);
    if (active.length === 0) break;
    const steps = seqs[active[0]].length; // every active sequence has the same length
    const logits = tf.tidy(() => {
      const x = tf.tensor2d(
        active.flatMap((i) => seqs[i]),
        [active.length, steps],
        'int32',
      ); // [a, T]
      const probs = lm.model.predict(x) as tf.Tensor3D; // [a, T, V]
      const last = tf.squeeze(tf.slice(probs, [0, steps - 1, 0], [-1, 1, -1]), [1]); // [a, V]
      return tf.log(last); // softmax → logits up to a per-row constant, which sampling ignores
    });
    const rows = logits.arraySync() as number[][];
    logits.dispose();
    active.forEach((i, r) => {
      const row = rows[r];
      row[TEXTGEN_PAD_ID] = -Infinity; // padding is never a character
      const id = sampleLogits(row, o, rngs[i]);
      if (id === boundary) done[i] = true;
      else seqs[i].push(id);
    });
  }
  const samples = seqs.map((s) => vocab.decode(lines ? s.slice(1) : s).join(''));
  const novel = samples.filter((s) => !lm.trainingItems.has(s)).length / samples.length;
  return { samples, novel };
}

/** Without a prefix, running text starts from a character drawn by its frequency in the training items. */
function firstCharacter(lm: CharLm, rng: Rng): number {
  const counts = new Array<number>(lm.vocab.size).fill(0);
  let total = 0;
  for (const item of lm.trainingItems) {
    for (const ch of item) {
      if (lm.vocab.has(ch)) {
        counts[lm.vocab.id(ch)]++;
        total++;
      }
    }
  }
  return drawCategorical(
    counts.map((c) => c / total),
    rng,
  );
}
