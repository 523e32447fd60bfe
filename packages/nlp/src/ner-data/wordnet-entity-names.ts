/**
 * Real named entities from WordNet 3.1's noun synsets, typed by where WordNet files them: people
 * (instances in noun.person with a first and last name: "Albert Einstein"), places (instances in
 * noun.location and noun.object: "Kazakhstan", "Lake Baikal"), organisations (capitalised synsets
 * under "organization": "World Health Organization", "NASA"), languages (capitalised synsets under
 * "language": "Quechua") and nationalities (noun.person synsets defined as "a native or inhabitant
 * of ...": "Peruvian"). A string with two types is dropped. These add thousands of real names to
 * the NER training sentences (generateNerSentences' `wordnetRate`), where the project's own lists
 * have ~100 languages and a few patterns of organisation per split.
 *
 * @example
 * wordnetEntityNames().organizations.includes('World Health Organization'); // true
 */
import { synsetGloss, synsetWords, wordnetDictPath, wordnetSynsetLines } from '../text/wordnet-data';
import { EntityLists, isAsciiName } from './entity-lists';

/** WordNet's names by NER type (each sorted, each string in one list only). */
export interface WordnetEntityNames {
  /** PER: full names of real people. */
  people: string[];
  /** LOC: countries, cities, regions, rivers, mountains. */
  places: string[];
  /** ORG: organisations and institutions. */
  organizations: string[];
  /** MISC: language names. */
  languages: string[];
  /** MISC: demonyms. */
  nationalities: string[];
}

export const WORDNET_ENTITY_KEYS = ['people', 'places', 'organizations', 'languages', 'nationalities'] as const;

/** Root synsets (WordNet 3.1 offsets): organization (noun.group) and language (noun.communication). */
const ORGANIZATION_ROOT = '08024893';
const LANGUAGE_ROOT = '06293304';

interface Synset {
  lexFile: string;
  words: string[];
  hypernyms: string[];
  instance: boolean;
  gloss: string;
}

function parseSynset(line: string): Synset {
  const f = line.split(' ');
  const count = parseInt(f[3], 16);
  const pointerStart = 4 + 2 * count;
  const pointers = parseInt(f[pointerStart], 10);
  const hypernyms: string[] = [];
  let instance = false;
  for (let i = 0; i < pointers; i++) {
    const symbol = f[pointerStart + 1 + 4 * i];
    if (symbol === '@' || symbol === '@i') hypernyms.push(f[pointerStart + 2 + 4 * i]);
    if (symbol === '@i') instance = true;
  }
  const words = synsetWords(line).map((w) => w.replace(/_/g, ' '));
  return { lexFile: f[1], words, hypernyms, instance, gloss: synsetGloss(line) ?? '' };
}

const ACRONYM = /^[A-Z]{3,6}$/;

/** The type of one synset's names, or undefined when it names no entity of the four kinds. */
function synsetType(s: Synset, under: (root: string) => boolean): keyof WordnetEntityNames | undefined {
  if (s.lexFile === '18' && s.instance) return 'people';
  if (s.lexFile === '18' && s.gloss.startsWith('a native or inhabitant of')) return 'nationalities';
  if ((s.lexFile === '15' || s.lexFile === '17') && s.instance) return 'places';
  if (s.lexFile === '14' && under(ORGANIZATION_ROOT)) return 'organizations';
  if (s.lexFile === '10' && under(LANGUAGE_ROOT)) return 'languages';
  return undefined;
}

/** The names of one synset that a type keeps: people by their fullest two-to-four-word name, the others by every ASCII name. */
function keptNames(type: keyof WordnetEntityNames, words: string[]): string[] {
  if (type === 'people') {
    const full = words.filter((w) => isAsciiName(w) && w.includes(' '));
    return full.length === 0 ? [] : [full.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a))];
  }
  const maxWords = type === 'organizations' ? 5 : type === 'places' ? 3 : 2;
  return words.filter((w) => isAsciiName(w, maxWords) || (type === 'organizations' && ACRONYM.test(w)));
}

/** Every typed name of WordNet (see the module comment). Reads data.noun: about 1 s. */
export function wordnetEntityNames(dir: string = wordnetDictPath()): WordnetEntityNames {
  const synsets = new Map<string, Synset>();
  for (const line of wordnetSynsetLines('data.noun', dir)) synsets.set(line.slice(0, 8), parseSynset(line));
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (offset: string): Set<string> => {
    let set = ancestors.get(offset);
    if (set) return set;
    set = new Set<string>();
    ancestors.set(offset, set);
    for (const h of synsets.get(offset)?.hypernyms ?? []) {
      set.add(h);
      for (const a of ancestorsOf(h)) set.add(a);
    }
    return set;
  };
  const typeOf = new Map<string, keyof WordnetEntityNames | null>();
  for (const [offset, s] of synsets) {
    if (!s.words.some((w) => /^[A-Z]/.test(w))) continue;
    const type = synsetType(s, (root) => ancestorsOf(offset).has(root));
    if (!type) continue;
    for (const name of keptNames(type, s.words)) {
      const seen = typeOf.get(name);
      typeOf.set(name, seen === undefined || seen === type ? type : null);
    }
  }
  const out: WordnetEntityNames = { people: [], places: [], organizations: [], languages: [], nationalities: [] };
  for (const [name, type] of typeOf) if (type) out[type].push(name);
  for (const key of WORDNET_ENTITY_KEYS) out[key].sort();
  return out;
}

/** Every run of 1-4 consecutive words of a name ("Lake Baikal" → "Lake", "Baikal", "Lake Baikal"). */
function wordRuns(name: string): string[] {
  const words = name.split(' ');
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) runs.push(words.slice(i, j).join(' '));
  return runs;
}

/**
 * WordNet's names for training sentences: every name that contains a held-out entity string
 * (any run of its words is in one of `heldOut`'s lists: "Albert Einstein" goes when "Einstein" is a
 * test surname) or that is a training string of another type is left out, so the train and test
 * entities stay disjoint and no string carries two types.
 */
export function wordnetTrainingNames(
  names: WordnetEntityNames,
  lists: { train: EntityLists; test: EntityLists },
): WordnetEntityNames {
  const heldOut = new Set(Object.values(lists.test).flat());
  const trainType = new Map<string, string>();
  const typeOfKey = { firstNames: 'PER', surnames: 'PER', cities: 'LOC', countries: 'LOC' } as Record<string, string>;
  for (const [key, items] of Object.entries(lists.train))
    for (const n of items) trainType.set(n, typeOfKey[key] ?? 'MISC');
  const typeOfName = { people: 'PER', places: 'LOC', organizations: 'ORG', languages: 'MISC', nationalities: 'MISC' };
  const keep = (key: keyof WordnetEntityNames) => (n: string) =>
    !wordRuns(n).some((r) => heldOut.has(r)) && (trainType.get(n) ?? typeOfName[key]) === typeOfName[key];
  const out = {} as WordnetEntityNames;
  for (const key of WORDNET_ENTITY_KEYS) out[key] = names[key].filter(keep(key));
  return out;
}
