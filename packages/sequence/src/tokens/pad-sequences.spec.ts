import { padSequences } from './pad-sequences';

describe('padSequences', () => {
  const seqs = [[1, 2, 3, 4], [5], []];

  it('pads to the longest by default, after the ids, with a mask', () => {
    expect(padSequences(seqs)).toEqual({
      ids: [
        [1, 2, 3, 4],
        [5, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      mask: [
        [1, 1, 1, 1],
        [1, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
  });

  it("truncates and pads at either end (Keras's 'pre' defaults too)", () => {
    expect(padSequences(seqs, { maxLength: 2, padId: 9, padding: 'pre', truncating: 'pre' })).toEqual({
      ids: [
        [3, 4],
        [9, 5],
        [9, 9],
      ],
      mask: [
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    });
    expect(padSequences(seqs, { maxLength: 2 }).ids[0]).toEqual([1, 2]);
    expect(() => padSequences(seqs, { maxLength: -1 })).toThrow(/maxLength must be an integer >= 0, got -1/);
  });
});
