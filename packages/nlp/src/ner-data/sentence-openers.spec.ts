import { SENTENCE_OPENERS } from './opener-rule';
import { brownSentenceOpeners } from './sentence-openers';

describe('brownSentenceOpeners', () => {
  test('counts capitalised first words tagged as function words, most frequent first', () => {
    const rows = [
      { words: ['From', 'here', '.'], tags: ['in', 'rb', '.'] },
      { words: ['From', 'Lima', '.'], tags: ['in', 'np', '.'] },
      { words: ['Only', 'Ann', 'knew', '.'], tags: ['rb', 'np', 'vbd', '.'] },
      { words: ['Ann', 'knew', '.'], tags: ['np', 'vbd', '.'] }, // a name: not an opener
      { words: ['Houses', 'fell', '.'], tags: ['nns', 'vbd', '.'] }, // a noun: not an opener
      { words: ['``', 'Yes', '.'], tags: ['``', 'rb', '.'] }, // not a word
    ];
    expect(brownSentenceOpeners(1, rows)).toEqual(['From', 'Only']);
    expect(brownSentenceOpeners(2, rows)).toEqual(['From']);
  });
  // Slow (~2 s): reads the Brown corpus.
  test('the Brown corpus gives the common openers and no names', () => {
    const openers = brownSentenceOpeners();
    expect(openers.slice(0, 3)).toEqual(['The', 'In', 'But']);
    expect(openers).toEqual(expect.arrayContaining(['From', 'Only', 'Neither', 'However']));
    expect(openers.length).toBeGreaterThan(100);
    for (const name of ['John', 'Kennedy', 'Washington', 'Mr.']) expect(openers).not.toContain(name);
    // the decoding rule's written-out list is this one
    expect(SENTENCE_OPENERS).toEqual(openers);
  });
});
