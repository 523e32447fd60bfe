/**
 * CTC forced alignment: the single most likely path (Viterbi over the same blank-extended trellis
 * as the loss) that emits exactly the given ids, and the frames each id occupies on it. Use it for
 * word times of a beam-search result (greedy decoding already yields spans).
 *
 * @example
 * const best = ctcBeamSearch(logProbs, { beamWidth: 8 })[0];
 * const spans = ctcForcedAlign(logProbs, best.ids); // [{ id, start, end }] frames, end exclusive
 */
import { canSkip, ctcLogAlpha, extendedLabels } from './ctc-forward-backward';
import { CtcTokenSpan, LogProbMatrix, logProbRows } from './log-prob-rows';

/** @param logProbs [T, V]; throws when the ids need more frames than T. */
export function ctcForcedAlign(logProbs: LogProbMatrix, ids: readonly number[], { blank = 0 } = {}): CtcTokenSpan[] {
  const rows = logProbRows(logProbs);
  const T = rows.length;
  const V = T > 0 ? rows[0].length : 0;
  const flat = new Float64Array(T * V);
  rows.forEach((r, t) => flat.set(Array.from(r), t * V));
  const ext = extendedLabels(ids, blank);
  const S = ext.length;
  const alpha = ctcLogAlpha(flat, T, V, ext, blank, Math.max); // [T, S] best-path log-probabilities
  const at = (t: number, s: number) => (s >= 0 ? alpha[t * S + s] : -Infinity);
  let s = S > 1 && at(T - 1, S - 2) > at(T - 1, S - 1) ? S - 2 : S - 1;
  if (T === 0 || at(T - 1, s) === -Infinity)
    throw new Error(`ctcForcedAlign: ${ids.length} ids (with repeats) do not fit in ${T} frames`);
  const spans: CtcTokenSpan[] = ids.map((id) => ({ id, start: -1, end: -1 }));
  for (let t = T - 1; t >= 0; t--) {
    if (s % 2 === 1) {
      const span = spans[(s - 1) / 2];
      if (span.end < 0) span.end = t + 1;
      span.start = t;
    }
    if (t === 0) break;
    // the predecessor on the best path: stay, step from s − 1, or skip from s − 2
    let best = s;
    if (at(t - 1, s - 1) > at(t - 1, best)) best = s - 1;
    if (canSkip(ext, s, blank) && at(t - 1, s - 2) > at(t - 1, best)) best = s - 2;
    s = best;
  }
  return spans;
}
