/**
 * Person names from around the world, for NER training sentences: the first names and surnames of
 * `@faker-js/faker`'s Latin-script locales (Czech, German, French, Italian, Spanish, Croatian,
 * Serbian, Latvian, Turkish, Indonesian, Uzbek, Yoruba, Zulu, Indian and Nigerian English, ...),
 * accents stripped ("Dvořák" → "Dvorak"; a name with a letter that does not decompose, such as "Đ", is dropped).
 *
 * Why: the project's own person lists are English first names (`@stdlib`) and the `humannames`
 * surnames, while its place lists are the world's cities. A model trained on them learns "a
 * foreign-looking capitalised word is a place": held-out "Only Mikkel knew the way" and hand-labelled
 * "Novak Djokovic won his tenth title" come out LOC. Names from many languages in person slots make
 * the word's look a weaker cue than its context.
 *
 * @example
 * const names = worldTrainingNames(worldPersonNames(), partitionEntityLists(loadEntityLists()));
 * names.firstNames.includes('Chinedu'); // true (Nigerian English); no held-out, place or English-word string is kept
 */
import { allLocales } from '@faker-js/faker';
import { englishWords, type PartitionedLists } from './entity-lists';
import { trainingNameCheck } from './wordnet-entity-names';

/** First names and surnames, each sorted and de-duplicated. */
export interface WorldPersonNames {
  firstNames: string[];
  surnames: string[];
}

type NameDefinition = readonly string[] | Readonly<Record<string, readonly string[]>> | undefined;

const flatten = (names: NameDefinition): readonly string[] =>
  names === undefined ? [] : Array.isArray(names) ? (names as readonly string[]) : Object.values(names).flat();

/** "Müller" → "Muller": NFD, combining marks removed. */
export function stripAccents(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Faker's first names and surnames of every locale that has them, accents stripped, kept when they are one ASCII word of 3-10 letters. */
export function worldPersonNames(): WorldPersonNames {
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  const shape = /^[A-Z][a-z]{2,9}$/;
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: NameDefinition; last_name?: NameDefinition } }).person;
    if (!person) continue;
    for (const n of flatten(person.first_name).map(stripAccents)) if (shape.test(n)) firstNames.add(n);
    for (const n of flatten(person.last_name).map(stripAccents)) if (shape.test(n)) surnames.add(n);
  }
  return { firstNames: [...firstNames].sort(), surnames: [...surnames].sort() };
}

/**
 * The names that training sentences may use: no English word (as for `humannames` surnames), no
 * string of another type's list (a city, country, language or nationality), no held-out string
 * (test or validation lists): trainingNameCheck, as for WordNet's names.
 */
export function worldTrainingNames(names: WorldPersonNames, lists: PartitionedLists): WorldPersonNames {
  const check = trainingNameCheck(lists);
  const words = englishWords();
  const keep = (n: string) => !words.has(n.toLowerCase()) && check(n, 'people');
  return { firstNames: names.firstNames.filter(keep), surnames: names.surnames.filter(keep) };
}
