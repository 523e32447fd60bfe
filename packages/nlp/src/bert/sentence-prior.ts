/**
 * A retrieval prior for extractive QA (as in DrQA's retriever-reader): each context token gets
 * `weight` × the number of distinct question words its sentence shares (the overlap baseline's
 * sentence score), added to the log score of spans that start there (bestAnswerSpan's
 * `tokenPrior`). The reader still places the answer; the prior tips it towards the sentence that
 * is about what the question asks ("What is the capital of Peru?" → the sentence naming Peru, not
 * "The capital of Chad is N'Djamena."). Weight 0 is the reader alone.
 *
 * @example
 * const e = tokenizer.encodePair(question, context);
 * bestAnswerSpan(start, end, e, { tokenPrior: sentencePrior(e, context, question, 1) });
 */
import { sentenceOverlaps } from '../qa-data/overlap-baseline';
import { Encoding } from '../tokenizers/encoding';

/**
 * The default weight, chosen on generated validation questions of the train countries (renamed,
 * 200; seed 99) with the first default reader: EM 39.5 (weight 0), 47.0 (0.5), 51.0 (1), 54.5 (2),
 * 56.5 (4), 52.0 (8), 46.0 (16) (`node packages/nlp/bench/qa-sentence-prior.js`).
 */
export const SENTENCE_PRIOR_WEIGHT = 4;

/** Per-token log-prior [T] of a pair encoding of (question, context): 0 outside the context. */
export function sentencePrior(e: Encoding, context: string, question: string, weight: number): number[] {
  const prior = new Array<number>(e.ids.length).fill(0);
  if (weight === 0) return prior;
  const sentences = sentenceOverlaps(context, question);
  e.ids.forEach((_, i) => {
    if (e.typeIds[i] !== 1 || e.offsets[i][1] <= e.offsets[i][0]) return; // the question, [SEP]
    const at = e.offsets[i][0];
    const s = sentences.find(({ range: [a, b] }) => at >= a && at < b);
    if (s) prior[i] = weight * s.overlap;
  });
  return prior;
}
