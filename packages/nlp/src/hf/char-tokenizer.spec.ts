/**
 * The character-level CTC tokenizer that sequence writes (for audio's speech models) loads in
 * transformers.js: spaces encode as the word delimiter, and decoding drops blanks, collapses
 * repeats and turns the delimiter back into spaces.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Vocabulary, writeCharTokenizer } from '@dlkit/sequence';
import { loadHfTokenizer } from './transformers';

test('a character CTC tokenizer from sequence encodes and decodes in transformers.js', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-ctc-'));
  try {
    const vocab = new Vocabulary(['<pad>', '<unk>', '|', ...'ABCDEHLORW'], { unknownToken: '<unk>' });
    writeCharTokenizer(dir, vocab, { padToken: '<pad>', wordDelimiterToken: '|' });
    const hf = await loadHfTokenizer(dir);
    expect(hf.encode('HELLO WORLD')).toEqual(vocab.encode('HELLO|WORLD'));
    expect(hf.encode('HEX')).toEqual([...vocab.encode('HE'), vocab.id('<unk>')]);
    // a CTC frame sequence: '_' is the blank (<pad>); repeats collapse unless a blank separates them
    const frames = 'HHE_LL_LOO||WW_OR_LDD'.split('').map((c) => vocab.id(c === '_' ? '<pad>' : c));
    expect(hf.decode(frames)).toBe('HELLO WORLD');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
