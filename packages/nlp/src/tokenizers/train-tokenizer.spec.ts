import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadTokenizer } from './load-tokenizer';
import { readCorpusLines, trainTokenizer } from './train-tokenizer';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-train-tok-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('trainTokenizer', () => {
  it('trains from a text file, one sentence per line, and writes a folder that loads back', () => {
    const corpus = path.join(dir, 'corpus.txt');
    fs.writeFileSync(corpus, 'the cat sat on the mat\n\n  \nthe dog sat on the log\r\nthe cat ran\n');
    const out = path.join(dir, 'tok');
    const r = trainTokenizer({ corpus, kind: 'bpe', vocabSize: 300, outDir: out, example: 'the cat' });
    expect(r).toMatchObject({ task: 'tokenizer', kind: 'bpe', sentences: 3, example: { tokens: ['the', 'Ġcat'] } });
    expect(r.files.map((f) => path.relative(out, f))).toEqual([
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
    ]);
    expect(loadTokenizer(out).vocabSize).toBe(r.vocabSize);
  });

  it('names the corpus file when it is missing or empty', () => {
    expect(() => readCorpusLines(path.join(dir, 'none.txt'))).toThrow(/none.txt: cannot read the corpus \(ENOENT\)/);
    fs.writeFileSync(path.join(dir, 'blank.txt'), '\n \n');
    expect(() => readCorpusLines(path.join(dir, 'blank.txt'))).toThrow(
      /blank.txt: expected a text corpus, one sentence per line/,
    );
  });
});
