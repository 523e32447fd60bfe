/**
 * Greedy and beam-search decoding over any step-by-step decoder (a `DecoderSession`): the
 * Bi-LSTM + attention translator drives it today; a transformer decoder plugs in by implementing
 * the same three methods.
 *
 * Scores are length-normalised log-probabilities, log P(y) / |y|^α (α = `lengthPenalty`, 1 by
 * default: the mean log-probability per token; Wu et al. 2016, "Google's neural machine translation
 * system", §7, use the same idea with a smoothed length). |y| counts the end token when the
 * hypothesis ended with one; a hypothesis still open after `steps` tokens ends there (the model
 * writes at most Ty characters). Beam search keeps the `beamWidth` best open prefixes (by log P,
 * equal lengths at each step); a prefix whose best extension is the end token (within the free
 * slots of the ranking) is finished and its slot closes (a shrinking beam, as in Sutskever et al.
 * 2014's decoder), so an input ends with `beamWidth` finished hypotheses and the best score wins.
 * Width 1 is exactly greedy.
 *
 * @example
 * const session = translator.decoderSession(['four hundred twelve']);
 * const [best] = beamDecode(session, { steps: 74, beamWidth: 4 }); // { ids, logProb, score }
 * session.dispose();
 */

/** A batch of inputs being decoded, one state per row. */
export interface DecoderSession {
  /** Rows currently held (inputs at the start; beam search widens them with `select`). */
  readonly rows: number;
  /** Target vocabulary size V. */
  readonly vocab: number;
  /**
   * Advances every row by one token: `previous[r]` is row r's last token (−1 before the first).
   * Returns the next token's log-probabilities, [rows * V] row-major.
   */
  step(previous: Int32Array): Float32Array;
  /** Replaces the rows by the listed current rows (rows may repeat): beam selection. */
  select(rows: Int32Array): void;
  dispose(): void;
}

export interface DecodeOptions {
  /** Most tokens to write (Ty). */
  steps: number;
  /** The end token (the translator's <pad>, id 0). */
  endId?: number;
  /** α of the length normalisation log P / |y|^α; 0 ranks by raw log P. */
  lengthPenalty?: number;
}

export interface BeamOptions extends DecodeOptions {
  beamWidth?: number;
}

export const DECODE_DEFAULTS = { endId: 0, lengthPenalty: 1, beamWidth: 4 } as const;

export interface Decoded {
  /** Tokens without the end token. */
  ids: number[];
  /** Sum of the log-probabilities of the tokens, end token included. */
  logProb: number;
  /** logProb / length^α. */
  score: number;
}

/** log P / |y|^α (|y| ≥ 1). */
export function sequenceScore(logProb: number, length: number, lengthPenalty: number = DECODE_DEFAULTS.lengthPenalty) {
  return logProb / Math.pow(Math.max(1, length), lengthPenalty);
}

