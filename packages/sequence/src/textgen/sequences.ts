/**
 * Items → (input, target) id sequences for next-character prediction, and the Trainer's data set
 * over them. Short items are wrapped in markers, one newline token serving as both start and end
 * (as in the course's "Dinosaur Island", where "\n" ends a name):
 *
 *   "ann"  →  input  [\n, a, n, n]
 *             target [ a, n, n, \n]        4 predicted characters: 3 letters + the end marker
 *
 * A chunk of running text predicts each character from the ones before it (no markers):
 *   "the c" → input [t, h, e, ' '], target [h, e, ' ', c]
 *
 * The baselines and the model score exactly these (input[t], target[t]) positions.
 *
 * @example
 * const vocab = textgenVocabulary(['ann', 'bob'], 'lines');
 * const ds = new CharSequenceDataset(encodeItems(['ann', 'bob'], vocab, 'lines'));
 * const b = ds.batch([0, 1]); // b.x [2, 4] ids, b.y [2, 4] ids (0 = padding); caller disposes
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch, Dataset } from '@dlkit/core';
import { Vocabulary } from '../tokens/vocabulary';
import type { TextCorpus } from './corpus';

/** Padding token, id 0: never a target, masked out of the loss and the perplexity. */
export const TEXTGEN_PAD = '<pad>';
/** Start and end marker of a short item (id 1 in 'lines' vocabularies). */
export const TEXTGEN_BOUNDARY = '\n';
export const TEXTGEN_PAD_ID = 0;

export interface EncodedSequence {
  /** Ids fed to the model, one per step. */
  input: number[];
  /** The id to predict at each step (same length as input). */
  target: number[];
}

/** The character vocabulary of a corpus: padding first, then the marker (lines only), then the sorted characters. */
export function textgenVocabulary(items: readonly string[], kind: TextCorpus['kind']): Vocabulary {
  return Vocabulary.fromCorpus(items, { specials: kind === 'lines' ? [TEXTGEN_PAD, TEXTGEN_BOUNDARY] : [TEXTGEN_PAD] });
}

/** One item's input/target ids; `context` names the item in an unknown-character error. */
export function encodeItem(
  item: string,
  vocab: Vocabulary,
  kind: TextCorpus['kind'],
  context = 'the corpus',
): EncodedSequence {
  const ids = vocab.encode(item, context);
  if (kind === 'lines') {
    const b = vocab.id(TEXTGEN_BOUNDARY);
    return { input: [b, ...ids], target: [...ids, b] };
  }
  if (ids.length < 2) throw new Error(`a chunk needs at least 2 characters, got ${JSON.stringify(item)}`);
  return { input: ids.slice(0, -1), target: ids.slice(1) };
}

export function encodeItems(items: readonly string[], vocab: Vocabulary, kind: TextCorpus['kind']): EncodedSequence[] {
  return items.map((item, i) => encodeItem(item, vocab, kind, `item ${i + 1} (${JSON.stringify(item.slice(0, 40))})`));
}

/** Number of predicted characters (targets) in a set of sequences. */
export function countTargets(seqs: readonly EncodedSequence[]): number {
  return seqs.reduce((n, s) => n + s.target.length, 0);
}

/**
 * Padded batches of encoded sequences, padded only to the longest sequence of each batch
 * (names average 6 characters but reach 15, so a global pad would waste over half the steps).
 * Right padding is harmless for a causal RNN: the padded steps come after every real one, and
 * their targets (TEXTGEN_PAD_ID) are masked out of the loss.
 */
export class CharSequenceDataset implements Dataset {
  constructor(readonly sequences: readonly EncodedSequence[]) {
    if (sequences.length === 0) throw new Error('CharSequenceDataset needs at least one sequence');
  }

  get size(): number {
    return this.sequences.length;
  }

  /** x [b, T] int32 input ids, y [b, T] int32 target ids (TEXTGEN_PAD_ID after each sequence's end), T = longest in the batch. */
  batch(indices: readonly number[]): Batch {
    const seqs = indices.map((i) => {
      const s = this.sequences[i];
      if (!s) throw new Error(`CharSequenceDataset: index ${i} is outside 0..${this.size - 1}`);
      return s;
    });
    const steps = Math.max(...seqs.map((s) => s.input.length));
    const x = new Int32Array(seqs.length * steps).fill(TEXTGEN_PAD_ID);
    const y = new Int32Array(seqs.length * steps).fill(TEXTGEN_PAD_ID);
    seqs.forEach((s, r) => {
      x.set(s.input, r * steps);
      y.set(s.target, r * steps);
    });
    return { x: tf.tensor2d(x, [seqs.length, steps], 'int32'), y: tf.tensor2d(y, [seqs.length, steps], 'int32') };
  }
}
