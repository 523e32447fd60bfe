/**
 * Real named entities from WordNet 3.1's noun synsets, typed by where WordNet files them: people
 * (instances in noun.person with a first and last name: "Albert Einstein"), places (instances in
 * noun.location and noun.object: "Kazakhstan", "Lake Baikal"), organisations (capitalised synsets
 * under "organization": "World Health Organization", "NASA"), languages (capitalised synsets under
 * "language": "Quechua"; religions are left out) and nationalities (noun.person synsets defined as "a native or inhabitant
 * of ...": "Peruvian"). A string with two types is dropped. These add thousands of real names to
 * the NER training sentences (generateNerSentences' `wordnetRate`), where the project's own lists
 * have ~100 languages and a few patterns of organisation per split.
 *
 * @example
 * wordnetEntityNames().organizations.includes('World Health Organization'); // true
 */
import { synsetGloss, synsetWords, wordnetDictPath, wordnetSynsetLines } from '../text/wordnet-data';
import { isAsciiName, PartitionedLists } from './entity-lists';

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
/** Religions and their branches are groups under "organization" in WordNet, MISC in CoNLL: left out. */
const RELIGION_ROOT = '08098545';

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
function synsetType(s: Synset, under: (root: string) => boolean): WordnetEntityKey | undefined {
  if (s.lexFile === '18' && s.instance) return 'people';
  if (s.lexFile === '18' && s.gloss.startsWith('a native or inhabitant of')) return 'nationalities';
  if ((s.lexFile === '15' || s.lexFile === '17') && s.instance) return 'places';
  if (s.lexFile === '14' && under(ORGANIZATION_ROOT) && !under(RELIGION_ROOT)) return 'organizations';
  if (s.lexFile === '10' && under(LANGUAGE_ROOT)) return 'languages';
  return undefined;
}

/** The names of one synset that a type keeps: its ASCII names (acronyms too for organisations). */
function keptNames(type: WordnetEntityKey, words: string[]): string[] {
  const maxWords = type === 'organizations' ? 5 : type === 'places' || type === 'people' ? 4 : 2;
  return words.filter((w) => isAsciiName(w, maxWords) || (type === 'organizations' && ACRONYM.test(w)));
}

export type WordnetEntityKey = (typeof WORDNET_ENTITY_KEYS)[number];

/**
 * The type of every WordNet name, one-word person names included ("Einstein", "Zeus"); a name with
 * two types is left out. Reads data.noun: about 0.5 s.
 */
export function wordnetNameTypes(dir: string = wordnetDictPath()): Map<string, WordnetEntityKey> {
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
  const typeOf = new Map<string, WordnetEntityKey | null>();
  for (const [offset, s] of synsets) {
    if (!s.words.some((w) => /^[A-Z]/.test(w))) continue;
    const type = synsetType(s, (root) => ancestorsOf(offset).has(root));
    if (!type) continue;
    for (const name of keptNames(type, s.words)) {
      const seen = typeOf.get(name);
      typeOf.set(name, seen === undefined || seen === type ? type : null);
    }
  }
  const out = new Map<string, WordnetEntityKey>();
  for (const [name, type] of typeOf) if (type) out.set(name, type);
  return out;
}

/** Every typed name of WordNet (see the module comment); people only by names of two words or more. */
export function wordnetEntityNames(dir: string = wordnetDictPath()): WordnetEntityNames {
  const out: WordnetEntityNames = { people: [], places: [], organizations: [], languages: [], nationalities: [] };
  for (const [name, type] of wordnetNameTypes(dir)) if (type !== 'people' || name.includes(' ')) out[type].push(name);
  for (const key of WORDNET_ENTITY_KEYS) out[key].sort();
  return out;
}

/** The NER type of each kind of WordNet name. */
export const WORDNET_NER_TYPES: Record<WordnetEntityKey, string> = {
  people: 'PER',
  places: 'LOC',
  organizations: 'ORG',
  languages: 'MISC',
  nationalities: 'MISC',
};

/** Whether a name of a kind may appear in training sentences (see wordnetTrainingNames). */
export type TrainingNameCheck = (name: string, kind: WordnetEntityKey) => boolean;

/**
 * The check of training names: a training list's name passes when the list has its type; any other
 * name fails when a run of its words is a held-out entity string ("Albert Einstein" when "Einstein"
 * is a test surname; held out = the test and validation lists).
 */
export function trainingNameCheck(lists: PartitionedLists): TrainingNameCheck {
  const heldOut = new Set([lists.test, lists.validation].flatMap((l) => Object.values(l ?? {}).flat()));
  const trainType = new Map<string, string>();
  const l = lists.train;
  for (const n of [...l.firstNames, ...l.surnames]) trainType.set(n, 'PER');
  for (const n of [...l.cities, ...l.countries]) trainType.set(n, 'LOC');
  for (const n of [...l.languages, ...l.nationalities]) trainType.set(n, 'MISC');
  return (name, kind) => {
    const listed = trainType.get(name);
    if (listed !== undefined) return listed === WORDNET_NER_TYPES[kind];
    const words = name.split(' ');
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j <= words.length; j++) if (heldOut.has(words.slice(i, j).join(' '))) return false;
    return true;
  };
}

/**
 * WordNet's names for training sentences: those that pass trainingNameCheck, so the train and
 * test entities stay disjoint and no string carries two types.
 */
export function wordnetTrainingNames(names: WordnetEntityNames, lists: PartitionedLists): WordnetEntityNames {
  const check = trainingNameCheck(lists);
  const out = {} as WordnetEntityNames;
  for (const key of WORDNET_ENTITY_KEYS) out[key] = names[key].filter((n) => check(n, key));
  return out;
}
