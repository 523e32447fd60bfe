/**
 * The parity check at full scale: both tokenizers trained on every 10th sentence of WordNet's
 * glosses (18,456 sentences, vocabulary 8,000) and compared with transformers.js on every
 * held-out 10th sentence (~18,400), all four data files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { trainByteBpe } from '../tokenizers/bpe-trainer';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { compare } from './__fixtures__/parity';
import { loadHfTokenizer } from './transformers';

test('WordPiece and byte-level BPE (vocabulary 8,000) match transformers.js on ~18,400 held-out sentences', async () => {
  // Slow (~16 s): trains two 8,000-token vocabularies on 18,456 sentences, encodes ~18,400 both ways
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-parity-full-'));
  try {
    const all = wordnetGlossSentences();
    const train = all.filter((_, i) => i % 10 === 0);
    const seen = new Set(train);
    const heldOut = all.filter((s, i) => i % 10 === 5 && !seen.has(s));
    expect(heldOut.length).toBeGreaterThan(18000);
    for (const [kind, tok] of [
      ['wordpiece', trainWordPiece(train, { vocabSize: 8000 })],
      ['bpe', trainByteBpe(train, { vocabSize: 8000 })],
    ] as const) {
      tok.save(path.join(dir, kind));
      const mismatches = compare(tok, await loadHfTokenizer(path.join(dir, kind)), heldOut);
      expect({ kind, mismatches: mismatches.slice(0, 5), count: mismatches.length }).toEqual({
        kind,
        mismatches: [],
        count: 0,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
