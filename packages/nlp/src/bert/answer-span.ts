/**
 * Extractive QA spans. `bestAnswerSpan` picks the answer from start/end logits by transformers.js's
 * question-answering rule (context tokens only, start ≤ end, highest product of the two softmaxes),
 * so the tfjs model and the pipeline answer alike; `answerCharSpan` maps a token span to characters
 * of the context with the project's WordPiece offsets; `answerOffsets` finds where the pipeline's
 * answer (decoded text, without start/end) lies in the context.
 *
 * @example
 * const e = tokenizer.encodePair(question, context);
 * const span = bestAnswerSpan(startLogits, endLogits, e);          // token positions
 * const { start, end } = answerCharSpan(e, span);                   // context.slice(start, end)
 * answerOffsets(tokenizer, context, (await qa(question, context)).answer); // the same, from the pipeline
 */
import { Encoding } from '../tokenizers/encoding';
import { SubwordTokenizer } from '../tokenizers/subword-tokenizer';
import { WORDPIECE_PREFIX } from '../tokenizers/wordpiece';

export interface AnswerSpan {
  /** First and last token of the answer (inclusive), positions in the pair encoding. */
  startToken: number;
  endToken: number;
  /** What spans are ranked by: p(start) · p(end) · exp(tokenPrior[start]) (no prior: the probability). */
  score: number;
  /** p(start) · p(end), softmaxes over the context tokens. */
  probability: number;
}

function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => (x === -Infinity ? 0 : Math.exp(x - m)));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Context tokens of a pair encoding: type id 1 with a real character span (special tokens excluded). */
export function contextTokens(e: Encoding): number[] {
  return e.ids.flatMap((_, i) => (e.typeIds[i] === 1 && e.offsets[i][1] > e.offsets[i][0] ? [i] : []));
}

export interface AnswerSpanOptions {
  /** Longest span considered, in tokens (transformers.js: unlimited). */
  maxAnswerTokens?: number;
  /**
   * Answers start and end on word boundaries (by `e.tokens`' ## pieces), as Hugging Face's Python
   * pipeline does through offsets; transformers.js's rule (false) can answer "aseru" for "Maseru".
   */
  wholeWords?: boolean;
  /**
   * Answers stay inside one sentence of the context (sentenceEnds): no span runs across a full
   * stop, as an extractive answer never does ("Africa. Prices in Lesotho are given in the loti").
   */
  oneSentence?: boolean;
  /**
   * A log-prior per token [T], added to the log score of spans that start at it (sentencePrior):
   * the score becomes p(start) · p(end) · exp(prior[start]). None: the reader alone.
   */
  tokenPrior?: ArrayLike<number>;
  /**
   * The softmaxes also cover [CLS] (position 0), trained as "the answer is not in this window", as
   * Hugging Face's Python pipeline normalises: a window that says "not here" then gives all of its
   * spans a low probability, so spans of different windows compare. The best span inside one
   * window is the same either way (every probability of the window is scaled alike).
   */
  clsInSoftmax?: boolean;
}

/**
 * Token positions that end a sentence in a pair encoding's context: ".", "!" or "?" right after a
 * word of 3 characters or more without a full stop of its own (the word being the run of tokens
 * with no gap between them, so "Aruban flor ##in ." counts "florin") and followed by a gap before
 * the next token ("Peru. The", not "St. Louis", "U.S." or "3.5").
 */
export function sentenceEnds(e: Encoding): Set<number> {
  const ends = new Set<number>();
  for (let i = 1; i + 1 < e.ids.length; i++) {
    const [a, b] = e.offsets[i];
    if (e.typeIds[i] !== 1 || b - a !== 1 || !/^[.!?]$/.test(e.tokens[i])) continue;
    let first = i; // the first token of the word before the stop
    while (first > 0 && e.typeIds[first - 1] === 1 && e.offsets[first - 1][1] === e.offsets[first][0]) first--;
    const word = e.tokens.slice(first, i).join('');
    const wordBefore = first < i && e.offsets[i - 1][1] - e.offsets[first][0] >= 3 && !word.includes('.');
    if (wordBefore && e.offsets[i + 1][0] > b) ends.add(i);
  }
  return ends;
}

/** The best span of a pair encoding `e` from its start/end logits [T] (see the module comment and AnswerSpanOptions). */
export function bestAnswerSpan(
  startLogits: ArrayLike<number>,
  endLogits: ArrayLike<number>,
  e: Encoding,
  options: AnswerSpanOptions = {},
): AnswerSpan {
  const { maxAnswerTokens = Infinity, wholeWords = false, oneSentence = false, tokenPrior, clsInSoftmax } = options;
  const context = new Set(contextTokens(e));
  if (context.size === 0) throw new Error('bestAnswerSpan: the encoding has no context tokens (type id 1)');
  // whole words: no start on a continuation piece (##...), no end right before one
  const piece = (i: number) => wholeWords && (e.tokens[i]?.startsWith(WORDPIECE_PREFIX) ?? false);
  // one sentence: the span's sentence number (full stops before a token) is the same at both ends
  const ends = oneSentence ? sentenceEnds(e) : new Set<number>();
  const sentence: number[] = [];
  e.ids.forEach((_, i) => (sentence[i] = (sentence[i - 1] ?? 0) + (ends.has(i - 1) ? 1 : 0)));
  const kept = (i: number) => context.has(i) || (clsInSoftmax === true && i === 0);
  const masked = (logits: ArrayLike<number>) => Array.from(logits, (x, i) => (kept(i) ? x : -Infinity));
  const ps = softmax(masked(startLogits));
  const pe = softmax(masked(endLogits));
  const prior = (i: number) => (tokenPrior ? Math.exp(tokenPrior[i]) : 1);
  let best: AnswerSpan = { startToken: -1, endToken: -1, score: -1, probability: 0 };
  for (const s of context)
    for (const t of context) {
      const score = ps[s] * pe[t] * prior(s);
      if (
        t >= s &&
        t - s < maxAnswerTokens &&
        score > best.score &&
        !piece(s) &&
        !piece(t + 1) &&
        sentence[s] === sentence[t]
      )
        best = { startToken: s, endToken: t, score, probability: ps[s] * pe[t] };
    }
  return best;
}

/** [start, end) in the context (the second text of the pair) of a token span. */
export function answerCharSpan(
  e: Encoding,
  span: Pick<AnswerSpan, 'startToken' | 'endToken'>,
): { start: number; end: number } {
  return { start: e.offsets[span.startToken][0], end: e.offsets[span.endToken][1] };
}

/**
 * Where a decoded answer lies in the context: the first run of context tokens that decodes to it
 * (the pipeline's answer is such a decoded run: lowercased, accents stripped, and possibly starting
 * inside a word, as "ivorous mammal" from "carnivorous mammal").
 * Returns undefined when no run matches.
 */
export function answerOffsets(
  tokenizer: SubwordTokenizer,
  context: string,
  answer: string,
): { start: number; end: number; text: string } | undefined {
  const e = tokenizer.encode(context, { addSpecialTokens: false });
  const target = answer.trim();
  for (let i = 0; i < e.ids.length; i++)
    for (let j = i; j < e.ids.length; j++) {
      const decoded = tokenizer.decode(e.ids.slice(i, j + 1));
      if (decoded === target) {
        const [start, end] = [e.offsets[i][0], e.offsets[j][1]];
        return { start, end, text: context.slice(start, end) };
      }
      if (decoded.length > target.length) break;
    }
  return undefined;
}
