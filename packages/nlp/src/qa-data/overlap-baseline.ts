/**
 * The word-overlap QA baseline: take the context sentence that shares the most words with the
 * question (the first on a tie), and answer with the longest run of its words that are not in the
 * question (the first on a tie). Words are compared lowercased, with a possessive "'s" split off
 * ("Chile's" matches "Chile"); punctuation neither counts nor
 * breaks a run ("Spain, France and Italy" stays one run), and the answer starts and ends on words.
 *
 * @example
 * overlapBaselineAnswer('Lima is in Peru. The capital of Chile is Santiago.', 'What is the capital of Chile?');
 * // { text: 'Santiago', start: 41 }
 */
import { nerTokens } from '../ner-data/ner-tokens';
import { WordToken } from '../text/word-tokenizer';
import { QaAnswer, QaExample } from './generate-qa';

const IS_WORD = /[\p{L}\p{N}]/u;

/** Lowercased word tokens, possessive split off (nerTokens). */
const words = (text: string): WordToken[] => nerTokens(text).map((t) => ({ ...t, text: t.text.toLowerCase() }));

/** The context's sentences as [start, end) character ranges (empty ones dropped). */
export function sentenceRanges(context: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < context.length; i++) {
    if (/[.!?]/.test(context[i]) && (i + 1 === context.length || /\s/.test(context[i + 1]))) {
      ranges.push([start, i + 1]);
      start = i + 1;
    }
  }
  ranges.push([start, context.length]);
  return ranges
    .map(([s, e]): [number, number] => {
      while (s < e && /\s/.test(context[s])) s++;
      return [s, e];
    })
    .filter(([s, e]) => context.slice(s, e).trim() !== '');
}

/** The question's distinct words (lowercased, possessive split off, punctuation dropped). */
export function questionWords(question: string): Set<string> {
  return new Set(
    words(question)
      .filter((t) => IS_WORD.test(t.text))
      .map((t) => t.text),
  );
}

export interface SentenceOverlap {
  /** [start, end) of the sentence in the context. */
  range: [number, number];
  /** Its words, with offsets in the context. */
  tokens: WordToken[];
  /** How many distinct question words it contains. */
  overlap: number;
}

/** Each context sentence (sentenceRanges) with the number of distinct question words it shares. */
export function sentenceOverlaps(context: string, question: string): SentenceOverlap[] {
  const asked = questionWords(question);
  return sentenceRanges(context).map(([s, e]) => {
    const tokens = words(context.slice(s, e)).map((t) => ({ ...t, start: t.start + s, end: t.end + s }));
    return { range: [s, e], tokens, overlap: new Set(tokens.filter((t) => asked.has(t.text)).map((t) => t.text)).size };
  });
}

/** The baseline's answer span, or an empty answer at 0 for an empty context. */
export function overlapBaselineAnswer(context: string, question: string): QaAnswer {
  const asked = questionWords(question);
  let best: WordToken[] = [];
  let bestOverlap = -1;
  for (const { tokens, overlap } of sentenceOverlaps(context, question))
    if (overlap > bestOverlap) [best, bestOverlap] = [tokens, overlap];
  // Longest run of words not in the question; punctuation inside a run is kept, at its edges dropped.
  let runStart = -1;
  let runWords = 0;
  let top = { words: 0, first: -1, last: -1 };
  best.forEach((t, i) => {
    if (!IS_WORD.test(t.text)) return;
    if (asked.has(t.text)) {
      runStart = -1;
      runWords = 0;
      return;
    }
    if (runStart < 0) runStart = i;
    runWords++;
    if (runWords > top.words) top = { words: runWords, first: runStart, last: i };
  });
  if (top.words === 0) return { text: '', start: 0 };
  const start = best[top.first].start;
  const end = best[top.last].end;
  return { text: context.slice(start, end), start };
}

/** The baseline's predictions for examples, by id (the input of squadEvaluate). */
export function overlapBaselinePredictions(examples: readonly QaExample[]): Record<string, string> {
  return Object.fromEntries(examples.map((ex) => [ex.id, overlapBaselineAnswer(ex.context, ex.question).text]));
}
