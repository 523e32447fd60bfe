/**
 * Numbers written out in English, French, German and Spanish by the `n2words` package (real
 * parallel text: "one thousand nine hundred seventy-one" / "mille neuf cent soixante et onze" /
 * "eintausendneunhunderteinundsiebzig" / "mil novecientos setenta y uno"), with the
 * post-corrections of two n2words 4.0.0 bugs (NUMBER_WORD_FIXES).
 *
 * Loading: n2words ships ES modules only (`"type": "module"`), which our CommonJS build and Jest
 * cannot `require`; its `dist/<locale>.umd.js` builds are the same code bundled, so the UMD file of
 * each locale is evaluated once with a CommonJS `exports` object (the cardinal function is exported
 * as e.g. `frFR`). `require.resolve('n2words/<locale>')` finds the package through its exports map.
 *
 * @example
 * numberWords(1971, 'fr'); // 'mille neuf cent soixante et onze'
 * numberWords(21000, 'es'); // 'veintiún mil' (n2words writes 'veintiuno mil')
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/** The languages of the presets, with their n2words locale. */
export const NUMBER_LOCALES = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' } as const;
export type NumberLanguage = keyof typeof NUMBER_LOCALES;

/** Largest number the presets draw (0..999,999). */
export const MAX_NUMBER = 999_999;

/** A correction applied to n2words' output: every match of `pattern` becomes `replacement`. */
export interface NumberWordFix {
  language: NumberLanguage;
  pattern: RegExp;
  replacement: string;
  /** What is wrong, which numbers it hits (counted over 0..999,999), and the source of the right form. */
  reason: string;
}

/**
 * n2words 4.0.0's wrong forms in 0..999,999, found by scanning every number (the spec lists examples):
 * - es-ES keeps "uno" before "mil" where Spanish apocopates it to "un" (RAE, Nueva gramática §21.2:
 *   "veintiún mil", "treinta y un mil", "ciento un mil"): every thousands group ending in 1 except 1
 *   and 11, i.e. 21,000-21,999, 31,000-31,999, ..., 101,000-101,999, 121,000-..., 89,000 numbers.
 * - de-DE writes "eins" before "tausend" when the thousands group is x01 ("einhunderteinstausend"
 *   for 101,000; German uses "ein" before a multiplier: "hunderteintausend", Duden): 101,000-101,999,
 *   201,000-201,999, ..., 901,000-901,999, 9,000 numbers.
 */
export const NUMBER_WORD_FIXES: readonly NumberWordFix[] = [
  {
    language: 'es',
    pattern: /\bveintiuno mil\b/g,
    replacement: 'veintiún mil',
    reason: '"veintiuno mil" for 21,000 + k*100,000 (+0..999); Spanish writes "veintiún mil"',
  },
  {
    language: 'es',
    pattern: / uno mil\b/g,
    replacement: ' un mil',
    reason: '"treinta y uno mil", "ciento uno mil", ...; Spanish writes "treinta y un mil", "ciento un mil"',
  },
  {
    language: 'de',
    pattern: /einstausend/g,
    replacement: 'eintausend',
    reason: '"einhunderteinstausend" for 101,000 + k*100,000 (+0..999); German writes "einhunderteintausend"',
  },
];

type Cardinal = (n: number) => string;
const cardinals = new Map<NumberLanguage, Cardinal>();

/** n2words' cardinal function for a language, as published (without the fixes). */
export function n2wordsCardinal(language: NumberLanguage): Cardinal {
  let f = cardinals.get(language);
  if (f) return f;
  const locale = NUMBER_LOCALES[language];
  if (!locale)
    throw new Error(
      `no number words for language ${JSON.stringify(language)} (known: ${Object.keys(NUMBER_LOCALES).join(', ')})`,
    );
  const entries: Record<NumberLanguage, string> = {
    en: require.resolve('n2words/en-US'),
    fr: require.resolve('n2words/fr-FR'),
    de: require.resolve('n2words/de-DE'),
    es: require.resolve('n2words/es-ES'),
  };
  const file = path.join(path.dirname(entries[language]), '..', 'dist', `${locale}.umd.js`);
  const umd: Record<string, unknown> = {};
  const wrapper = vm.runInThisContext(`(function (exports, module) {${fs.readFileSync(file, 'utf8')}\n})`, {
    filename: file,
  }) as (e: object, m: object) => void;
  wrapper(umd, { exports: umd });
  const fn = umd[locale.replace('-', '')];
  if (typeof fn !== 'function') throw new Error(`${file}: expected a UMD build exporting ${locale.replace('-', '')}()`);
  f = (n: number) => (fn as Cardinal)(n);
  cardinals.set(language, f);
  return f;
}

/** `n` (an integer in 0..999,999) written out in `language`, with NUMBER_WORD_FIXES applied. */
export function numberWords(n: number, language: NumberLanguage): string {
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_NUMBER))
    throw new Error(`numbers must be integers in 0..${MAX_NUMBER}, got ${n}`);
  let text = n2wordsCardinal(language)(n);
  for (const fix of NUMBER_WORD_FIXES) if (fix.language === language) text = text.replace(fix.pattern, fix.replacement);
  return text;
}
