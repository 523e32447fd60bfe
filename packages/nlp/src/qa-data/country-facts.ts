/**
 * Facts about the world's countries for generated reading passages: capital, currency and
 * languages, region and neighbours from `world-countries`, continent from `countries-list`.
 *
 * @example
 * loadCountryFacts().find((c) => c.name === 'Peru');
 * // { name: 'Peru', capital: 'Lima', currency: 'Peruvian sol', languages: ['Aymara', 'Quechua', 'Spanish'],
 * //   continent: 'South America', region: 'South America', neighbours: ['Bolivia', 'Brazil', 'Chile', 'Colombia', 'Ecuador'] }
 */
import * as path from 'path';
import { packageDir, readJson } from '../embeddings/package-data';

export interface CountryFacts {
  /** Common English name (world-countries `name.common`). */
  name: string;
  capital?: string;
  /** Name of the first listed currency ("Peruvian sol"). */
  currency?: string;
  /** Language names, sign languages left out. */
  languages: string[];
  continent?: string;
  /** world-countries' subregion ("Western Europe"). */
  region?: string;
  /** Names of the countries it borders, sorted. */
  neighbours: string[];
}

interface WorldCountry {
  name: { common: string };
  cca2: string;
  cca3: string;
  capital: string[];
  currencies?: Record<string, { name: string }>;
  languages?: Record<string, string>;
  subregion?: string;
  borders?: string[];
}

/** All countries with a capital, sorted by name. */
export function loadCountryFacts(): CountryFacts[] {
  const resolveWorld = () => require.resolve('world-countries');
  const resolveList = () => require.resolve('countries-list');
  const world = readJson<WorldCountry[]>(path.join(packageDir('world-countries', resolveWorld), 'countries.json'));
  const listDir = packageDir('countries-list', resolveList);
  const list = readJson<Record<string, { continent: string }>>(path.join(listDir, 'countries.min.json'));
  const continents = readJson<Record<string, string>>(path.join(listDir, 'continents.min.json'));
  const byCode = new Map(world.map((c) => [c.cca3, c.name.common]));
  return world
    .filter((c) => c.capital.length > 0 && c.capital[0] !== '')
    .map((c) => ({
      name: c.name.common,
      capital: c.capital[0],
      currency: Object.values(c.currencies ?? {})[0]?.name,
      languages: Object.values(c.languages ?? {}).filter((l) => !/sign language/i.test(l)),
      continent: continents[list[c.cca2]?.continent ?? ''],
      region: c.subregion || undefined,
      neighbours: (c.borders ?? [])
        .map((b) => byCode.get(b) ?? '')
        .filter((n) => n !== '')
        .sort(),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
