import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-tok-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dlkit tokenizer train', () => {
  it('trains on a text file and prints one JSON object naming the files', async () => {
    const corpus = path.join(tmp, 'corpus.txt');
    fs.writeFileSync(corpus, 'the cat sat on the mat\nthe dog sat on the log\nthe cat ran\n');
    const out = path.join(tmp, 'tok');
    const r = await runCli(
      'tokenizer',
      'train',
      '--corpus',
      corpus,
      '--kind',
      'wordpiece',
      '--vocab-size',
      '300',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const json = r.json<{ task: string; kind: string; sentences: number; vocab: number; files: string[] }>();
    expect(json).toMatchObject({ task: 'tokenizer', kind: 'wordpiece', sentences: 3 });
    expect(json.files).toEqual(
      ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json'].map((f) => path.join(out, f)),
    );
    expect(json.files.every((f) => fs.existsSync(f))).toBe(true);
    expect(JSON.parse(fs.readFileSync(json.files[1], 'utf8')).tokenizer_class).toBe('BertTokenizer');
  });

  it('usage errors exit 2 naming the flag; an empty corpus exits 1 naming the file', async () => {
    const kind = await runCli('tokenizer', 'train', '--kind', 'unigram');
    expect([kind.code, kind.stderr]).toEqual([2, expect.stringContaining('--kind must be one of wordpiece, bpe')]);
    const size = await runCli('tokenizer', 'train', '--vocab-size', '10');
    expect([size.code, size.stderr]).toEqual([
      2,
      expect.stringContaining('--vocab-size must be an integer in [257, 1000000]'),
    ]);
    const missing = await runCli('tokenizer', 'train', '--corpus', path.join(tmp, 'none.txt'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('none.txt: no such file')]);
    const blank = path.join(tmp, 'blank.txt');
    fs.writeFileSync(blank, '\n\n');
    const empty = await runCli('tokenizer', 'train', '--corpus', blank, '--out', path.join(tmp, 'o'));
    expect([empty.code, empty.stderr]).toEqual([
      1,
      expect.stringContaining('blank.txt: expected a text corpus, one sentence per line'),
    ]);
  });
});
