import { EMOJIFY_LABELS, loadEmojify, parseLabeledTsv, sentenceWords, splitStratified } from './labeled-text';

describe('labeled text', () => {
  it('parses rows, skips comments and blank lines, names file and line on bad rows', () => {
    expect(parseLabeledTsv('# c\nhi there\t😄\n\nyum\t🍴\n', 'x.tsv')).toEqual([
      { text: 'hi there', label: '😄' },
      { text: 'yum', label: '🍴' },
    ]);
    expect(() => parseLabeledTsv('ok\t😄\nno tab here\n', 'x.tsv')).toThrow('x.tsv:2: expected "sentence<TAB>label"');
    expect(() => parseLabeledTsv('ok\t🐱\n', 'x.tsv', EMOJIFY_LABELS)).toThrow("x.tsv:1: unknown label '🐱'");
    expect(() => parseLabeledTsv('\t😄\n', 'x.tsv')).toThrow('x.tsv:1: empty sentence');
  });

  it('ships a balanced Emojify set with negations, and a seeded stratified 20 % test split', () => {
    const rows = loadEmojify();
    expect(rows.length).toBeGreaterThanOrEqual(250);
    for (const l of EMOJIFY_LABELS) expect(rows.filter((r) => r.label === l)).toHaveLength(52);
    expect(rows.filter((r) => r.label === '😞' && /\bnot\b/.test(r.text)).length).toBeGreaterThanOrEqual(10);
    const a = splitStratified(rows, { seed: 1 });
    const b = splitStratified(rows, { seed: 1 });
    expect(a).toEqual(b);
    expect(a.test).toHaveLength(50);
    for (const l of EMOJIFY_LABELS) expect(a.test.filter((r) => r.label === l)).toHaveLength(10);
    const testTexts = new Set(a.test.map((r) => r.text));
    expect(a.train.filter((r) => testTexts.has(r.text))).toEqual([]);
  });

  it('tokenizes like the embedding corpus', () => {
    expect(sentenceWords("I'm NOT happy!")).toEqual(sentenceWords("i'm not happy"));
    expect(sentenceWords('Not happy!')).toEqual(['not', 'happy']);
  });
});
