/**
 * Shared by the parity specs: compare the project's encoder with transformers.js on a list of
 * texts (ids, decoded text with and without special tokens, and the sanity of our offsets), and
 * the inputs off the WordNet path and random strings the unit spec adds.
 */
import { Rng } from '@dlkit/core';
import { SubwordTokenizer } from '../../tokenizers/subword-tokenizer';
import { HfTokenizer } from '../transformers';

// Inputs off the WordNet path: accents, ligatures, full-width letters, emoji, CJK, special tokens.
export const EXTRA = [
  'Ｃafé naïve ﬁne — “quoted” 東京 🦓!',
  "It's 3.14, isn't it?",
  'a [MASK] b<|endoftext|>c',
  '  spaced   out\n\tlines  ',
];

/**
 * Seeded random strings over letters of several scripts, accents (composed and combining), ligatures,
 * full-width forms, digits, punctuation, emoji and odd whitespace.
 */
export function fuzzStrings(n: number, seed: number): string[] {
  const rng = new Rng(seed);
  const pieces = [
    ...'abcXYZéÉñßøΣσςДжλ東京한글ﬁﬀＡｂ１²½İı',
    'e\u0301',
    'a\u0308',
    ...'.,;:!?\'"()[]{}-—–…“”«»/\\@#$%&*+=<>|~^_`',
    '🦓',
    '👍🏽',
    '\u00a0',
    '\t',
    '\n',
    '  ',
    ' ',
    ' ',
    ' ',
    '123',
    "n't",
    "'s",
    '[SEP]',
    '<|endoftext|>',
  ];
  return Array.from({ length: n }, () =>
    Array.from({ length: 1 + rng.int(25) }, () => pieces[rng.int(pieces.length)]).join(''),
  );
}

export interface Mismatch {
  text: string;
  what: string;
  ours: unknown;
  theirs: unknown;
}

export function compare(ours: SubwordTokenizer, theirs: HfTokenizer, texts: string[]): Mismatch[] {
  const bad: Mismatch[] = [];
  const check = (text: string, what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) bad.push({ text, what, ours: a, theirs: b });
  };
  for (const text of texts) {
    const e = ours.encode(text);
    const ids = e.ids;
    // our offsets (transformers.js has none): inside the input, non-empty, in order
    const spans = e.offsets.filter((_, i) => !ours.isSpecial(e.ids[i]) || e.offsets[i][1] > 0);
    const ordered = spans.every(
      ([a, b], i) => 0 <= a && a < b && b <= text.length && (i === 0 || spans[i - 1][0] <= a),
    );
    check(text, 'offsets in order inside the input', ordered, true);
    check(text, 'ids', ids, theirs.encode(text));
    check(text, 'decode', ours.decode(ids), theirs.decode(ids));
    check(
      text,
      'decode skipping specials',
      ours.decode(ids, { skipSpecialTokens: true }),
      theirs.decode(ids, { skip_special_tokens: true }),
    );
  }
  return bad;
}
