/**
 * Source/target pairs for character-level translation: reading a TSV file (one
 * `source<TAB>target` pair a line) with bad rows reported by line number, and the fixed-length
 * encoding the model trains on (ids padded with `<pad>` to Tx and Ty).
 *
 * @example
 * const { pairs, skipped } = parsePairsTsv(fs.readFileSync('pairs.tsv', 'utf8'), { file: 'pairs.tsv' });
 * const coder = PairCoder.fromPairs(pairs);           // vocabularies and lengths from the data
 * const { x, y } = coder.encodeAll(pairs);            // Int32Array ids [m * Tx], [m * Ty]
 */
import { Rng } from '@dlkit/core';
import { Vocabulary } from '../tokens/vocabulary';
import { learnPieces, longestPiece, splitPieces, type PieceOptions } from './pieces';

export interface Pair {
  source: string;
  target: string;
}

export const PAD = '<pad>';

export interface PairsTsvOptions {
  /** File name used in messages. */
  file?: string;
  /** Longest source accepted, in characters (longer rows are bad rows). */
  maxSourceLength?: number;
  /** Longest target accepted, in characters. */
  maxTargetLength?: number;
}

/** A text longer than the model's fixed length (Tx for sources, Ty for targets). */
export class SequenceTooLongError extends Error {
  constructor(
    readonly length: number,
    readonly limit: number,
    message: string,
  ) {
    super(message);
    this.name = 'SequenceTooLongError';
  }
}

/** Too few usable pairs to train on (after bad rows were skipped). */
export class TooFewPairsError extends Error {
  constructor(
    readonly usable: number,
    readonly needed: number,
    message: string,
  ) {
    super(message);
    this.name = 'TooFewPairsError';
  }
}

/** Length caps: far above any preset (French number phrases reach 73 characters), only a guard against a stray
 * binary or unsplit file (the model unrolls one step per character, so Tx and Ty are the data's longest sides). */
export const PAIRS_TSV_DEFAULTS = { file: 'the pairs file', maxSourceLength: 1000, maxTargetLength: 1000 } as const;

export interface SkippedRow {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface ParsedPairs {
  pairs: Pair[];
  /** Bad rows, skipped (no tab, an empty side, too long). */
  skipped: SkippedRow[];
}

/**
 * Parses a TSV of pairs. Blank lines are ignored; a bad row (no tab, more than one tab, an empty
 * source or target, a side longer than the cap) is skipped and reported with its line number.
 * Throws TooFewPairsError when no usable pair remains (the message lists the first bad rows).
 */
export function parsePairsTsv(text: string, options: PairsTsvOptions = {}): ParsedPairs {
  const o = {
    ...PAIRS_TSV_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  const pairs: Pair[] = [];
  const skipped: SkippedRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    if (cells.length < 2) return void skipped.push({ line, reason: 'no tab (expected source<TAB>target)' });
    if (cells.length > 2)
      return void skipped.push({ line, reason: `${cells.length - 1} tabs (expected exactly one: source<TAB>target)` });
    const [source, target] = cells;
    if (source.length === 0) return void skipped.push({ line, reason: 'empty source' });
    if (target.length === 0) return void skipped.push({ line, reason: 'empty target' });
    if ([...source].length > o.maxSourceLength)
      return void skipped.push({
        line,
        reason: `source has ${[...source].length} characters (more than ${o.maxSourceLength})`,
      });
    if ([...target].length > o.maxTargetLength)
      return void skipped.push({
        line,
        reason: `target has ${[...target].length} characters (more than ${o.maxTargetLength})`,
      });
    pairs.push({ source, target });
  });
  if (pairs.length === 0) {
    const detail = skipped
      .slice(0, 5)
      .map((s) => `line ${s.line}: ${s.reason}`)
      .join('; ');
    throw new TooFewPairsError(
      0,
      1,
      `${o.file}: no usable source<TAB>target pairs${detail ? ` (${detail}${skipped.length > 5 ? `; and ${skipped.length - 5} more bad rows` : ''})` : ' (the file is empty)'}`,
    );
  }
  return { pairs, skipped };
}

