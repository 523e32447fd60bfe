/**
 * The rule-based baseline: `compromise`'s people(), places() and organizations() as PER, LOC and
 * ORG character spans, then BIO tags on the same word tokens as the gold data (compromise has no
 * MISC). Where compromise's matches overlap, the longer one wins; punctuation at a match's edges
 * ("New York." ends with the full stop) and a title before a name ("Dr.", "President") are left
 * out, as CoNLL-2003 tags them O.
 *
 * @example
 * compromiseNer('Angela Merkel met Siemens executives in Munich.');
 * // [{ type: 'PER', start: 0, end: 13 }, { type: 'ORG', start: 18, end: 25 }, { type: 'LOC', start: 40, end: 46 }]
 */
import nlp from 'compromise';
import { EntitySpan } from './bio';
import { TaggedSentence } from './conll';
import { detokenize, nerTokens } from './ner-tokens';

interface OffsetMatch {
  offset: { start: number; length: number };
}

const WORDLIKE = /[\p{L}\p{N}]/u;
/** Titles compromise keeps inside a person match but CoNLL-2003 tags O ("Dr. Jane Goodall" → "Jane Goodall"). */
const LEADING_TITLE =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Gen|Sen|Rep|Gov|Capt|Col|Lt|Sgt)\.?|President|Prime Minister|Minister|Chancellor|King|Queen|Coach|Judge|Mayor)\s+/;

/** compromise's PER/LOC/ORG matches in `text`, as character spans sorted by start. */
export function compromiseNer(text: string): EntitySpan[] {
  const doc = nlp(text);
  const groups: Array<[string, OffsetMatch[]]> = [
    ['PER', doc.people().json({ offset: true }) as OffsetMatch[]],
    ['LOC', doc.places().json({ offset: true }) as OffsetMatch[]],
    ['ORG', doc.organizations().json({ offset: true }) as OffsetMatch[]],
  ];
  const spans: EntitySpan[] = [];
  for (const [type, matches] of groups) {
    for (const { offset } of matches) {
      let start = offset.start;
      let end = offset.start + offset.length;
      const title = type === 'PER' ? LEADING_TITLE.exec(text.slice(start, end)) : null;
      if (title) start += title[0].length;
      while (start < end && !WORDLIKE.test(text[start])) start++;
      while (end > start && !WORDLIKE.test(text[end - 1])) end--;
      if (end > start) spans.push({ type, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * BIO tags from character spans on tokens given by offsets: longest spans first, a token takes
 * the first span that covers it, a span that would share a token with a longer one is dropped,
 * and punctuation tokens at a span's edges stay O.
 */
export function spansToTokenTags(
  tokens: readonly string[],
  offsets: ReadonlyArray<readonly [number, number]>,
  spans: readonly EntitySpan[],
): string[] {
  const tags = tokens.map(() => 'O');
  const bySize = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of bySize) {
    const inside = offsets.map((_, i) => i).filter((i) => offsets[i][0] < span.end && offsets[i][1] > span.start);
    while (inside.length > 0 && !WORDLIKE.test(tokens[inside[0]])) inside.shift();
    while (inside.length > 0 && !WORDLIKE.test(tokens[inside[inside.length - 1]])) inside.pop();
    if (inside.length === 0 || inside.some((i) => tags[i] !== 'O')) continue;
    inside.forEach((i, k) => (tags[i] = `${k === 0 ? 'B' : 'I'}-${span.type}`));
  }
  return tags;
}

/** compromise's BIO tags for a text tokenised with nerTokens. */
export function compromiseTextTags(text: string): TaggedSentence {
  const words = nerTokens(text);
  const tokens = words.map((t) => t.text);
  const offsets = words.map((t): [number, number] => [t.start, t.end]);
  return { tokens, tags: spansToTokenTags(tokens, offsets, compromiseNer(text)) };
}

/** compromise's BIO tags for already tokenised words (a CoNLL sentence): the words are joined into text (detokenize) first. */
export function compromiseTokenTags(tokens: readonly string[]): string[] {
  const { text, offsets } = detokenize(tokens);
  return spansToTokenTags(tokens, offsets, compromiseNer(text));
}
