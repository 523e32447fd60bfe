import { brownGenres, brownSentences, parseBrownLine } from './brown-corpus';

test('parseBrownLine splits word/tag items at the last slash and lower-cases tags', () => {
  expect(parseBrownLine("\tThe/at Fulton/np-tl 1/2/cd Atlanta's/NP$ ./.")).toEqual({
    words: ['The', 'Fulton', '1/2', "Atlanta's", '.'],
    tags: ['at', 'np-tl', 'cd', 'np$', '.'],
  });
  expect(parseBrownLine('   ')).toEqual({ words: [], tags: [] });
});

test('the corpus: 500 samples in 15 genres; the first news sentence is the Fulton County Grand Jury one', () => {
  const genres = brownGenres();
  expect(genres.size).toBe(500);
  expect(new Set(genres.values()).size).toBe(15);
  const news = brownSentences({ genres: ['news'] });
  expect(news.length).toBeGreaterThan(4000);
  expect(news.every((s) => s.genre === 'news' && s.words.length === s.tags.length)).toBe(true);
  expect(news[0].words.slice(0, 5)).toEqual(['The', 'Fulton', 'County', 'Grand', 'Jury']);
  expect(news[0].tags.slice(0, 5)).toEqual(['at', 'np-tl', 'nn-tl', 'jj-tl', 'nn-tl']);
});

test('a folder without the corpus is an error that names the file', () => {
  expect(() => brownSentences({ dir: '/nonexistent' })).toThrow(/\/nonexistent\/cats.txt: expected the Brown corpus/);
});
