/**
 * CTC prefix beam search in log space (Hannun et al. 2014, "First-pass large vocabulary
 * continuous speech recognition using bi-directional recurrent DNNs", algorithm 1): each prefix
 * keeps the probability of all its alignments ending in a blank (pb) and in its last token (pnb),
 * so alignments that collapse to the same text are summed, not competing. Optionally:
 * - `lexicon`: a word may only grow along a `LexiconTrie` and end (at a delimiter or at the end) on
 *   a whole word, which fixes misspellings into known words;
 * - `lm`: each completed word adds lmWeight · log P(word | previous words) + wordBonus to the score
 *   (and `</s>` at the end), Hannun's score log P_ctc + α log P_lm + β |words|.
 *
 * @example
 * const tokens = ['_', '|', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];      // blank 0, word delimiter "|"
 * const lexicon = LexiconTrie.fromWords(['HELLO', 'WORLD']);
 * const [best] = ctcBeamSearch(logProbs, { beamWidth: 16, tokens, lexicon });
 * best.ids.map((id) => tokens[id]).join('');                      // 'HELLO|WORLD'
 */
import { logAddExp } from './ctc-forward-backward';
import { LexiconNode, LexiconTrie } from './lexicon-trie';
import { LogProbMatrix, logProbRows } from './log-prob-rows';
import { WordLanguageModel, WordNgramLm } from './word-ngram-lm';

export interface CtcBeamSearchOptions {
  /** Prefixes kept after each frame. */
  beamWidth?: number;
  /** Id of the blank token. */
  blank?: number;
  /** Text of each id; needed with `lexicon` or `lm` (words are the tokens between delimiters). */
  tokens?: readonly string[];
  /** The token that separates words. */
  wordDelimiter?: string;
  /** Words the output may contain (character trie). */
  lexicon?: LexiconTrie;
  /** Word language model scoring each completed word. */
  lm?: WordLanguageModel;
  /** Weight α of the language model's log-probability. */
  lmWeight?: number;
  /** Score β added per completed word (counters the language model's preference for few words). */
  wordBonus?: number;
}

export const CTC_BEAM_SEARCH_DEFAULTS = {
  beamWidth: 16,
  blank: 0,
  wordDelimiter: '|',
  lmWeight: 0.5,
  wordBonus: 0,
} satisfies CtcBeamSearchOptions;

export interface CtcHypothesis {
  /** Token ids, repeats collapsed and blanks dropped. */
  ids: number[];
  /** log P_ctc(ids | frames), summed over the alignments the search kept. */
  logProb: number;
  /** What the search ranks by: logProb + lmWeight · log P_lm + wordBonus · words. */
  score: number;
  /** The completed words (with `tokens`). */
  words: string[];
}

/** A prefix and its word state: everything but the two probabilities depends on `ids` alone. */
interface Beam {
  ids: number[];
  pb: number; // log P(alignments of ids ending in a blank)
  pnb: number; // log P(alignments of ids ending in ids' last token)
  lmScore: number; // α Σ log P_lm + β words, of the completed words
  node: LexiconNode | undefined; // where the current partial word is in the lexicon
  words: string[];
  partial: string; // the current word so far
}

const total = (b: Beam) => logAddExp(b.pb, b.pnb);

type Settings = ReturnType<typeof settingsOf>;

function settingsOf(options: CtcBeamSearchOptions) {
  const s = { ...CTC_BEAM_SEARCH_DEFAULTS, ...options };
  if (!Number.isInteger(s.beamWidth) || s.beamWidth < 1)
    throw new Error(`ctcBeamSearch: beamWidth must be a positive integer, got ${s.beamWidth}`);
  if ((s.lexicon || s.lm) && !s.tokens)
    throw new Error('ctcBeamSearch: a lexicon or lm needs `tokens` (the text of each id)');
  return s;
}

