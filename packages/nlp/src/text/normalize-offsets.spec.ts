import { normalizeText } from './normalize';
import { normalizeWithOffsets } from './normalize-offsets';

describe('normalizeWithOffsets', () => {
  it('aligns every normalised character with the input characters it came from', () => {
    const input = 'Ｆish ﬁne Café e\u0301!';
    const opts = { lowercase: true, stripAccents: true };
    const n = normalizeWithOffsets(input, opts);
    expect(n.text).toBe(normalizeText(input, opts));
    expect(n.text).toBe('fish fine cafe e!');
    const from = (i: number): string => input.slice(n.start[i], n.end[i]);
    expect(from(0)).toBe('Ｆ');
    expect([from(5), from(6), from(7)]).toEqual(['ﬁ', 'ﬁ', 'n']); // the ligature expands to two letters
    expect(from(13)).toBe('é');
    expect(from(15)).toBe('e\u0301'); // a decomposed accent stays with its letter
  });
  it('a context-dependent lowercase (final sigma) keeps the text of the whole and the per-character alignment', () => {
    const n = normalizeWithOffsets('ΟΣ', { lowercase: true });
    expect(n.text).toBe('ος');
    expect([n.start, n.end]).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