function resolve<T extends DecodeOptions>(o: T) {
  const r = { ...DECODE_DEFAULTS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as T &
    typeof DECODE_DEFAULTS & { beamWidth: number };
  if (!(Number.isInteger(r.steps) && r.steps > 0)) throw new Error(`steps must be a positive integer, got ${r.steps}`);
  if (!(Number.isInteger(r.beamWidth) && r.beamWidth > 0))
    throw new Error(`beamWidth must be a positive integer, got ${r.beamWidth}`);
  if (!(r.lengthPenalty >= 0)) throw new Error(`lengthPenalty must be ≥ 0, got ${r.lengthPenalty}`);
  return r;
}

/** The most likely token at each step, per row (rows that ended keep feeding the end token). */
export function greedyDecode(session: DecoderSession, options: DecodeOptions): Decoded[] {
  const o = resolve(options);
  const n = session.rows;
  const V = session.vocab;
  const out: Decoded[] = Array.from({ length: n }, () => ({ ids: [], logProb: 0, score: 0 }));
  const ended = new Array<boolean>(n).fill(false);
  const previous = new Int32Array(n).fill(-1);
  for (let t = 0; t < o.steps && ended.some((e) => !e); t++) {
    const lp = session.step(previous);
    for (let r = 0; r < n; r++) {
      if (ended[r]) continue;
      let best = 0;
      for (let v = 1; v < V; v++) if (lp[r * V + v] > lp[r * V + best]) best = v;
      out[r].logProb += lp[r * V + best];
      previous[r] = best;
      if (best === o.endId) ended[r] = true;
      else out[r].ids.push(best);
    }
  }
  out.forEach((d, r) => (d.score = sequenceScore(d.logProb, d.ids.length + (ended[r] ? 1 : 0), o.lengthPenalty)));
  return out;
}

interface Hypothesis {
  ids: number[];
  logProb: number;
}

/** Beam search per row (see the file comment); beamWidth 1 gives the greedy result. */
export function beamDecode(session: DecoderSession, options: BeamOptions): Decoded[] {
  const o = resolve(options);
  const k = o.beamWidth;
  const n = session.rows;
  const V = session.vocab;
  // Row i*k + j holds beam j of input i; at the start only beam 0 is alive.
  session.select(Int32Array.from({ length: n * k }, (_, r) => Math.floor(r / k)));
  let beams: Hypothesis[][] = Array.from({ length: n }, () =>
    Array.from({ length: k }, (_, j) => ({ ids: [], logProb: j === 0 ? 0 : -Infinity })),
  );
  const finished: Decoded[][] = Array.from({ length: n }, () => []);
  const done = new Array<boolean>(n).fill(false);
  const previous = new Int32Array(n * k).fill(-1);
  for (let t = 0; t < o.steps && done.some((d) => !d); t++) {
    const lp = session.step(previous);
    const parents = new Int32Array(n * k);
    const next: Hypothesis[][] = [];
    for (let i = 0; i < n; i++) {
      const candidates: { parent: number; token: number; logProb: number }[] = [];
      if (!done[i]) {
        for (let j = 0; j < k; j++) {
          const h = beams[i][j];
          if (h.logProb === -Infinity) continue;
          for (let v = 0; v < V; v++)
            candidates.push({ parent: j, token: v, logProb: h.logProb + lp[(i * k + j) * V + v] });
        }
        candidates.sort((a, b) => b.logProb - a.logProb);
      }
      // Shrinking beam: k hypotheses in all. Walk down the ranking over the slots still free: an
      // end token finishes its hypothesis, any other token extends an open one. (k = 1: greedy.)
      const open: typeof candidates = [];
      const slots = k - finished[i].length;
      for (let rank = 0; rank < candidates.length && rank < slots; rank++) {
        const c = candidates[rank];
        if (c.token !== o.endId) open.push(c);
        else {
          const ids = beams[i][c.parent].ids;
          finished[i].push({
            ids,
            logProb: c.logProb,
            score: sequenceScore(c.logProb, ids.length + 1, o.lengthPenalty),
          });
        }
      }
      const last = t === o.steps - 1;
      const chosen: Hypothesis[] = [];
      for (let j = 0; j < k; j++) {
        const c = open[j];
        parents[i * k + j] = i * k + (c?.parent ?? 0);
        previous[i * k + j] = c ? c.token : o.endId;
        const h = c
          ? { ids: [...beams[i][c.parent].ids, c.token], logProb: c.logProb }
          : { ids: [], logProb: -Infinity };
        // Out of steps: an open hypothesis ends at Ty tokens, without an end token.
        if (last && c) finished[i].push({ ...h, score: sequenceScore(h.logProb, h.ids.length, o.lengthPenalty) });
        chosen.push(h);
      }
      next.push(chosen);
      if (open.length === 0) done[i] = true;
    }
    beams = next;
    session.select(parents);
  }
  return finished.map((f) => f.reduce((best, d) => (d.score > best.score ? d : best)));
}
