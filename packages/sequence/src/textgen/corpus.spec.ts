import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { corpusFromText, loadTextCorpus, loadNames, splitCorpus } from './corpus';
import { CharSequenceDataset, encodeItem, encodeItems, textgenVocabulary } from './sequences';
import { maskedSequenceCrossentropy } from './model';
import * as tf from '@tensorflow/tfjs';

describe('corpora', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'textgen-corpus-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names: the stdlib male and female lists, lowercased and deduplicated', () => {
    const names = loadNames();
    expect(names.length).toBe(8422); // 3,898 + 4,951 names, 427 shared once lowercased
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('aaron');
    expect(names).toContain('zoe');
    expect(names.every((n) => /^[a-z-]+$/.test(n))).toBe(true);
    expect(loadTextCorpus('names')).toMatchObject({ kind: 'lines', lowercase: true });
  });

  it('auto mode: short lines are items, long lines make running text cut into overlapping chunks', () => {
    const short = corpusFromText('Rex\r\n\n  Tyra  \nbob\n', 'short.txt');
    expect(short).toMatchObject({ kind: 'lines', items: ['Rex', '  Tyra', 'bob'] });
    const long = 'x'.repeat(50);
    const text = corpusFromText(`abcdefghij\n${long}`, 'long.txt', { chunkLength: 4 });
    expect(text.kind).toBe('chunks');
    expect(text.items[0]).toBe('abcde');
    expect(text.items[1]).toBe('efghi'); // overlaps by one: every character but the first is a target once
    expect(text.items.join('').length).toBeGreaterThan(60);
    expect(corpusFromText('AbC\n', 'x', { lowercase: true, mode: 'chunks', chunkLength: 2 }).items).toEqual(['abc']);
  });

  it('names the file when it is empty, missing or a directory', () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '\n  \n');
    expect(() => loadTextCorpus(empty)).toThrow(`corpus ${empty}: empty`);
    expect(() => loadTextCorpus(path.join(dir, 'nope.txt'))).toThrow(/nope\.txt: cannot read it \(no such file\)/);
    expect(() => loadTextCorpus(dir)).toThrow(/is a directory/);
    expect(() => corpusFromText('a', 'one.txt', { mode: 'chunks' })).toThrow(/one\.txt: too short/);
  });

  it('splits with a seed: same seed, same split; the parts partition the items', () => {
    const items = Array.from({ length: 50 }, (_, i) => `n${i}`);
    const a = splitCorpus(items, { validationFraction: 0.2, seed: 3 });
    expect(a).toEqual(splitCorpus(items, { validationFraction: 0.2, seed: 3 }));
    expect(a).not.toEqual(splitCorpus(items, { validationFraction: 0.2, seed: 4 }));
    expect(a.validation.length).toBe(10);
    expect([...a.train, ...a.validation].sort()).toEqual([...items].sort());
  });
});

describe('sequences', () => {
  beforeAll(() => initBackend());

  it('wraps items in the newline marker: input [\\n, chars], target [chars, \\n]', () => {
    const vocab = textgenVocabulary(['ann', 'bob'], 'lines');
    expect(vocab.tokens).toEqual(['<pad>', '\n', 'a', 'b', 'n', 'o']);
    expect(encodeItem('ann', vocab, 'lines')).toEqual({ input: [1, 2, 4, 4], target: [2, 4, 4, 1] });
    const chunks = textgenVocabulary(['the c'], 'chunks');
    expect(chunks.decode(encodeItem('the c', chunks, 'chunks').target).join('')).toBe('he c');
    expect(() => encodeItems(['ab', 'az'], vocab, 'lines')).toThrow('unknown token "z" in item 2 ("az")');
  });

  it('pads each batch to its longest sequence, and the masked loss ignores the padding', async () => {
    const vocab = textgenVocabulary(['ab', 'b'], 'lines'); // <pad> \n a b
    const ds = new CharSequenceDataset(encodeItems(['ab', 'b'], vocab, 'lines'));
    const batch = ds.batch([1, 0]);
    expect(batch.x.toString()).toBe(
      tf
        .tensor2d(
          [
            [1, 3, 0],
            [1, 2, 3],
          ],
          [2, 3],
          'int32',
        )
        .toString(),
    );
    expect(await batch.y.array()).toEqual([
      [3, 1, 0],
      [2, 3, 1],
    ]);
    // Uniform probabilities over 4 ids: every real target costs ln 4, padding nothing.
    const pred = tf.fill([2, 3, 4], 0.25);
    expect(maskedSequenceCrossentropy(batch.y, pred).dataSync()[0]).toBeCloseTo(Math.log(4), 5);
    // Make a padding position certain-wrong: the mean over the 5 real targets must not move.
    const skewed = tf.tensor3d([
      [
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
        [1, 0, 0, 0],
      ],
      [
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
      ],
    ]);
    expect(maskedSequenceCrossentropy(batch.y, skewed).dataSync()[0]).toBeCloseTo(Math.log(4), 5);
    tf.dispose([batch.x as tf.Tensor, batch.y, pred, skewed]);
    await expectNoLeak(() => {
      const b = ds.batch([0, 1]);
      const p = tf.fill([2, 3, 4], 0.25);
      tf.dispose([b.x as tf.Tensor, b.y, p, maskedSequenceCrossentropy(b.y, p)]);
    });
  });
});
