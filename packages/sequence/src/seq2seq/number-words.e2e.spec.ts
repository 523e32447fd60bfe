// Every number of 0..999,999 in the four languages: the longest phrases the presets'
// lengths are built on, and how many numbers each n2words correction touches.
import { MAX_NUMBER, n2wordsCardinal, NUMBER_LOCALES, numberWords, type NumberLanguage } from './number-words';
import { NUMBER_WORDS_MAX_LENGTH } from './number-pairs';

describe('number words over 0..999,999', () => {
  // Slow (~10-20 s idle; 82 s measured with the 2 cores shared by five jobs): 4 million phrases, 6 million n2words calls.
  it('the longest phrase of each language is NUMBER_WORDS_MAX_LENGTH; the fixes touch 89,000 (es) and 9,000 (de) numbers', () => {
    const longest: Record<string, number> = {};
    const fixed: Record<string, number> = {};
    for (const language of Object.keys(NUMBER_LOCALES) as NumberLanguage[]) {
      const raw = n2wordsCardinal(language);
      longest[language] = 0;
      fixed[language] = 0;
      for (let n = 0; n <= MAX_NUMBER; n++) {
        const words = numberWords(n, language);
        longest[language] = Math.max(longest[language], [...words].length);
        if (words !== raw(n)) fixed[language]++;
      }
    }
    expect(longest).toEqual(NUMBER_WORDS_MAX_LENGTH);
    expect(fixed).toEqual({ en: 0, fr: 0, de: 9000, es: 89000 });
  }, 180_000);
});
