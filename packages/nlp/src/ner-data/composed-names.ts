/**
 * Organisation and event names composed from real parts: one split's cities, countries and
 * surnames with fixed industry words and patterns ("Kasur Textiles Company", "Slonim & Uffelman",
 * "University of Edmonton", "Chad National Bank", "Charleroi Marathon"). Because the parts of the
 * train and test lists are disjoint, so are the composed names.
 *
 * @example
 * composeOrganization(new Rng(1), lists); // e.g. 'Paterson Logistics Group'
 */
import { Rng } from '@dlkit/core';
import { EntityLists } from './entity-lists';

/** Industry words shared by both splits (context, not entities). */
// prettier-ignore
export const INDUSTRY_WORDS = [
  'Steel', 'Mining', 'Motors', 'Textiles', 'Software', 'Pharmaceuticals', 'Logistics', 'Energy', 'Foods',
  'Media', 'Shipping', 'Insurance', 'Chemicals', 'Telecom', 'Construction', 'Electronics', 'Paper', 'Brewing',
  'Robotics', 'Aerospace', 'Holdings', 'Systems', 'Ventures', 'Power', 'Water', 'Cement', 'Glass', 'Dairy',
] as const;

/** A seeded uniform choice; an empty list is an error. */
export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('cannot pick from an empty list');
  return items[rng.int(items.length)];
}

/** Composes one name from a split's lists. */
export type Composer = (rng: Rng, l: EntityLists) => string;

/** One row per organisation pattern. */
export const ORGANIZATION_PATTERNS: readonly Composer[] = [
  (r, l) => `${pickOne(r, l.cities)} ${pickOne(r, INDUSTRY_WORDS)} Company`,
  (r, l) => `${pickOne(r, l.cities)} ${pickOne(r, INDUSTRY_WORDS)} Group`,
  (r, l) => `${pickOne(r, l.surnames)} ${pickOne(r, INDUSTRY_WORDS)}`,
  (r, l) => `${pickOne(r, l.surnames)} & ${pickOne(r, l.surnames)}`,
  (r, l) => `${pickOne(r, l.surnames)} Brothers`,
  (r, l) => `${pickOne(r, l.surnames)} Foundation`,
  (r, l) => `University of ${pickOne(r, l.cities)}`,
  (r, l) => `${pickOne(r, l.cities)} State University`,
  (r, l) => `${pickOne(r, l.cities)} General Hospital`,
  (r, l) => `${pickOne(r, l.cities)} City Council`,
  (r, l) => `${pickOne(r, l.countries)} National Bank`,
  (r, l) => `Bank of ${pickOne(r, l.countries)}`,
  (r, l) => `${pickOne(r, l.countries)} Airlines`,
  (r, l) => `${pickOne(r, l.countries)} Football Federation`,
  (r, l) => `${pickOne(r, l.cities)} Institute of Technology`,
  // A bare surname as a brand ("Siemens said it would..."): the same strings are people elsewhere,
  // so only the context tells the types apart, as in real news.
  (r, l) => pickOne(r, l.surnames),
  (r, l) => pickOne(r, l.surnames),
  (r, l) => `${pickOne(r, l.surnames)} Airways`,
  (r, l) => `${pickOne(r, l.cities)} United`,
  (r, l) => `${pickOne(r, l.countries)} Post`,
];

/** Endings of coined brand names (COINED_ORGANIZATION_PATTERNS). */
export const BRAND_SUFFIXES = [
  'tel',
  'tech',
  'soft',
  'corp',
  'ify',
  'tron',
  'lux',
  'data',
  'cell',
  'wave',
  'nova',
] as const;

/** A coined name: a name's first 3-5 letters, spaces dropped ("El Paso" → "Elp"), and a brand ending ("Surgutel"). */
function coin(r: Rng, name: string): string {
  const letters = name.replace(/ /g, '').toLowerCase();
  return letters[0].toUpperCase() + letters.slice(1, 3 + r.int(3)) + pickOne(r, BRAND_SUFFIXES);
}

/**
 * Coined one-word organisations, the way "Netflix" or "Vodafone" are made: a place's or surname's
 * first letters and a brand ending ("Surgutel", "Kowaltron"). Real organisations are often one
 * unknown capitalised word ("Boeing grounded ...", "Oxfam said ..."), which the patterns above
 * rarely give. For training sentences (generateNerSentences' `coinedOrgRate`, default 0: measured,
 * it hurt the hand-labelled organisations); the held-out sentences never use them.
 */
export const COINED_ORGANIZATION_PATTERNS: readonly Composer[] = [
  (r, l) => coin(r, pickOne(r, l.cities)),
  (r, l) => coin(r, pickOne(r, l.surnames)),
  (r, l) => coin(r, pickOne(r, l.countries)),
];

/** One row per event pattern (MISC). */
export const EVENT_PATTERNS: readonly Composer[] = [
  (r, l) => `${pickOne(r, l.cities)} Marathon`,
  (r, l) => `${pickOne(r, l.cities)} Film Festival`,
  (r, l) => `${pickOne(r, l.cities)} Jazz Festival`,
  (r, l) => `${pickOne(r, l.countries)} Grand Prix`,
  (r, l) => `${pickOne(r, l.cities)} Open`,
  (r, l) => `${pickOne(r, l.cities)} Book Fair`,
  (r, l) => `${pickOne(r, l.surnames)} Prize`,
  (r, l) => `${pickOne(r, l.surnames)} Cup`,
  (r, l) => `${pickOne(r, l.cities)} Summit`,
];

/**
 * Made-up nationality and language names from a split's one-word city and country names, by the
 * suffixes English uses ("Kenya" → "Kenyan", "Jaipur" → "Jaipuri", "Jaipurese", "Jaipurian",
 * "Jaipurish", "Jaipuran"), minus every string in `exclude` (the real entity lists of both splits,
 * so that no made-up name is a real test entity such as the surname "Tehrani"). Real lists give
 * ~140 nationalities and ~100 languages per split, too few for a model to learn that the suffix,
 * not the remembered word, marks MISC ("Nauruan" was read as the place "Nauru"). Sorted.
 */
export function composedDemonyms(lists: EntityLists, exclude: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const stem of [...lists.cities, ...lists.countries]) {
    if (!/^[A-Z][a-z]{3,}$/.test(stem)) continue;
    if (stem.endsWith('a')) names.add(`${stem}n`);
    else if (/[eiouy]$/.test(stem)) for (const x of ['an', 'ian', 'ese']) names.add(stem.slice(0, -1) + x);
    else for (const x of ['ian', 'ese', 'i', 'ish', 'an']) names.add(stem + x);
  }
  return [...names].filter((n) => !exclude.has(n)).sort();
}

export function composeOrganization(
  rng: Rng,
  lists: EntityLists,
  patterns: readonly Composer[] = ORGANIZATION_PATTERNS,
): string {
  return pickOne(rng, patterns)(rng, lists);
}

export function composeEvent(rng: Rng, lists: EntityLists): string {
  return pickOne(rng, EVENT_PATTERNS)(rng, lists);
}
