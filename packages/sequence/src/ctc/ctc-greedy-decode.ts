/**
 * Greedy (best path) CTC decoding: the most likely token at each frame, repeats collapsed, blanks
 * dropped (Graves et al. 2006, section 3.2). Each token keeps the frames it was emitted on.
 *
 * @example
 * // frames: H E L _ L O (_ = blank 0); ids 1..4 = H E L O
 * const lp = [1, 2, 3, 0, 3, 4].map((k) => [0, 1, 2, 3, 4].map((j) => (j === k ? 0 : -10)));
 * ctcGreedyDecode(lp).ids;   // [1, 2, 3, 3, 4]: "HELLO", the blank keeps the double L
 * ctcGreedyDecode(lp).spans; // [{ id: 1, start: 0, end: 1 }, ..., { id: 4, start: 5, end: 6 }]
 */
import { CtcTokenSpan, LogProbMatrix, logProbRows } from './log-prob-rows';

export interface CtcDecodeOptions {
  /** Id of the blank token. */
  blank?: number;
}

export interface CtcDecoded {
  /** Token ids, repeats collapsed and blanks dropped. */
  ids: number[];
  /** One span per id: the frames [start, end) it was emitted on. */
  spans: CtcTokenSpan[];
}

/** Argmax of one row (the first on ties). */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}

/** @param logProbs [T, V] */
export function ctcGreedyDecode(logProbs: LogProbMatrix, { blank = 0 }: CtcDecodeOptions = {}): CtcDecoded {
  const spans: CtcTokenSpan[] = [];
  let previous = blank;
  logProbRows(logProbs).forEach((row, t) => {
    const k = argmax(row);
    if (k !== blank && k === previous) spans[spans.length - 1].end = t + 1;
    else if (k !== blank) spans.push({ id: k, start: t, end: t + 1 });
    previous = k;
  });
  return { ids: spans.map((s) => s.id), spans };
}
