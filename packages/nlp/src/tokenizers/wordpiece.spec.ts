import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { trainWordPiece } from './wordpiece-trainer';
import { learnMerges } from './bpe-merges';
import { loadTokenizer } from './load-tokenizer';
import { WordPieceTokenizer } from './wordpiece';

const corpus = [
  'The cat sat on the mat.',
  'The cats are sitting on mats!',
  'A dog sat; the dogs ran.',
  'Cats and dogs, cats and dogs.',
  'Café owners sat outside the café.',
];

describe('WordPiece training and encoding', () => {
  const tok = trainWordPiece(corpus, { vocabSize: 80 });

  it('puts the BERT specials first, then the alphabet with ## continuations, then merged pieces', () => {
    expect([0, 1, 2, 3, 4].map((i) => tok.idToToken(i))).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(tok.tokenToId('##s')).toBeDefined();
    expect(tok.tokenToId('cats')).toBeDefined(); // frequent words become whole pieces
    expect(tok.vocabSize).toBeLessThanOrEqual(80);
  });

  it('wraps text in [CLS] ... [SEP], splits words into pieces, and points each token back into the input', () => {
    const input = 'The CATS sat, Cafés!';
    const e = tok.encode(input);
    expect(e.tokens[0]).toBe('[CLS]');
    expect(e.tokens[e.tokens.length - 1]).toBe('[SEP]');
    expect(e.offsets[0]).toEqual([0, 0]);
    // each piece (without ##) is the lowercased, accent-stripped slice of the input it came from
    e.tokens.slice(1, -1).forEach((t, i) => {
      const [s, end] = e.offsets[i + 1];
      expect(input.slice(s, end).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')).toBe(t.replace(/^##/, ''));
    });
    expect(e.attentionMask.every((m) => m === 1)).toBe(true);
    expect(tok.decode(e.ids, { skipSpecialTokens: true })).toBe('the cats sat, cafes!');
    expect(tok.decode(e.ids)).toBe('[CLS] the cats sat, cafes! [SEP]');
  });

  it('an unsplittable word becomes [UNK] spanning the word', () => {
    const e = tok.encode('cat xyz');
    const unk = e.tokens.indexOf('[UNK]');
    expect(e.offsets[unk]).toEqual([4, 7]);
  });

  it('pairs get type ids 0 then 1; truncation trims the longer text; padding masks', () => {
    const e = tok.encodePair('the cat', 'the dogs ran on the mats', { maxLength: 10, padding: 'max_length' });
    expect(e.ids).toHaveLength(10);
    const sep = e.tokens.indexOf('[SEP]');
    expect(e.typeIds.slice(0, sep + 1).every((t) => t === 0)).toBe(true);
    expect(e.typeIds[sep + 1]).toBe(1);
    const longer = tok.encodePair('the cat', 'the dogs ran on the mats');
    expect(longer.ids.length).toBeGreaterThan(10);
    expect(e.tokens.slice(0, sep + 1)).toEqual(longer.tokens.slice(0, sep + 1)); // the short text is kept whole
    const n = tok.encode('cats').ids.length;
    const padded = tok.encode('cats', { maxLength: n + 3, padding: 'max_length' });
    expect(padded.tokens.slice(n)).toEqual(['[PAD]', '[PAD]', '[PAD]']);
    expect(padded.attentionMask).toEqual([...Array(n).fill(1), 0, 0, 0]);
    const batch = tok.encodeBatch(['cat', 'the cats sat on the mat'], { padding: 'longest' });
    expect(batch[0].ids.length).toBe(batch[1].ids.length);
    expect(() => tok.encode('cat', { maxLength: 1 })).toThrow(/no room/);
    expect(() => tok.encode('cat', { padding: 'max_length' })).toThrow(/needs maxLength/);
  });

  it('special tokens written in the text are matched whole', () => {
    const e = tok.encode('cats [MASK] sat', { addSpecialTokens: false });
    expect(e.tokens).toEqual(['cats', '[MASK]', 'sat']);
    expect(e.offsets[1]).toEqual([5, 11]);
  });

  it('saves a Hugging Face folder and loads it back to the same encoder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-wp-'));
    try {
      tok.save(dir);
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer_config.json'), 'utf8'));
      expect(config).toMatchObject({ tokenizer_class: 'BertTokenizer', cls_token: '[CLS]', sep_token: '[SEP]' });
      const back = WordPieceTokenizer.load(dir);
      expect(back.encode(corpus[1]).ids).toEqual(tok.encode(corpus[1]).ids);
      expect(loadTokenizer(dir)).toBeInstanceOf(WordPieceTokenizer);
      // a foreign normalizer is refused with the file named, rather than encoded differently
      const file = path.join(dir, 'tokenizer.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...json, normalizer: { type: 'BertNormalizer' } }));
      expect(() => loadTokenizer(dir)).toThrow(/tokenizer.json: expected the normalizer this project writes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an empty corpus and a vocabulary too small for the specials', () => {
    expect(() => trainWordPiece(['', '  '], { vocabSize: 100 })).toThrow(/no words \(2 sentences/);
    expect(() => trainWordPiece(corpus, { vocabSize: 3 })).toThrow(/vocabSize must be an integer >= 6, got 3/);
  });
});

describe('learnMerges', () => {
  it('merges the most frequent pair first, ties by symbol order, and skips words with a NUL', () => {
    const words = new Map([
      ['abab', { symbols: [...'abab'], count: 2 }], // ab: 4, ba: 2
      ['cd', { symbols: [...'cd'], count: 2 }], // cd: 2
      ['x\u0000', { symbols: ['x', '\u0000'], count: 99 }],
    ]);
    const merges = learnMerges(words, { maxMerges: 10, minFrequency: 2, join: (a, b) => a + b });
    expect(merges).toEqual([
      ['a', 'b', 'ab'],
      ['ab', 'ab', 'abab'],
      ['c', 'd', 'cd'],
    ]);
  });
});
