/**
 * A light English suffix stripper for intent features and entity matching: plural and verb
 * endings go ("images" → "imag", "training" → "train", "saved" → "sav", "tries" → "tri"), so that
 * the forms of one word share a feature. Deliberately smaller than Porter's stemmer (Porter 1980):
 * it only needs to be consistent, not to produce words.
 *
 * @example
 * stemWord('exporting') === stemWord('exports'); // true: 'export'
 */
const SUFFIXES: [suffix: string, minStem: number, replacement: string][] = [
  ['ational', 3, 'ate'],
  ['ization', 3, 'ize'],
  ['isation', 3, 'ize'],
  ['ingly', 3, ''],
  ['edly', 3, ''],
  ['ies', 2, 'y'],
  ['sses', 2, 'ss'],
  ['ing', 3, ''],
  ['ed', 3, ''],
  ['ly', 3, ''],
  ['es', 3, ''],
  ['s', 3, ''],
];

/** Stems one lowercase word; short words, numbers and words with digits are kept as they are. */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word.replace(/['’]s$/, '');
  for (const [suffix, minStem, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem && !(suffix === 's' && /(ss|us|is)$/.test(w))) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // "running" → "runn" → "run"; a final silent e goes, so "save" and "saving" meet at "sav"
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
