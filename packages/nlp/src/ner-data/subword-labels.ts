/**
 * Word-level BIO tags ↔ sub-word tokens (WordPiece/BPE), by character offsets, as Hugging Face's
 * token-classification recipe does: the first sub-word of a word takes the word's tag, the others
 * are ignored in the loss (null, Hugging Face's -100) or, with `labelAllSubwords`, take I- of the
 * word's type; special tokens and padding ([start, end) = [0, 0]) are null. Back from
 * predictions, each word takes the tag predicted for its first sub-word.
 *
 * @example
 * // words 'Ann' [0,3], 'Kowalski' [4,12]; sub-words [CLS] ann kow ##alski [SEP]
 * alignTagsToSubwords([[0, 3], [4, 12]], ['B-PER', 'I-PER'], [[0, 0], [0, 3], [4, 7], [7, 12], [0, 0]]);
 * // [null, 'B-PER', 'I-PER', null, null]
 */
import { splitTag } from './bio';

export interface AlignTagsOptions {
  /** Give later sub-words of a word I-<type> (or O) instead of null. */
  labelAllSubwords?: boolean;
}

/** For each sub-word, the index of the word it lies in (-1 for special tokens, padding and text between words). */
export function subwordWordIndex(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
): number[] {
  return subwordOffsets.map(([s, e]) => (e <= s ? -1 : wordOffsets.findIndex(([ws, we]) => s < we && e > ws)));
}

/** One label per sub-word: the word's tag on its first sub-word, null where the loss should ignore the token. */
export function alignTagsToSubwords(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  tags: readonly string[],
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
  options: AlignTagsOptions = {},
): Array<string | null> {
  if (wordOffsets.length !== tags.length)
    throw new Error(`alignTagsToSubwords: ${wordOffsets.length} words but ${tags.length} tags`);
  let previous = -1;
  return subwordWordIndex(wordOffsets, subwordOffsets).map((w) => {
    const first = w !== previous;
    previous = w;
    if (w < 0) return null;
    if (first) return tags[w];
    if (!options.labelAllSubwords) return null;
    const [prefix, type] = splitTag(tags[w]);
    return prefix === 'O' ? 'O' : `I-${type}`;
  });
}

/** Per-word values from per-sub-word ones: each word takes its first sub-word's value (`missing` when none of its sub-words survived truncation). */
export function firstSubwordValues<T>(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  subwordValues: readonly T[],
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
  missing: T,
): T[] {
  const values = wordOffsets.map((): T | undefined => undefined);
  subwordWordIndex(wordOffsets, subwordOffsets).forEach((w, i) => {
    if (w >= 0 && values[w] === undefined) values[w] = subwordValues[i];
  });
  return values.map((v) => v ?? missing);
}

/** Word tags from per-sub-word predictions: each word takes its first sub-word's tag (O when none of its sub-words survived truncation). */
export function wordTagsFromSubwords(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  subwordTags: readonly string[],
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
): string[] {
  return firstSubwordValues(wordOffsets, subwordTags, subwordOffsets, 'O');
}

/**
 * How a word's label probabilities are read from its sub-words: `first` (Hugging Face's recipe:
 * the first sub-word, the others untrained) or `all` (for models trained with labelAllSubwords:
 * each type's probability is the mean over all the word's sub-words, so that an ending such as
 * "##n" in "Venezuela ##n" counts; the split between B- and I- is the first sub-word's).
 */
export type SubwordPooling = 'first' | 'all';

/** One word's row from its sub-words' rows under `all` pooling (labels: 'O' and B-/I- pairs). */
function pooledRow(rows: readonly (readonly number[])[], labels: readonly string[]): number[] {
  const mean = labels.map((_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const first = rows[0];
  return labels.map((label, j) => {
    const [prefix, type] = splitTag(label);
    if (prefix === 'O') return mean[j];
    const b = labels.indexOf(`B-${type}`);
    const i = labels.indexOf(`I-${type}`);
    const typeMass = mean[b] + (i >= 0 ? mean[i] : 0);
    const boundary = first[b] + (i >= 0 ? first[i] : 0);
    return boundary > 0 ? (typeMass * first[j]) / boundary : typeMass / (i >= 0 ? 2 : 1);
  });
}

/** Per-word label probabilities from per-sub-word ones (`missing` for a word none of whose sub-words survived truncation). */
export function wordLabelRows<T extends readonly number[] | undefined>(
  wordOffsets: ReadonlyArray<readonly [number, number]>,
  subwordRows: readonly (readonly number[])[],
  subwordOffsets: ReadonlyArray<readonly [number, number]>,
  labels: readonly string[],
  pooling: SubwordPooling,
  missing: T,
): Array<readonly number[] | T> {
  if (pooling === 'first')
    return firstSubwordValues<readonly number[] | T>(wordOffsets, subwordRows, subwordOffsets, missing);
  const grouped: (readonly number[])[][] = wordOffsets.map(() => []);
  subwordWordIndex(wordOffsets, subwordOffsets).forEach((w, i) => {
    if (w >= 0) grouped[w].push(subwordRows[i]);
  });
  return grouped.map((rows) => (rows.length === 0 ? missing : pooledRow(rows, labels)));
}
