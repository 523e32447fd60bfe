/**
 * BIO tags (IOB2: every entity starts with B-): validity, conversion from IOB1 (CoNLL-2003's
 * original scheme, where B- only separates two adjacent entities of one type), and tags from
 * character spans over tokens.
 *
 * @example
 * iob1ToBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']); // ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']
 */

/** A tag's prefix and type: 'B-PER' → ['B', 'PER']; 'O' → ['O', '']. */
export function splitTag(tag: string): [string, string] {
  if (tag === 'O') return ['O', ''];
  const dash = tag.indexOf('-');
  return dash < 0 ? [tag, ''] : [tag.slice(0, dash), tag.slice(dash + 1)];
}

const TAG = /^(?:O|[BI]-[^\s-][^\s]*)$/;

/** True when every tag is O, B-X or I-X, and every I-X follows B-X or I-X (IOB2). */
export function isValidBio(tags: readonly string[]): boolean {
  let prevType = '';
  for (const tag of tags) {
    if (!TAG.test(tag)) return false;
    const [prefix, type] = splitTag(tag);
    if (prefix === 'I' && type !== prevType) return false;
    prevType = prefix === 'O' ? '' : type;
  }
  return true;
}

/** IOB1 → IOB2 (BIO): an I-X that does not continue an X entity becomes B-X. BIO input is returned unchanged. */
export function iob1ToBio(tags: readonly string[]): string[] {
  let prevType = '';
  return tags.map((tag) => {
    const [prefix, type] = splitTag(tag);
    const out = prefix === 'I' && type !== prevType ? `B-${type}` : tag;
    prevType = prefix === 'O' ? '' : type;
    return out;
  });
}

/** A typed character span [start, end) in a text. */
export interface EntitySpan {
  type: string;
  start: number;
  end: number;
}

/**
 * BIO tags for tokens (given by their [start, end) offsets) from entity character spans: a token
 * inside a span is tagged with its type, B- on the span's first token. Tokens that only partly
 * overlap a span are tagged too (a span that cuts a token in two is the caller's bug to check).
 */
export function spansToBio(offsets: ReadonlyArray<readonly [number, number]>, spans: readonly EntitySpan[]): string[] {
  const tags = offsets.map(() => 'O');
  for (const span of spans) {
    let first = true;
    offsets.forEach(([start, end], i) => {
      if (start < span.end && end > span.start) {
        tags[i] = `${first ? 'B' : 'I'}-${span.type}`;
        first = false;
      }
    });
  }
  return tags;
}