/**
 * A seeded held-out split by distinct source string (a held-out source never appears in training):
 * `fraction` of the distinct sources, at least one left to train on.
 */
export function splitPairsBySource(pairs: readonly Pair[], fraction: number, seed: number) {
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`heldOutFraction must be in [0, 1), got ${fraction}`);
  const sources = [...new Set(pairs.map((p) => p.source))];
  new Rng(seed).shuffle(sources);
  const k = sources.length >= 2 ? Math.min(sources.length - 1, Math.round(sources.length * fraction)) : 0;
  const heldOutSources = new Set(sources.slice(0, k));
  return {
    train: pairs.filter((p) => !heldOutSources.has(p.source)),
    heldOut: pairs.filter((p) => heldOutSources.has(p.source)),
  };
}

/** One line per skipped row, for logs: "pairs.tsv line 3: no tab ...". */
export function describeSkipped(file: string, skipped: readonly SkippedRow[]): string[] {
  return skipped.map((s) => `${file} line ${s.line}: ${s.reason}; skipped`);
}

/** What one id stands for: a character, or a sub-word piece (pieces.ts). */
export type PairTokens = 'chars' | 'pieces';

export interface PairCoderJson {
  tx: number;
  ty: number;
  sourceVocab: { tokens: string[] };
  targetVocab: { tokens: string[] };
  /** Absent: characters. */
  tokens?: PairTokens;
}

/** Extra pieces of room in Tx and Ty over the longest training sequence (an unseen number may split into more). */
const PIECE_LENGTH_MARGIN = 4;

/** Texts ↔ padded id sequences of fixed lengths Tx (source) and Ty (target), by characters or by pieces. */
export class PairCoder {
  private readonly pieceSets: { vocab: Set<string>; longest: number }[];

  constructor(
    readonly sourceVocab: Vocabulary,
    readonly targetVocab: Vocabulary,
    readonly tx: number,
    readonly ty: number,
    readonly tokens: PairTokens = 'chars',
  ) {
    this.pieceSets = [sourceVocab, targetVocab].map((v) => ({
      vocab: new Set(v.tokens.slice(1)),
      longest: longestPiece(v.tokens.slice(1)),
    }));
    for (const [name, v] of [
      ['source', sourceVocab],
      ['target', targetVocab],
    ] as const) {
      if (v.tokens[0] !== PAD) throw new Error(`the ${name} vocabulary must have '${PAD}' as id 0`);
    }
    if (!(Number.isInteger(tx) && tx > 0 && Number.isInteger(ty) && ty > 0))
      throw new Error(`Tx and Ty must be positive integers, got ${tx}, ${ty}`);
  }

  /** Vocabularies of the characters in the data, lengths = longest source/target. */
  static fromPairs(pairs: readonly Pair[], lengths: { tx?: number; ty?: number } = {}): PairCoder {
    if (pairs.length === 0) throw new Error('need at least one pair to build vocabularies');
    const sourceVocab = Vocabulary.fromCorpus(
      pairs.map((p) => p.source),
      { specials: [PAD] },
    );
    const targetVocab = Vocabulary.fromCorpus(
      pairs.map((p) => p.target),
      { specials: [PAD] },
    );
    const tx = lengths.tx ?? Math.max(...pairs.map((p) => [...p.source].length));
    const ty = lengths.ty ?? Math.max(...pairs.map((p) => [...p.target].length));
    return new PairCoder(sourceVocab, targetVocab, tx, ty);
  }

