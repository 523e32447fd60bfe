// The strict flag parsers: decimal syntax only, documented ranges, blanks rejected.
import { UsageError } from './errors';
import {
  choiceFlag,
  describeInt,
  describeNumber,
  intFlag,
  intListFlag,
  numberFlag,
  parseDecimal,
  parseInteger,
  seedFlag,
  textFlag,
} from './flags';

describe('parseInteger', () => {
  const range = { min: 1, max: 100 };
  it.each(['1', '42', '100', '007'])('accepts %j', (v) => expect(parseInteger('--epochs', v, range)).toBe(Number(v)));
  it.each([
    '',
    ' ',
    ' 5',
    '5 ',
    '0x1',
    '1e20',
    '1e2',
    '1.0',
    '1.5',
    '+1',
    '-1',
    '0',
    '101',
    'Infinity',
    'NaN',
    'five',
    '9007199254740993',
  ])('rejects %j as a UsageError naming the flag and the range', (v) => {
    expect(() => parseInteger('--epochs', v, range)).toThrow(UsageError);
    expect(() => parseInteger('--epochs', v, range)).toThrow(`--epochs must be an integer in [1, 100], got '${v}'`);
  });
  it('nonNegativeInt("") is a usage error, like the number parsers (section 6)', () => {
    expect(() => seedFlag()('')).toThrow(UsageError);
    expect(() => numberFlag('--temperature', { min: 0, max: 10 })('')).toThrow(UsageError);
  });
  it('seeds take 0 .. 2^32-1', () => {
    expect(seedFlag()('0')).toBe(0);
    expect(seedFlag()('4294967295')).toBe(4294967295);
    expect(() => seedFlag()('4294967296')).toThrow(/--seed must be an integer in \[0, 4294967295\]/);
  });
});

describe('parseDecimal', () => {
  const lr = { min: 0, max: 1, minExclusive: true };
  it.each([
    ['0.01', 0.01],
    ['.5', 0.5],
    ['1', 1],
    ['1e-3', 0.001],
    ['1.', 1],
  ])('accepts %j', (v, x) => expect(parseDecimal('--learning-rate', v, lr)).toBe(x));
  it.each(['', ' ', '0', '2', '-0.1', '0x1', 'Infinity', '1e400', '1,5', 'e3'])('rejects %j', (v) => {
    expect(() => parseDecimal('--learning-rate', v, lr)).toThrow(
      `--learning-rate must be a number in (0, 1], got '${v}'`,
    );
  });
  it('open and closed ends', () => {
    expect(describeNumber({ min: 0, max: 1, maxExclusive: true })).toBe('a number in [0, 1)');
    expect(() => numberFlag('--dropout', { min: 0, max: 1, maxExclusive: true })('1')).toThrow(UsageError);
    expect(numberFlag('--dropout', { min: 0, max: 1, maxExclusive: true })('0')).toBe(0);
  });
});

describe('text, choice and list flags', () => {
  it('rejects blank text', () => {
    expect(() => textFlag('--out')('')).toThrow("--out needs a value, got ''");
    expect(() => textFlag('--out')('  ')).toThrow(UsageError);
    expect(textFlag('--out')('dir')).toBe('dir');
  });
  it('choices name the allowed values', () => {
    expect(choiceFlag('--cell', ['lstm', 'gru'])('gru')).toBe('gru');
    expect(() => choiceFlag('--cell', ['lstm', 'gru'])('rnn')).toThrow("--cell must be one of lstm, gru, got 'rnn'");
  });
  it('integer lists are strict item by item', () => {
    expect(intListFlag('--shots', { min: 1, max: 500 })('1,2,5')).toEqual([1, 2, 5]);
    for (const v of ['', '5,', ',5', '5,x', '0', '1, 2', '0x2'])
      expect(() => intListFlag('--shots', { min: 1, max: 500 })(v)).toThrow(UsageError);
  });
  it('describes ranges for --help', () => {
    expect(describeInt({ min: 16, max: 512 })).toBe('an integer in [16, 512]');
    expect(intFlag('--size', { min: 16, max: 512 })('16')).toBe(16);
  });
  it('quotes the bad value safely (control characters escaped, long values cut)', () => {
    expect(() => seedFlag()('\u001b[31m1')).toThrow("got '\\x1b[31m1'");
    expect(() => seedFlag()('9'.repeat(500))).toThrow(/…' \(500 characters\)$/);
  });
});
