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

/**
 * A node of the tree of prefixes: one object per distinct prefix (so it is the map key), with its
 * word state, which depends on the ids alone; extensions are cached (null: the lexicon forbids it).
 */
interface Prefix {
  parent: Prefix | undefined;
  last: number; // the last id (−1 for the empty prefix)
  lmScore: number; // α Σ log P_lm + β words, of the completed words
  node: LexiconNode | undefined; // where the current partial word is in the lexicon
  words: string[];
  partial: string; // the current word so far
  children: Map<number, Prefix | null> | undefined; // created on the first extension
}

/** A prefix in the beam: log P of its alignments ending in a blank (pb) and in its last id (pnb). */
interface Beam {
  prefix: Prefix;
  pb: number;
  pnb: number;
}

const total = (b: Beam) => logAddExp(b.pb, b.pnb);
const rank = (b: Beam) => total(b) + b.prefix.lmScore;

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
function completeWord(prefix: Prefix, s: Settings): Pick<Prefix, 'lmScore' | 'words'> | undefined {
  if (s.lexicon && !prefix.node?.isWord) return undefined;
  const lm = s.lm ? s.lmWeight * s.lm.logProb(prefix.partial, prefix.words) : 0;
  return { lmScore: prefix.lmScore + lm + s.wordBonus, words: [...prefix.words, prefix.partial] };
}

/** The prefix ids + [k] and its word state, or undefined when the lexicon forbids it. */
function extend(prefix: Prefix, k: number, s: Settings): Prefix | undefined {
  // a literal, not a spread: this runs for every candidate of every frame
  const { lmScore, node, words, partial } = prefix;
  const next: Prefix = { parent: prefix, last: k, lmScore, node, words, partial, children: undefined };
  if (!s.tokens) return next;
  const text = s.tokens[k];
  if (text === s.wordDelimiter) {
    if (partial === '') return next; // a delimiter with no word before it changes nothing
    const done = completeWord(prefix, s);
    if (!done) return undefined;
    [next.lmScore, next.words, next.partial, next.node] = [done.lmScore, done.words, '', s.lexicon?.root];
    return next;
  }
  next.node = s.lexicon ? node?.children.get(text) : undefined;
  if (s.lexicon && !next.node) return undefined;
  next.partial = partial + text;
  return next;
}

function child(prefix: Prefix, k: number, s: Settings): Prefix | null {
  prefix.children ??= new Map();
  let c = prefix.children.get(k);
  if (c === undefined) prefix.children.set(k, (c = extend(prefix, k, s) ?? null));
  return c;
}

function idsOf(prefix: Prefix): number[] {
  const ids: number[] = [];
  for (let p: Prefix | undefined = prefix; p?.parent; p = p.parent) ids.push(p.last);
  return ids.reverse();
}

/**
 * Hypotheses best first (at most beamWidth; none when a lexicon is given and no beam ends on a
 * whole word). A prefix the lexicon forbids is never created.
 *
 * @param logProbs [T, V] log-probabilities (log-softmax outputs)
 */
export function ctcBeamSearch(logProbs: LogProbMatrix, options: CtcBeamSearchOptions = {}): CtcHypothesis[] {
  const s = settingsOf(options);
  const root: Prefix = {
    parent: undefined,
    last: -1,
    lmScore: 0,
    node: s.lexicon?.root,
    words: [],
    partial: '',
    children: undefined,
  };
  let beams: Beam[] = [{ prefix: root, pb: 0, pnb: -Infinity }];
  for (const row of logProbRows(logProbs)) {
    const next = new Map<Prefix, Beam>();
    const slot = (prefix: Prefix) => {
      let b = next.get(prefix);
      if (!b) next.set(prefix, (b = { prefix, pb: -Infinity, pnb: -Infinity }));
      return b;
    };
    for (const beam of beams) {
      const { prefix } = beam;
      const all = total(beam);
      for (let k = 0; k < row.length; k++) {
        const p = row[k];
        if (p === -Infinity) continue;
        if (k === s.blank) {
          const same = slot(prefix);
          same.pb = logAddExp(same.pb, all + p);
          continue;
        }
        if (k === prefix.last) {
          // a repeat without a blank between collapses into the same prefix
          const same = slot(prefix);
          same.pnb = logAddExp(same.pnb, beam.pnb + p);
        }
        const c = child(prefix, k, s);
        if (!c) continue;
        const ext = slot(c);
        ext.pnb = logAddExp(ext.pnb, (k === prefix.last ? beam.pb : all) + p);
      }
    }
    beams = [...next.values()].sort((a, b) => rank(b) - rank(a)).slice(0, s.beamWidth);
  }
  return finish(beams, s);
}

/** Completes each beam's last word (lexicon check, LM with `</s>`) and ranks the hypotheses. */
function finish(beams: Beam[], s: Settings): CtcHypothesis[] {
  const hypotheses: CtcHypothesis[] = [];
  for (const beam of beams) {
    const done = beam.prefix.partial === '' ? beam.prefix : completeWord(beam.prefix, s);
    if (!done) continue;
    const end = s.lm ? s.lmWeight * s.lm.logProb(WordNgramLm.END, done.words) : 0;
    const logProb = total(beam);
    hypotheses.push({ ids: idsOf(beam.prefix), logProb, score: logProb + done.lmScore + end, words: done.words });
  }
  return hypotheses.sort((a, b) => b.score - a.score);
}