  /**
   * A pieces coder (pieces.ts) learned on `pairs` (each side its own pieces), keeping every
   * character of `base` (so any text `base` reads still splits); Tx and Ty: the longest split
   * sequence plus a margin of 4.
   */
  static withPieces(pairs: readonly Pair[], base?: PairCoder, options: PieceOptions = {}): PairCoder {
    if (pairs.length === 0) throw new Error('need at least one pair to learn pieces');
    const side = (texts: string[], chars: readonly string[] = []) => {
      const pieces = new Set([...learnPieces(texts, options), ...chars]);
      pieces.delete(PAD);
      const vocab = new Vocabulary([PAD, ...[...pieces].sort()]);
      const set = new Set(vocab.tokens.slice(1));
      const longest = longestPiece(set);
      return {
        vocab,
        length: Math.max(...texts.map((t) => splitPieces(t, set, longest).length)) + PIECE_LENGTH_MARGIN,
      };
    };
    const source = side(
      pairs.map((p) => p.source),
      base?.tokens === 'chars' ? base.sourceVocab.tokens : [],
    );
    const target = side(
      pairs.map((p) => p.target),
      base?.tokens === 'chars' ? base.targetVocab.tokens : [],
    );
    return new PairCoder(source.vocab, target.vocab, source.length, target.length, 'pieces');
  }

  static fromJSON(json: PairCoderJson): PairCoder {
    return new PairCoder(
      Vocabulary.fromJSON(json.sourceVocab),
      Vocabulary.fromJSON(json.targetVocab),
      json.tx,
      json.ty,
      json.tokens ?? 'chars',
    );
  }

  toJSON(): PairCoderJson {
    const json = {
      tx: this.tx,
      ty: this.ty,
      sourceVocab: this.sourceVocab.toJSON(),
      targetVocab: this.targetVocab.toJSON(),
    };
    return this.tokens === 'chars' ? json : { ...json, tokens: this.tokens };
  }

  /** The tokens of a source (side 0) or target (side 1) text. */
  split(text: string, side: 0 | 1): string[] {
    if (this.tokens === 'chars') return [...text];
    const { vocab, longest } = this.pieceSets[side];
    return splitPieces(text, vocab, longest);
  }

  /** Source ids padded to Tx; unknown characters throw UnknownTokenError naming the character. */
  encodeSource(text: string, context = 'the input'): number[] {
    return this.encode(text, 0, context);
  }

  encodeTarget(text: string, context = 'the target'): number[] {
    return this.encode(text, 1, context);
  }

  private encode(text: string, side: 0 | 1, context: string): number[] {
    const tokens = this.split(text, side);
    const [limit, verb, vocab] =
      side === 0 ? [this.tx, 'reads', this.sourceVocab] : [this.ty, 'writes', this.targetVocab];
    const unit = this.tokens === 'chars' ? 'characters' : 'sub-word pieces';
    if (tokens.length > limit)
      throw new SequenceTooLongError(
        tokens.length,
        limit,
        `${context} has ${tokens.length} ${unit}; this model ${verb} at most ${limit}`,
      );
    const ids = vocab.encode(tokens, context);
    return ids.concat(new Array<number>(limit - ids.length).fill(0));
  }

  /** Target ids → text, stopping at the first <pad>. */
  decodeTarget(ids: ArrayLike<number>): string {
    let out = '';
    for (let i = 0; i < ids.length && ids[i] !== 0; i++) out += this.targetVocab.token(ids[i]);
    return out;
  }

  /** All pairs as flat id arrays: x [m * Tx], y [m * Ty]. */
  encodeAll(pairs: readonly Pair[], context = 'pair'): { x: Int32Array; y: Int32Array } {
    const x = new Int32Array(pairs.length * this.tx);
    const y = new Int32Array(pairs.length * this.ty);
    pairs.forEach((p, i) => {
      x.set(this.encodeSource(p.source, `${context} ${i + 1} source`), i * this.tx);
      y.set(this.encodeTarget(p.target, `${context} ${i + 1} target`), i * this.ty);
    });
    return { x, y };
  }
}
