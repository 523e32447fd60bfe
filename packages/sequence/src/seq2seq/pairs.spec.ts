import { UnknownTokenError } from '../tokens/vocabulary';
import { PAD, PairCoder, describeSkipped, parsePairsTsv } from './pairs';

describe('parsePairsTsv', () => {
  it('keeps good rows and reports bad ones with their line numbers', () => {
    const text = [
      'hello\tbonjour',
      'no tab here',
      '',
      'a\tb\tc',
      '\tempty source',
      'empty target\t',
      'x'.repeat(1001) + '\tlong',
      'quatre cent quatre-vingt-quatorze mille quatre cent quatre-vingt-quatorze\t494494', // 73 characters: kept
      'cat\tchat\r',
      'dog\tchien',
    ].join('\n');
    const { pairs, skipped } = parsePairsTsv(text, { file: 'p.tsv' });
    expect(pairs).toEqual([
      { source: 'hello', target: 'bonjour' },
      { source: 'quatre cent quatre-vingt-quatorze mille quatre cent quatre-vingt-quatorze', target: '494494' },
      { source: 'cat', target: 'chat' },
      { source: 'dog', target: 'chien' },
    ]);
    expect(skipped).toEqual([
      { line: 2, reason: 'no tab (expected source<TAB>target)' },
      { line: 4, reason: '2 tabs (expected exactly one: source<TAB>target)' },
      { line: 5, reason: 'empty source' },
      { line: 6, reason: 'empty target' },
      { line: 7, reason: 'source has 1001 characters (more than 1000)' },
    ]);
    expect(describeSkipped('p.tsv', skipped)[0]).toBe('p.tsv line 2: no tab (expected source<TAB>target); skipped');
  });

  it('is an error when nothing is usable, naming the file and the first bad lines', () => {
    expect(() => parsePairsTsv('just text\nmore text\n', { file: 'bad.tsv' })).toThrow(
      'bad.tsv: no usable source<TAB>target pairs (line 1: no tab (expected source<TAB>target); line 2: no tab (expected source<TAB>target))',
    );
    expect(() => parsePairsTsv('\n\n', { file: 'empty.tsv' })).toThrow(
      'empty.tsv: no usable source<TAB>target pairs (the file is empty)',
    );
  });

  it('applies the length caps it is given', () => {
    expect(parsePairsTsv('abc\tdefgh\n').skipped).toEqual([]);
    expect(() => parsePairsTsv('abc\tdefgh\n', { maxTargetLength: 4, file: 'f' })).toThrow(
      /line 1: target has 5 characters \(more than 4\)/,
    );
  });
});

describe('PairCoder', () => {
  const coder = PairCoder.fromPairs([
    { source: 'abc', target: 'xy' },
    { source: 'ba', target: 'yyz' },
  ]);

  it('takes vocabularies and lengths from the data, with <pad> as id 0', () => {
    expect(coder.sourceVocab.tokens).toEqual([PAD, 'a', 'b', 'c']);
    expect(coder.targetVocab.tokens).toEqual([PAD, 'x', 'y', 'z']);
    expect([coder.tx, coder.ty]).toEqual([3, 3]);
    expect(coder.encodeSource('ba')).toEqual([2, 1, 0]);
    expect(coder.decodeTarget([2, 3, 0])).toBe('yz');
    expect(coder.decodeTarget([1, 0, 3])).toBe('x'); // stops at the first pad
    const { x, y } = coder.encodeAll([{ source: 'c', target: 'z' }]);
    expect([...x, ...y]).toEqual([3, 0, 0, 3, 0, 0]);
  });

  it('names an unknown character and rejects too-long inputs', () => {
    expect(() => coder.encodeSource('abd', 'the input "abd"')).toThrow(UnknownTokenError);
    expect(() => coder.encodeSource('abd', 'the input "abd"')).toThrow('unknown token "d" in the input "abd"');
    expect(() => coder.encodeSource('abca')).toThrow('the input has 4 characters; this model reads at most 3');
  });

  it('round-trips through JSON', () => {
    const back = PairCoder.fromJSON(JSON.parse(JSON.stringify(coder)));
    expect(back.toJSON()).toEqual(coder.toJSON());
  });
});
