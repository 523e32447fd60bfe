import { MAX_NUMBER, n2wordsCardinal, NUMBER_WORD_FIXES, numberWords } from './number-words';

describe('numberWords', () => {
  it('writes numbers out in the four languages (n2words)', () => {
    expect(numberWords(1971, 'en')).toBe('one thousand nine hundred seventy-one');
    expect(numberWords(1971, 'fr')).toBe('mille neuf cent soixante et onze');
    expect(numberWords(1971, 'de')).toBe('eintausendneunhunderteinundsiebzig');
    expect(numberWords(1971, 'es')).toBe('mil novecientos setenta y uno');
    expect(numberWords(0, 'fr')).toBe('zéro');
    expect(numberWords(80, 'fr')).toBe('quatre-vingts');
    expect(numberWords(MAX_NUMBER, 'de')).toBe('neunhundertneunundneunzigtausendneunhundertneunundneunzig');
  });

  it('corrects n2words es-ES "uno mil" to "un mil" / "veintiún mil"', () => {
    const fixed: [number, string, string][] = [
      [21000, 'veintiuno mil', 'veintiún mil'],
      [21999, 'veintiuno mil novecientos noventa y nueve', 'veintiún mil novecientos noventa y nueve'],
      [31000, 'treinta y uno mil', 'treinta y un mil'],
      [91005, 'noventa y uno mil cinco', 'noventa y un mil cinco'],
      [101000, 'ciento uno mil', 'ciento un mil'],
      [121000, 'ciento veintiuno mil', 'ciento veintiún mil'],
      [201021, 'doscientos uno mil veintiuno', 'doscientos un mil veintiuno'],
      [991000, 'novecientos noventa y uno mil', 'novecientos noventa y un mil'],
    ];
    for (const [n, published, corrected] of fixed) {
      expect(n2wordsCardinal('es')(n)).toBe(published);
      expect(numberWords(n, 'es')).toBe(corrected);
    }
    // Right already, and untouched: 1,000 and 11,000 have no "uno"; "uno" not before "mil" stays.
    for (const [n, words] of [
      [1000, 'mil'],
      [11000, 'once mil'],
      [21, 'veintiuno'],
      [1021, 'mil veintiuno'],
      [100001, 'cien mil uno'],
    ] as const)
      expect(numberWords(n, 'es')).toBe(words);
  });

  it('corrects n2words de-DE "einstausend" to "eintausend"', () => {
    expect(n2wordsCardinal('de')(101000)).toBe('einhunderteinstausend');
    expect(numberWords(101000, 'de')).toBe('einhunderteintausend');
    expect(numberWords(901001, 'de')).toBe('neunhunderteintausendeins');
    expect(numberWords(1000, 'de')).toBe('eintausend');
    expect(numberWords(1001, 'de')).toBe('eintausendeins');
    expect(numberWords(21000, 'de')).toBe('einundzwanzigtausend');
  });

  it('fixes exactly the documented numbers (every 13th number of 0..999,999)', () => {
    // es: thousands group ending in 1, except 1 and 11; de: thousands group x01 (101, 201, ..., 901).
    const esAffected = (n: number) => {
      const g = Math.floor(n / 1000);
      return g % 10 === 1 && g !== 1 && g % 100 !== 11;
    };
    const deAffected = (n: number) => Math.floor(n / 1000) % 100 === 1 && n >= 100_000;
    const wrong: string[] = [];
    for (let n = 0; n <= MAX_NUMBER; n += 13) {
      if ((numberWords(n, 'es') !== n2wordsCardinal('es')(n)) !== esAffected(n)) wrong.push(`es ${n}`);
      if ((numberWords(n, 'de') !== n2wordsCardinal('de')(n)) !== deAffected(n)) wrong.push(`de ${n}`);
    }
    expect(wrong).toEqual([]);
    expect(NUMBER_WORD_FIXES.map((f) => f.language)).toEqual(['es', 'es', 'de']);
  });

  it('refuses numbers outside 0..999,999 and unknown languages', () => {
    expect(() => numberWords(1_000_000, 'en')).toThrow('numbers must be integers in 0..999999, got 1000000');
    expect(() => numberWords(1.5, 'en')).toThrow('got 1.5');
    expect(() => numberWords(1, 'it' as 'en')).toThrow('no number words for language "it" (known: en, fr, de, es)');
  });
});
