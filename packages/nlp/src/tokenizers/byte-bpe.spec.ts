import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ByteBpeTokenizer } from './byte-bpe';
import { BYTE_TO_UNICODE, fromByteLevel, toByteLevel } from './byte-level';
import { trainByteBpe } from './bpe-trainer';
import { loadTokenizer } from './load-tokenizer';

const corpus = [
  'The cat sat on the mat.',
  'The cats are sitting on mats!',
  'A dog sat; the dogs ran.',
  'Cats and dogs.',
];

describe('byte-level BPE', () => {
  const tok = trainByteBpe(corpus, { vocabSize: 300 });

  it('uses GPT-2 byte characters: printable bytes as themselves, space as Ġ, 256 distinct', () => {
    expect(BYTE_TO_UNICODE['A'.charCodeAt(0)]).toBe('A');
    expect(BYTE_TO_UNICODE[0x20]).toBe('Ġ');
    expect(BYTE_TO_UNICODE[0x0a]).toBe('Ċ');
    expect(new Set(BYTE_TO_UNICODE).size).toBe(256);
    expect(fromByteLevel(toByteLevel('né 東').chars)).toBe('né 東');
  });

  it('learns frequent words as single tokens, with their leading space', () => {
    expect(tok.encode(' sat on the').tokens).toEqual(['Ġsat', 'Ġon', 'Ġthe']);
    expect(tok.idToToken(0)).toBe('<|endoftext|>');
  });

  it('is lossless, also for text it never saw, and offsets cover the input exactly', () => {
    for (const input of ['The cats sat.', 'Zebras 🦓 naïvely  jump\n\tover 42 fences!', "it's what we'd do"]) {
      const e = tok.encode(input);
      expect(tok.decode(e.ids)).toBe(input);
      // consecutive offsets tile the input; a multi-byte character split across tokens gives both its span
      expect(e.offsets[0][0]).toBe(0);
      expect(e.offsets[e.offsets.length - 1][1]).toBe(input.length);
      e.tokens.forEach((t, i) => {
        const [s, end] = e.offsets[i];
        const bytes = fromByteLevel(t);
        if (!bytes.includes('\ufffd')) expect(input.slice(s, end)).toBe(bytes);
      });
    }
  });

  it('learns merges over the NUL byte too (byte characters never contain a NUL)', () => {
    const t = trainByteBpe(['a\u0000b a\u0000b a\u0000b'], { vocabSize: 260 });
    expect(t.decode(t.encode('a\u0000b').ids)).toBe('a\u0000b');
    expect(t.encode(' a\u0000b').ids.length).toBeLessThan(4); // merged, not one token per byte
  });

  it('merges lowest rank first, leftmost among equals', () => {
    // merges: a+a first. "aaa" -> "aa" "a" (leftmost), not "a" "aa"
    const vocab = ['<|endoftext|>', ...BYTE_TO_UNICODE, 'aa'];
    const t = ByteBpeTokenizer.fromMerges(vocab, [['a', 'a']]);
    expect(t.encode('aaa').tokens).toEqual(['aa', 'a']);
  });

  it('the end-of-text token is matched in text and kept by decode unless skipped', () => {
    const e = tok.encode('cat<|endoftext|>dog');
    expect(e.tokens).toContain('<|endoftext|>');
    expect(tok.decode(e.ids)).toBe('cat<|endoftext|>dog');
    expect(tok.decode(e.ids, { skipSpecialTokens: true })).toBe('catdog');
  });

  it('saves a GPT2Tokenizer folder and loads it back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bpe-'));
    try {
      tok.save(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer_config.json'), 'utf8')).tokenizer_class).toBe(
        'GPT2Tokenizer',
      );
      expect(ByteBpeTokenizer.load(dir).encode(corpus[1]).ids).toEqual(tok.encode(corpus[1]).ids);
      expect(loadTokenizer(dir)).toBeInstanceOf(ByteBpeTokenizer);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a vocabulary smaller than the bytes and an empty corpus', () => {
    expect(() => trainByteBpe(corpus, { vocabSize: 100 })).toThrow(/vocabSize must be an integer >= 257, got 100/);
    expect(() => trainByteBpe([], { vocabSize: 300 })).toThrow(/no words \(0 sentences/);
  });
});
