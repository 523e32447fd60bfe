import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { charTokenizerJson, writeCharTokenizer } from './char-tokenizer';
import { HfTokenizerJson, readTokenizerJson, TokenizerFileError, validateTokenizerJson } from './hf-tokenizer-json';
import { readTokenizerFolder, writeTokenizerFolder } from './hf-tokenizer-folder';
import { Vocabulary } from './vocabulary';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-tok-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const vocab = new Vocabulary(['<pad>', '<unk>', '|', ...'ABC'], { unknownToken: '<unk>' });
const chars = () => charTokenizerJson(vocab, { padToken: '<pad>', wordDelimiterToken: '|' });

describe('tokenizer.json reading and validation', () => {
  it('round-trips a character tokenizer folder, with the special tokens by role', () => {
    const files = writeCharTokenizer(dir, vocab, { padToken: '<pad>', wordDelimiterToken: '|' });
    expect(files.map((f) => path.basename(f))).toEqual([
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
    ]);
    const { tokenizer, config } = readTokenizerFolder(dir);
    expect(tokenizer.model.vocab).toEqual({ '<pad>': 0, '<unk>': 1, '|': 2, A: 3, B: 4, C: 5 });
    expect(tokenizer.decoder).toMatchObject({ type: 'CTC', pad_token: '<pad>', word_delimiter_token: '|' });
    // the pad/blank must not be an added token (transformers.js would drop it before collapsing repeats)
    expect(tokenizer.added_tokens.map((t) => t.content)).toEqual(['<unk>']);
    expect(config).toMatchObject({ tokenizer_class: 'Wav2Vec2CTCTokenizer', word_delimiter_token: '|' });
    expect(JSON.parse(fs.readFileSync(files[2], 'utf8'))).toEqual({ unk_token: '<unk>', pad_token: '<pad>' });
  });

  it('a character tokenizer needs an unknown token and its special tokens in the vocabulary', () => {
    expect(() => charTokenizerJson(new Vocabulary(['a']), { padToken: 'a' })).toThrow(/unknownToken/);
    expect(() => charTokenizerJson(vocab, { padToken: '[PAD]' })).toThrow(/padToken "\[PAD\]" is not in/);
  });

  it('names the file and the expectation for a missing file, bad JSON and bad content', () => {
    const file = path.join(dir, 'tokenizer.json');
    expect(() => readTokenizerJson(file)).toThrow(`${file}: cannot read the file (ENOENT)`);
    fs.writeFileSync(file, '{"model": ');
    expect(() => readTokenizerJson(file)).toThrow(TokenizerFileError);
    expect(() => readTokenizerJson(file)).toThrow(new RegExp(`^${file}: expected JSON`));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks the typed shape on purpose
    const bad = (patch: (j: Record<string, any>) => void): (() => void) => {
      const j = JSON.parse(JSON.stringify(chars().tokenizer));
      patch(j);
      return () => validateTokenizerJson(j, 'x/tokenizer.json');
    };
    expect(bad((j) => (j.model.type = 'Unigram'))).toThrow(
      /x\/tokenizer.json: expected "model.type" to be one of WordPiece, BPE, WordLevel, got "Unigram"/,
    );
    expect(bad((j) => (j.model.vocab.B = 3))).toThrow(/distinct integers 0..5, got 3 for "B"/);
    expect(bad((j) => (j.model.unk_token = '[UNK]'))).toThrow(/"model.unk_token" to be a token of the vocabulary/);
    expect(bad((j) => delete j.decoder)).toThrow(/expected a "decoder" field/);
    expect(bad((j) => (j.added_tokens[0].id = 4))).toThrow(/added token "<unk>" has id 4 but the vocabulary says 1/);
    expect(bad((j) => Object.assign(j.model, { type: 'BPE', merges: [['A', 'Z']] }))).toThrow(
      /merge 0 to be a pair of vocabulary tokens/,
    );
  });

  it('refuses to write a config whose special tokens are not in tokenizer.json, and writes nothing', () => {
    const { tokenizer } = chars();
    expect(() =>
      writeTokenizerFolder(dir, { tokenizer, config: { tokenizer_class: 'X', sep_token: '[SEP]' } }),
    ).toThrow(/tokenizer_config.json: expected "sep_token" to be a token of tokenizer.json, got "\[SEP\]"/);
    expect(() => writeTokenizerFolder(dir, { tokenizer, config: {} as never })).toThrow(/"tokenizer_class"/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reading a folder checks tokenizer_config.json too', () => {
    writeCharTokenizer(dir, vocab, { padToken: '<pad>' });
    fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), '[]');
    expect(() => readTokenizerFolder(dir)).toThrow(/tokenizer_config.json: expected a JSON object/);
    const json: HfTokenizerJson = readTokenizerJson(path.join(dir, 'tokenizer.json'));
    expect(json.decoder).toBeNull();
  });
});
