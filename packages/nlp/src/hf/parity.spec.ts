/**
 * The core check of the tokenizers: a tokenizer trained here, saved as a Hugging Face folder,
 * loads offline in transformers.js (AutoTokenizer.from_pretrained) and gives the same ids and the
 * same decoded text as the project's own encoder, on held-out WordNet gloss sentences.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { trainByteBpe } from '../tokenizers/bpe-trainer';
import { SubwordTokenizer } from '../tokenizers/subword-tokenizer';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { HfTokenizer, loadHfTokenizer } from './transformers';

const HELD_OUT = 1200;
// Inputs off the WordNet path: accents, ligatures, full-width letters, emoji, CJK, special tokens.
const EXTRA = [
  'Ｃafé naïve ﬁne — “quoted” 東京 🦓!',
  "It's 3.14, isn't it?",
  'a [MASK] b<|endoftext|>c',
  '  spaced   out\n\tlines  ',
];

/**
 * Seeded random strings over letters of several scripts, accents (composed and combining), ligatures,
 * full-width forms, digits, punctuation, emoji and odd whitespace.
 */
function fuzzStrings(n: number, seed: number): string[] {
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

let dir: string;
let train: string[];
let heldOut: string[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-parity-'));
  const all = wordnetGlossSentences({ files: ['data.verb', 'data.adj'] });
  train = all.filter((_, i) => i % 10 === 0).slice(0, 4000);
  const seen = new Set(train);
  heldOut = all.filter((s, i) => i % 10 === 5 && !seen.has(s)).slice(0, HELD_OUT);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Mismatch {
  text: string;
  what: string;
  ours: unknown;
  theirs: unknown;
}

function compare(ours: SubwordTokenizer, theirs: HfTokenizer, texts: string[]): Mismatch[] {
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

test('WordPiece: transformers.js gives the same ids and decoded text on 1,200 held-out sentences and 300 random Unicode strings', async () => {
  // Slow (~1-2 s): trains on 4,000 sentences, encodes 1,500 texts both ways
  expect(heldOut).toHaveLength(HELD_OUT);
  const ours = trainWordPiece(train, { vocabSize: 2000 });
  ours.save(path.join(dir, 'wordpiece'));
  const theirs = await loadHfTokenizer(path.join(dir, 'wordpiece'));
  expect(compare(ours, theirs, [...heldOut, ...EXTRA, ...fuzzStrings(300, 1)])).toEqual([]);
  // [CLS] and [SEP] are really there (the TemplateProcessing post-processor), and held-out words do get split
  const ids = theirs.encode(heldOut[0]);
  expect([ours.idToToken(ids[0]), ours.idToToken(ids[ids.length - 1])]).toEqual(['[CLS]', '[SEP]']);
  expect(heldOut.some((s) => ours.encode(s).tokens.some((t) => t.startsWith('##')))).toBe(true);
  // pairs: same ids (type ids are not returned by transformers.js's encode)
  for (let i = 0; i + 1 < 100; i += 2)
    expect(theirs.encode(heldOut[i], { text_pair: heldOut[i + 1] })).toEqual(
      ours.encodePair(heldOut[i], heldOut[i + 1]).ids,
    );
}, 30000);

test('byte-level BPE: transformers.js gives the same ids and decoded text on 1,200 held-out sentences and 300 random Unicode strings', async () => {
  // Slow (~1-2 s): trains on 4,000 sentences, encodes 1,500 texts both ways
  const ours = trainByteBpe(train, { vocabSize: 2000 });
  ours.save(path.join(dir, 'bpe'));
  const theirs = await loadHfTokenizer(path.join(dir, 'bpe'));
  expect(compare(ours, theirs, [...heldOut, ...EXTRA, ...fuzzStrings(300, 2)])).toEqual([]);
  expect(heldOut.every((s) => ours.decode(ours.encode(s).ids) === s)).toBe(true); // lossless
}, 30000);

test('a broken folder is reported by file before transformers.js sees it', async () => {
  await expect(loadHfTokenizer(path.join(dir, 'missing'))).rejects.toThrow(
    /missing\/tokenizer.json: cannot read the file \(ENOENT\)/,
  );
});