/** Scores a completed word; undefined when the lexicon does not allow it. */
function completeWord(beam: Beam, s: Settings): Pick<Beam, 'lmScore' | 'words'> | undefined {
  if (s.lexicon && !beam.node?.isWord) return undefined;
  const lm = s.lm ? s.lmWeight * s.lm.logProb(beam.partial, beam.words) : 0;
  return { lmScore: beam.lmScore + lm + s.wordBonus, words: [...beam.words, beam.partial] };
}

/** The word state of ids + [k], or undefined when the lexicon forbids it. */
function extend(beam: Beam, k: number, s: Settings): Beam | undefined {
  const next: Beam = { ...beam, ids: [...beam.ids, k], pb: -Infinity, pnb: -Infinity };
  if (!s.tokens) return next;
  const text = s.tokens[k];
  if (text === s.wordDelimiter) {
    if (beam.partial === '') return next; // a delimiter with no word before it changes nothing
    const done = completeWord(beam, s);
    return done && { ...next, ...done, partial: '', node: s.lexicon?.root };
  }
  const node = s.lexicon ? beam.node?.children.get(text) : undefined;
  if (s.lexicon && !node) return undefined;
  return { ...next, node, partial: beam.partial + text };
}

/**
 * Hypotheses best first (at most beamWidth; none when a lexicon is given and no beam ends on a
 * whole word). Prefixes are keyed by their ids; a prefix the lexicon forbids is never created.
 *
 * @param logProbs [T, V] log-probabilities (log-softmax outputs)
 */
export function ctcBeamSearch(logProbs: LogProbMatrix, options: CtcBeamSearchOptions = {}): CtcHypothesis[] {
  const s = settingsOf(options);
  const start: Beam = { ids: [], pb: 0, pnb: -Infinity, lmScore: 0, node: s.lexicon?.root, words: [], partial: '' };
  let beams = [start];
  for (const row of logProbRows(logProbs)) {
    const next = new Map<string, Beam | undefined>();
    const slot = (key: string, make: () => Beam | undefined) => {
      if (!next.has(key)) next.set(key, make()); // undefined: forbidden by the lexicon
      return next.get(key);
    };
    for (const beam of beams) {
      const key = beam.ids.join(',');
      const here = () => ({ ...beam, pb: -Infinity, pnb: -Infinity });
      const last = beam.ids[beam.ids.length - 1];
      for (let k = 0; k < row.length; k++) {
        const p = row[k];
        if (p === -Infinity) continue;
        if (k === s.blank) {
          const same = slot(key, here)!;
          same.pb = logAddExp(same.pb, total(beam) + p);
          continue;
        }
        if (k === last) {
          // a repeat without a blank between collapses into the same prefix
          const same = slot(key, here)!;
          same.pnb = logAddExp(same.pnb, beam.pnb + p);
        }
        const ext = slot(key === '' ? `${k}` : `${key},${k}`, () => extend(beam, k, s));
        if (ext) ext.pnb = logAddExp(ext.pnb, (k === last ? beam.pb : total(beam)) + p);
      }
    }
    beams = [...next.values()]
      .filter((b): b is Beam => b !== undefined)
      .sort((a, b) => total(b) + b.lmScore - (total(a) + a.lmScore))
      .slice(0, s.beamWidth);
  }
  return finish(beams, s);
}

/** Completes each beam's last word (lexicon check, LM with `</s>`) and ranks the hypotheses. */
function finish(beams: Beam[], s: Settings): CtcHypothesis[] {
  const hypotheses: CtcHypothesis[] = [];
  for (const beam of beams) {
    const done = beam.partial === '' ? beam : completeWord(beam, s);
    if (!done) continue;
    const end = s.lm ? s.lmWeight * s.lm.logProb(WordNgramLm.END, done.words) : 0;
    const logProb = total(beam);
    hypotheses.push({ ids: beam.ids, logProb, score: logProb + done.lmScore + end, words: done.words });
  }
  return hypotheses.sort((a, b) => b.score - a.score);
}
