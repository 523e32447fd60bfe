/**
 * Analogy sets for evaluating word vectors, built from real data: country → capital pairs from
 * the `countries-list` and `world-countries` packages (names that are one lowercase token), and
 * gender and grammatical pairs written by the project in the style of Mikolov et al.'s (2013)
 * test set. Any two pairs (a, b), (c, d) of a set make the question a : b :: c : d.
 *
 * @example
 * const pairs = capitalPairs(); // [['france', 'paris'], ...]
 * analogyQuestions(pairs).length; // n (n − 1)
 */
import * as path from 'path';
import { tokenizeWords } from '../text/word-tokenizer';
import { packageDir, readJson } from './package-data';

export type WordPair = readonly [string, string];

/** (male, female). */
export const GENDER_PAIRS: readonly WordPair[] = [
  ['man', 'woman'],
  ['boy', 'girl'],
  ['he', 'she'],
  ['his', 'her'],
  ['him', 'her'],
  ['himself', 'herself'],
  ['father', 'mother'],
  ['son', 'daughter'],
  ['brother', 'sister'],
  ['husband', 'wife'],
  ['king', 'queen'],
  ['prince', 'princess'],
  ['uncle', 'aunt'],
  ['nephew', 'niece'],
  ['grandfather', 'grandmother'],
  ['grandson', 'granddaughter'],
  ['male', 'female'],
  ['males', 'females'],
  ['men', 'women'],
  ['boys', 'girls'],
  ['sons', 'daughters'],
  ['brothers', 'sisters'],
  ['actor', 'actress'],
  ['god', 'goddess'],
  ['lord', 'lady'],
  ['gentleman', 'lady'],
  ['monk', 'nun'],
  ['bull', 'cow'],
  ['stallion', 'mare'],
  ['emperor', 'empress'],
  ['widower', 'widow'],
  ['bridegroom', 'bride'],
  ['masculine', 'feminine'],
  ['fraternity', 'sorority'],
];

/** Grammatical relations, each its own set of (base, inflected) pairs. */
export const GRAMMATICAL_PAIRS: Readonly<Record<string, readonly WordPair[]>> = {
  plural: [
    ['animal', 'animals'],
    ['bird', 'birds'],
    ['tree', 'trees'],
    ['plant', 'plants'],
    ['child', 'children'],
    ['woman', 'women'],
    ['city', 'cities'],
    ['country', 'countries'],
    ['house', 'houses'],
    ['river', 'rivers'],
    ['leaf', 'leaves'],
    ['flower', 'flowers'],
    ['machine', 'machines'],
    ['tooth', 'teeth'],
    ['foot', 'feet'],
    ['mouse', 'mice'],
    ['book', 'books'],
    ['ship', 'ships'],
    ['language', 'languages'],
    ['instrument', 'instruments'],
  ],
  pastTense: [
    ['go', 'went'],
    ['take', 'took'],
    ['give', 'gave'],
    ['make', 'made'],
    ['write', 'wrote'],
    ['speak', 'spoke'],
    ['see', 'saw'],
    ['come', 'came'],
    ['run', 'ran'],
    ['eat', 'ate'],
    ['fall', 'fell'],
    ['build', 'built'],
    ['sell', 'sold'],
    ['win', 'won'],
    ['walk', 'walked'],
    ['play', 'played'],
    ['live', 'lived'],
    ['use', 'used'],
    ['move', 'moved'],
    ['die', 'died'],
  ],
  comparative: [
    ['large', 'larger'],
    ['small', 'smaller'],
    ['big', 'bigger'],
    ['long', 'longer'],
    ['short', 'shorter'],
    ['high', 'higher'],
    ['low', 'lower'],
    ['old', 'older'],
    ['young', 'younger'],
    ['strong', 'stronger'],
    ['weak', 'weaker'],
    ['good', 'better'],
    ['bad', 'worse'],
    ['fast', 'faster'],
    ['slow', 'slower'],
    ['warm', 'warmer'],
    ['cold', 'colder'],
    ['heavy', 'heavier'],
  ],
  adverb: [
    ['quick', 'quickly'],
    ['slow', 'slowly'],
    ['careful', 'carefully'],
    ['easy', 'easily'],
    ['usual', 'usually'],
    ['complete', 'completely'],
    ['direct', 'directly'],
    ['rapid', 'rapidly'],
    ['sudden', 'suddenly'],
    ['final', 'finally'],
    ['close', 'closely'],
    ['strong', 'strongly'],
    ['loose', 'loosely'],
    ['free', 'freely'],
    ['open', 'openly'],
    ['proper', 'properly'],
    ['formal', 'formally'],
    ['legal', 'legally'],
  ],
};

/**
 * Country → capital pairs from countries-list (capital) and world-countries (common name,
 * first capital), lowercased, kept where both names are a single token; one pair per country.
 */
export function capitalPairs(): WordPair[] {
  const resolveList = () => require.resolve('countries-list');
  const resolveWorld = () => require.resolve('world-countries');
  const list = readJson<Record<string, { name: string; capital: string }>>(
    path.join(packageDir('countries-list', resolveList), 'countries.min.json'),
  );
  const world = readJson<Array<{ name: { common: string }; capital: string[] }>>(
    path.join(packageDir('world-countries', resolveWorld), 'countries.json'),
  );
  const candidates: Array<[string, string]> = [
    ...Object.values(list).map((c): [string, string] => [c.name, c.capital]),
    ...world.map((c): [string, string] => [c.name.common, c.capital[0] ?? '']),
  ];
  const pairs = new Map<string, string>();
  for (const [country, capital] of candidates) {
    const a = tokenizeWords(country, { lowercase: true });
    const b = tokenizeWords(capital, { lowercase: true });
    if (a.length === 1 && b.length === 1 && a[0] !== b[0] && !pairs.has(a[0])) pairs.set(a[0], b[0]);
  }
  return [...pairs].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

/** Questions a : b :: c : d from every ordered couple of distinct pairs. */
export function analogyQuestions(pairs: readonly WordPair[]): Array<[string, string, string, string]> {
  const questions: Array<[string, string, string, string]> = [];
  for (const [a, b] of pairs)
    for (const [c, d] of pairs) if (a !== c && b !== d && a !== d && b !== c) questions.push([a, b, c, d]);
  return questions;
}
