/**
 * The core check of the tokenizers: a tokenizer trained here, saved as a Hugging Face folder,
 * loads offline in transformers.js (AutoTokenizer.from_pretrained) and gives the same ids and the
 * same decoded text as the project's own encoder, on held-out WordNet gloss sentences.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { trainByteBpe } from '../tokenizers/bpe-trainer';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { compare, EXTRA, fuzzStrings } from './__fixtures__/parity';
import { loadHfTokenizer } from './transformers';

const HELD_OUT = 1200;
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
