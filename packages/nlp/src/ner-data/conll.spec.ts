import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatConll, parseConll, readConll, writeConll } from './conll';

const CONLL_2003 = `-DOCSTART- -X- -X- O

EU NNP B-NP I-ORG
rejects VBZ B-VP O
German JJ B-NP I-MISC
call NN I-NP O
. . O O

Peter NNP B-NP I-PER
Blackburn NNP I-NP I-PER

S. NNP B-NP I-LOC
Africa NNP I-NP I-LOC
`;

describe('CoNLL-2003 reader and writer', () => {
  test('reads the four-column format, skips -DOCSTART-, converts IOB1 to BIO', () => {
    expect(parseConll(CONLL_2003, 'eng.train')).toEqual([
      { tokens: ['EU', 'rejects', 'German', 'call', '.'], tags: ['B-ORG', 'O', 'B-MISC', 'O', 'O'] },
      { tokens: ['Peter', 'Blackburn'], tags: ['B-PER', 'I-PER'] },
      { tokens: ['S.', 'Africa'], tags: ['B-LOC', 'I-LOC'] },
    ]);
  });
  test('reads "word TAG" with CRLF line ends; writes what it reads back', () => {
    const sentences = parseConll('Ann B-PER\r\nsmiled O\r\n\r\n\r\nRome B-LOC\r\n', 'x');
    expect(sentences).toEqual([
      { tokens: ['Ann', 'smiled'], tags: ['B-PER', 'O'] },
      { tokens: ['Rome'], tags: ['B-LOC'] },
    ]);
    expect(formatConll(sentences)).toBe('Ann B-PER\nsmiled O\n\nRome B-LOC\n\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-conll-')), 'a.conll');
    writeConll(file, sentences);
    expect(readConll(file)).toEqual(sentences);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
  test('a malformed line is an error naming the file and line', () => {
    expect(() => parseConll('Ann B-PER\nsmiled\n', 'my.conll')).toThrow(/^my\.conll:2: expected "word TAG"/);
    expect(() => parseConll('Ann NNP B-NP B-PER\nsmiled VBD O\n', 'my.conll')).toThrow(
      /^my\.conll:2: expected 4 columns as in the lines above, got 3/,
    );
    expect(() => parseConll('Ann B-PER\n\nRome LOC\n', 'my.conll')).toThrow(/^my\.conll:3: bad NER tag 'LOC'/);
    expect(() => parseConll('\n-DOCSTART- O\n', 'empty.conll')).toThrow(/^empty\.conll: no sentences/);
    expect(() => readConll('/nonexistent/x.conll')).toThrow(/cannot read the CoNLL file \/nonexistent\/x\.conll/);
  });
  test('the writer refuses tokens that would break the format', () => {
    expect(() => formatConll([{ tokens: ['New York'], tags: ['B-LOC'] }])).toThrow(/token 0: "New York"/);
    expect(() => formatConll([{ tokens: ['a'], tags: [] }])).toThrow(/1 tokens but 0 tags/);
  });
});
