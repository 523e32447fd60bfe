/**
 * Word times from a CTC alignment: the tokens between word delimiters form a word, which starts at
 * its first token's first frame and ends after its last token's last frame. CTC emissions are
 * peaky (a token often takes a single frame), so these are the times the model committed to the
 * characters, not phonetic boundaries.
 *
 * @example
 * // spans of H I | Y O, 20 ms frames
 * ctcWordTimings(spans, tokens, { frameSeconds: 0.02 }); // [{ word: 'HI', start: 0.1, end: 0.16 }, { word: 'YO', ... }]
 */
import { CtcTokenSpan } from './log-prob-rows';

export interface CtcWordTimingOptions {
  /** Seconds per model frame (hop / sample rate × the model's downsampling). */
  frameSeconds: number;
  /** The token that separates words ("|" in wav2vec2 vocabularies). */
  wordDelimiter?: string;
}

export interface WordTiming {
  word: string;
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
}

/** Words and their times from decoded spans; `tokens[id]` is each id's text. */
export function ctcWordTimings(
  spans: readonly CtcTokenSpan[],
  tokens: readonly string[],
  { frameSeconds, wordDelimiter = '|' }: CtcWordTimingOptions,
): WordTiming[] {
  if (!(frameSeconds > 0)) throw new Error(`ctcWordTimings: frameSeconds must be positive, got ${frameSeconds}`);
  const words: WordTiming[] = [];
  let current: CtcTokenSpan[] = [];
  const flush = () => {
    if (current.length > 0)
      words.push({
        word: current.map((s) => tokens[s.id]).join(''),
        start: current[0].start * frameSeconds,
        end: current[current.length - 1].end * frameSeconds,
      });
    current = [];
  };
  for (const span of spans) {
    if (tokens[span.id] === undefined) throw new Error(`ctcWordTimings: token id ${span.id} has no text in tokens`);
    if (tokens[span.id] === wordDelimiter) flush();
    else current.push(span);
  }
  flush();
  return words;
}
