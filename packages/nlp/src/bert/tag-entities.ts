/**
 * Entities of a text from per-sub-word label probabilities, as the model was trained: the text
 * split into words (nerTokens), each word read at its first sub-word (or its sub-words pooled:
 * wordLabelRows), word tags decoded (by default
 * the most probable valid BIO sequence, see viterbiBioTags; a capitalised function word that opens
 * a sentence is read O unless `openerRule` is false, see openersOutside), then entities as spans of words with
 * character offsets into the text and the mean probability of their words' tags as the score.
 *
 * @example
 * const e = tokenizer.encode('Ann Kowalski flew to Lima.');
 * tagEntities('Ann Kowalski flew to Lima.', e.offsets, probabilities, NER_LABELS);
 * // [{ label: 'PER', start: 0, end: 12, text: 'Ann Kowalski', score: 0.97 }, { label: 'LOC', ... }]
 */
import { extractEntities } from '../ner-data/entity-metrics';
import { SubwordPooling, wordLabelRows } from '../ner-data/subword-labels';
import { nerTokens } from '../ner-data/ner-tokens';
import { viterbiBioTags } from '../ner-data/bio-viterbi';
import { openersOutside } from '../ner-data/opener-rule';

/**
 * How word tags are read from label probabilities: `viterbi` (default) the most probable valid
 * BIO sequence, `argmax` each word's most probable label (what transformers.js's pipeline gives
 * per token; it can break an entity, e.g. I-PER after O).
 */
export type NerDecoding = 'viterbi' | 'argmax';

/**
 * Word tags from the words' label probabilities (each word's first sub-word's, or its pooled
 * sub-words' with pooling `all`). With `openerText` (the text the word offsets index), the
 * sentence-opener rule applies first: a capitalised function word opening a sentence is read O
 * (openersOutside).
 */
export function decodeWordTags(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  subwordProbabilities: readonly (readonly number[])[],
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
  labels: readonly string[],
  decoding: NerDecoding = 'viterbi',
  pooling: SubwordPooling = 'first',
  openerText?: string,
): string[] {
  const outside: readonly number[] = labels.map((l) => (l === 'O' ? 1 : 0));
  const modelRows = wordLabelRows(wordOffsets, subwordProbabilities, subwordOffsets, labels, pooling, outside);
  const rows =
    openerText === undefined
      ? modelRows
      : openersOutside(
          modelRows,
          wordOffsets.map(([a, b]) => openerText.slice(a, b)),
          labels,
        );
  if (decoding === 'viterbi') return viterbiBioTags(rows, labels);
  return rows.map((r) => labels[r.indexOf(Math.max(...r))]);
}

export interface TaggedEntity {
  /** The type without its B-/I- prefix. */
  label: string;
  /** [start, end) into the text. */
  start: number;
  end: number;
  text: string;
  /** Mean probability of the entity's word tags. */
  score: number;
}

export function tagEntities(
  text: string,
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
  probabilities: readonly (readonly number[])[],
  labels: readonly string[],
  decoding: NerDecoding = 'viterbi',
  pooling: SubwordPooling = 'first',
  openerRule = true,
): TaggedEntity[] {
  const words = nerTokens(text);
  const wordOffsets = words.map((w): [number, number] => [w.start, w.end]);
  const tags = decodeWordTags(
    wordOffsets,
    probabilities,
    subwordOffsets,
    labels,
    decoding,
    pooling,
    openerRule ? text : undefined,
  );
  const rows = wordLabelRows(wordOffsets, probabilities, subwordOffsets, labels, pooling, undefined);
  return extractEntities(tags).map((e) => {
    const start = wordOffsets[e.start][0];
    const end = wordOffsets[e.end][1];
    const p = tags.slice(e.start, e.end + 1).map((t, i) => rows[e.start + i]?.[labels.indexOf(t)] ?? 0);
    return { label: e.type, start, end, text: text.slice(start, end), score: p.reduce((a, b) => a + b, 0) / p.length };
  });
}
