/**
 * BERT's masked-LM corruption (Devlin et al. 2019, section 3.1): each ordinary token is chosen
 * with probability 15 %; a chosen token becomes [MASK] 80 % of the time, a random token 10 %, and
 * stays itself 10 %; the model predicts the original at every chosen position. At least one token
 * per sequence is chosen, so every sequence has a target. Seeded by the caller's Rng.
 *
 * @example
 * const m = maskTokens([2, 17, 40, 3], new Rng(1), { maskId: 4, vocabSize: 100, specialIds: [0, 1, 2, 3, 4] });
 * m.input;     // e.g. [2, 4, 40, 3]: position 1 masked
 * m.positions; // [1]
 * m.labels;    // [17]
 */
import { Rng } from '@dlkit/core';
import { WORDPIECE_SPECIALS, WordPieceTokenizer } from '../tokenizers/wordpiece';

export interface MlmMaskingOptions {
  /** Id of [MASK]. */
  maskId: number;
  /** Random replacements are drawn from 0..vocabSize-1, special ids excluded. */
  vocabSize: number;
  /** Never chosen, never drawn as replacements ([PAD], [UNK], [CLS], [SEP], [MASK]). */
  specialIds: readonly number[];
  /** Chance that a token is chosen. */
  maskProbability?: number;
  /** Of the chosen: replaced by [MASK] ... */
  maskFraction?: number;
  /** ... replaced by a random token (the rest stay). */
  randomFraction?: number;
  /**
   * Whole-word masking (Google's BERT-wwm): ids of continuation pieces ("##ing"). When given, words
   * are chosen instead of tokens (a word: an ordinary token and the continuation pieces after it),
   * each with `maskProbability`, and all of a chosen word's pieces are predicted; the 80/10/10 split
   * stays per token. The model then has to predict a name such as "Tswana" from its context alone,
   * not its last piece from its first.
   */
  continuationIds?: readonly number[];
}

export const MLM_MASKING_DEFAULTS = { maskProbability: 0.15, maskFraction: 0.8, randomFraction: 0.1 } as const;

export interface MaskedSequence {
  /** The corrupted ids the model reads. */
  input: number[];
  /** Chosen positions, ascending. */
  positions: number[];
  /** The original ids at `positions`. */
  labels: number[];
}

export function maskTokens(ids: readonly number[], rng: Rng, options: MlmMaskingOptions): MaskedSequence {
  const o = { ...MLM_MASKING_DEFAULTS, ...options };
  const special = new Set(o.specialIds);
  const units = maskingUnits(ids, special, o.continuationIds);
  let positions = units.filter(() => rng.uniform() < o.maskProbability).flat();
  if (positions.length === 0 && units.length > 0) positions = units[rng.int(units.length)];
  const input = [...ids];
  for (const p of positions) {
    const r = rng.uniform();
    if (r < o.maskFraction) input[p] = o.maskId;
    else if (r < o.maskFraction + o.randomFraction) input[p] = randomOrdinaryId(rng, o.vocabSize, special);
  }
  return { input, positions, labels: positions.map((p) => ids[p]) };
}

/**
 * What maskTokens chooses among, in order: each ordinary position alone, or with `continuationIds`
 * each word's positions (a continuation piece after a special token starts a word of its own).
 */
export function maskingUnits(
  ids: readonly number[],
  special: ReadonlySet<number>,
  continuationIds?: readonly number[],
): number[][] {
  const continuation = new Set(continuationIds ?? []);
  const units: number[][] = [];
  ids.forEach((id, i) => {
    if (special.has(id)) return;
    const last = units[units.length - 1];
    const joins = continuation.has(id) && last !== undefined && last[last.length - 1] === i - 1;
    if (joins) last.push(i);
    else units.push([i]);
  });
  return units;
}

/** BERT's masking over a WordPiece vocabulary (its [MASK], its size, its special tokens), and its [PAD] id. */
export function wordPieceMasking(
  tokenizer: WordPieceTokenizer,
  o: { wholeWords?: boolean } = {},
): { masking: MlmMaskingOptions; padId: number } {
  const id = (t: string) => tokenizer.tokenToId(t) as number;
  const specialIds = Object.values(WORDPIECE_SPECIALS).map(id);
  const masking: MlmMaskingOptions = {
    maskId: id(WORDPIECE_SPECIALS.mask),
    vocabSize: tokenizer.vocabSize,
    specialIds,
  };
  if (o.wholeWords) masking.continuationIds = tokenizer.continuationIds();
  return { masking, padId: id(WORDPIECE_SPECIALS.pad) };
}

function randomOrdinaryId(rng: Rng, vocabSize: number, special: Set<number>): number {
  if (special.size >= vocabSize) throw new Error(`maskTokens: no ordinary token among ${vocabSize}`);
  for (;;) {
    const id = rng.int(vocabSize);
    if (!special.has(id)) return id;
  }
}

/**
 * Packs tokenised sentences (ids without special tokens) into sequences of at most `maxLength`:
 * [CLS] s1 [SEP] s2 [SEP] ... as BERT's pretraining fills its inputs; a sentence longer than a
 * whole sequence is cut. No padding is wasted inside a sequence, so the measured tokens/s are real
 * tokens.
 */
export function packSentences(
  sentences: readonly (readonly number[])[],
  o: { maxLength: number; clsId: number; sepId: number },
): number[][] {
  if (o.maxLength < 3) throw new Error(`packSentences: maxLength must be >= 3, got ${o.maxLength}`);
  const out: number[][] = [];
  let current = [o.clsId];
  for (const s of sentences) {
    if (s.length === 0) continue;
    const piece = s.slice(0, o.maxLength - 2);
    if (current.length + piece.length + 1 > o.maxLength) {
      out.push(current);
      current = [o.clsId];
    }
    current.push(...piece, o.sepId);
  }
  if (current.length > 1) out.push(current);
  return out;
}
