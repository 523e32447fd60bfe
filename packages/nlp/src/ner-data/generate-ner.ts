/**
 * Generated NER sentences: a seeded template (train or test templates, see ner-templates) filled
 * with entities from one split of the partitioned lists, tokenised into words (nerTokens) and
 * tagged BIO with PER/LOC/ORG/MISC. The same options give the same rows; a smaller count gives a
 * prefix of a larger one.
 *
 * @example
 * const lists = partitionEntityLists(loadEntityLists());
 * const [row] = generateNerSentences({ split: 'test', count: 1, seed: 3, lists });
 * // row.text: 'From Temecula to Surgut, Swindon Telecom Group now runs 47 stores.'
 * // row.tokens: ['From', 'Temecula', 'to', 'Surgut', ',', 'Swindon', 'Telecom', 'Group', 'now', ...]
 * // row.tags:   ['O', 'B-LOC', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', ...]
 */
import { Rng } from '@dlkit/core';
import { EntitySpan, spansToBio } from './bio';
import {
  COINED_ORGANIZATION_PATTERNS,
  composedDemonyms,
  composeEvent,
  composeOrganization,
  pickOne,
} from './composed-names';
import {
  ENTITY_LIST_KEYS,
  EntityLists,
  loadEntityLists,
  PartitionedLists,
  partitionEntityLists,
  PartitionOptions,
} from './entity-lists';
import { nerTokens } from './ner-tokens';
import { WordnetEntityNames, wordnetEntityNames, wordnetTrainingNames } from './wordnet-entity-names';
import { EntitySlot, nerTemplates, SLOT_TYPES } from './ner-templates';
import { compromiseOrganizations, organizationTrainingNames } from './lexicon-organizations';
import { WorldPersonNames, worldPersonNames, worldTrainingNames } from './world-person-names';

export type NerSplit = 'train' | 'validation' | 'test';

/** One generated sentence. */
export interface NerSentence {
  /** The sentence. */
  text: string;
  /** Word-level tokens (CoNLL-style: punctuation and possessive "'s" separate). */
  tokens: string[];
  /** Each token's [start, end) in `text`. */
  offsets: Array<[number, number]>;
  /** One BIO tag per token: O, B-/I- with PER, LOC, ORG or MISC. */
  tags: string[];
  /** The entities as typed character spans of `text`, in order. */
  entities: Array<EntitySpan & { text: string }>;
  /** The template the sentence was filled from. */
  template: string;
}

export interface GenerateNerOptions {
  split?: NerSplit;
  /** Number of sentences. */
  count?: number;
  /** Seed of the template and entity choices. */
  seed?: number;
  /**
   * The partitioned lists (loadEntityLists + partitionEntityLists), to load them once for several
   * calls. With a validation part, the train split also leaves out the validation templates (nerTemplates).
   */
  lists?: PartitionedLists;
  /** How the lists are partitioned when `lists` is not given. */
  partition?: PartitionOptions;
  /**
   * Probability that a {nat} or {lang} slot gets a made-up name from one of the split's place names
   * (composeDemonym: "Jaipuri") instead of a real one: variety for training sets (default 0).
   */
  composedMiscRate?: number;
  /**
   * Probability that a person, place or language slot is filled with a name from another type's
   * list (a city as a surname, a surname as a city, a city as a language), tagged by the slot: the
   * name's form then says nothing, so a model trained on such rows must read the context ("mayor of
   * X", "grew up speaking X"). Training sets only (default 0). Nationality slots keep their
   * own names: "Jaipur firms" would be a place, not a nationality.
   */
  nameSwapRate?: number;
  /**
   * Probability that an {org} slot gets a coined one-word name ("Surgutel": COINED_ORGANIZATION_PATTERNS,
   * never a real entity string) instead of a composed one. Training sets only (default 0).
   */
  coinedOrgRate?: number;
  /**
   * Probability that a {per}, place, {org}, {nat} or {lang} slot takes a real name from WordNet
   * (wordnetEntityNames: "Albert Einstein", "Lake Baikal", "World Health Organization", "Quechua")
   * instead of one from the split's lists; names that contain a test entity are left out
   * (wordnetTrainingNames). Training sets only (default 0).
   */
  wordnetRate?: number;
  /**
   * Probability that a {per}, {first} or {last} slot takes names from around the world
   * (worldPersonNames: faker's Latin-script locales) instead of the split's English-centred person
   * lists; held-out strings and other types' strings are left out (worldTrainingNames). Training
   * sets only (default 0).
   */
  worldNameRate?: number;
  /**
   * Probability that an {org} slot takes a real organisation from compromise's lexicon
   * (compromiseOrganizations: "Boeing", "Real Madrid") instead of a composed one; names with a
   * held-out string or another type are left out (organizationTrainingNames). Training sets only
   * (default 0).
   */
  lexiconOrgRate?: number;
}

export const GENERATE_NER_DEFAULTS = {
  split: 'train',
  count: 1000,
  seed: 1,
  composedMiscRate: 0,
  nameSwapRate: 0,
  coinedOrgRate: 0,
  wordnetRate: 0,
  worldNameRate: 0,
  lexiconOrgRate: 0,
} satisfies GenerateNerOptions;

/** Made-up MISC names for {nat}/{lang} slots (composedDemonyms) and the rate they are used at. */
export interface ComposedMisc {
  rate: number;
  names: readonly string[];
}

/** How slots are filled beyond the split's lists (generateNerSentences' training-set options). */
export interface FillOptions {
  misc?: ComposedMisc;
  /** nameSwapRate. */
  swapRate?: number;
  /** coinedOrgRate, and the strings a coined name must not be (every real entity string). */
  coined?: { rate: number; reserved: ReadonlySet<string> };
  /** wordnetRate, and the WordNet names that training sentences may use. */
  wordnet?: { rate: number; names: WordnetEntityNames };
  /** worldNameRate, and the world's person names that training sentences may use. */
  world?: { rate: number; names: WorldPersonNames };
  /** lexiconOrgRate, and the lexicon's organisations that training sentences may use. */
  lexiconOrgs?: { rate: number; names: readonly string[] };
}

/** The WordNet list a slot draws from (wordnetRate), or undefined for slots without one. */
function wordnetList(slot: string, names: WordnetEntityNames): readonly string[] | undefined {
  if (slot === 'per') return names.people;
  if (slot === 'city' || slot === 'country' || slot === 'loc') return names.places;
  if (slot === 'org') return names.organizations;
  if (slot === 'nat') return names.nationalities;
  if (slot === 'lang') return names.languages;
  return undefined;
}

/** The lists a swapped slot draws from (nameSwapRate): names of the other types. */
function swapPool(slot: string, l: EntityLists): readonly string[][] | undefined {
  const type = SLOT_TYPES[slot as EntitySlot] as string | undefined;
  if (type === 'PER') return [l.cities, l.countries, l.languages];
  if (type === 'LOC') return [l.surnames, l.firstNames, l.languages];
  if (slot === 'lang') return [l.cities, l.countries, l.surnames];
  return undefined;
}

/** A name of another type for the slot, or undefined when the slot keeps its own lists. */
function swappedName(slot: string, rng: Rng, l: EntityLists, rate: number): string | undefined {
  const pool = rate > 0 ? swapPool(slot, l) : undefined;
  if (!pool || rng.uniform() >= rate) return undefined;
  const name = pickOne(rng, pickOne(rng, pool));
  return slot === 'per' ? `${pickOne(rng, l.firstNames)} ${name}` : name;
}

/** A name from around the world for a person slot (worldNameRate), or undefined. */
function worldName(slot: string, rng: Rng, world: FillOptions['world']): string | undefined {
  if (!world || world.rate <= 0 || (slot !== 'per' && slot !== 'first' && slot !== 'last')) return undefined;
  if (rng.uniform() >= world.rate) return undefined;
  const { firstNames, surnames } = world.names;
  if (slot === 'first') return pickOne(rng, firstNames);
  if (slot === 'last') return pickOne(rng, surnames);
  return `${pickOne(rng, firstNames)} ${pickOne(rng, surnames)}`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The text of one slot: an entity of the split's lists, or a filler. */
function fillSlot(slot: string, rng: Rng, l: EntityLists, fill: FillOptions): string {
  const { misc, coined, wordnet } = fill;
  const swapped = swappedName(slot, rng, l, fill.swapRate ?? 0);
  if (swapped !== undefined) return swapped;
  const world = worldName(slot, rng, fill.world);
  if (world !== undefined) return world;
  const lexicon = fill.lexiconOrgs;
  if (slot === 'org' && lexicon && lexicon.rate > 0 && lexicon.names.length > 0 && rng.uniform() < lexicon.rate)
    return pickOne(rng, lexicon.names);
  const real = wordnet && wordnet.rate > 0 ? wordnetList(slot, wordnet.names) : undefined;
  if (real && real.length > 0 && rng.uniform() < wordnet!.rate) return pickOne(rng, real);
  if ((slot === 'nat' || slot === 'lang') && misc && misc.rate > 0 && rng.uniform() < misc.rate)
    return pickOne(rng, misc.names);
  if (slot === 'org' && coined && coined.rate > 0 && rng.uniform() < coined.rate) {
    let name = composeOrganization(rng, l, COINED_ORGANIZATION_PATTERNS);
    while (coined.reserved.has(name)) name = composeOrganization(rng, l, COINED_ORGANIZATION_PATTERNS);
    return name;
  }
  switch (slot) {
    case 'per':
      return `${pickOne(rng, l.firstNames)} ${pickOne(rng, l.surnames)}`;
    case 'first':
      return pickOne(rng, l.firstNames);
    case 'last':
      return pickOne(rng, l.surnames);
    case 'city':
      return pickOne(rng, l.cities);
    case 'country':
      return pickOne(rng, l.countries);
    case 'loc':
      return pickOne(rng, rng.uniform() < 0.5 ? l.cities : l.countries);
    case 'org':
      return composeOrganization(rng, l);
    case 'nat':
      return pickOne(rng, l.nationalities);
    case 'lang':
      return pickOne(rng, l.languages);
    case 'event':
      return composeEvent(rng, l);
    case 'year':
      return String(1950 + rng.int(75));
    case 'num':
      return String(2 + rng.int(94));
    case 'weekday':
      return pickOne(rng, WEEKDAYS);
  }
  throw new Error(`unknown template slot {${slot}}`);
}

const SLOT = /\{(\w+)\}/g;

/**
 * Fills one template: each slot gets a value not already used in this sentence (so "{city} and
 * {city}" names two cities). Throws when an entity does not start and end on token boundaries.
 */
export function fillTemplate(template: string, rng: Rng, lists: EntityLists, fill: FillOptions = {}): NerSentence {
  let text = '';
  let last = 0;
  const entities: NerSentence['entities'] = [];
  const used = new Set<string>();
  for (const m of template.matchAll(SLOT)) {
    text += template.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    let value = fillSlot(m[1], rng, lists, fill);
    for (let tries = 0; used.has(value) && tries < 20; tries++) value = fillSlot(m[1], rng, lists, fill);
    used.add(value);
    const type = SLOT_TYPES[m[1] as EntitySlot] as string | undefined;
    if (type) entities.push({ type, start: text.length, end: text.length + value.length, text: value });
    text += value;
  }
  text += template.slice(last);
  const words = nerTokens(text);
  const offsets = words.map((t): [number, number] => [t.start, t.end]);
  for (const e of entities) {
    if (!words.some((t) => t.start === e.start) || !words.some((t) => t.end === e.end))
      throw new Error(`template ${JSON.stringify(template)}: entity '${e.text}' does not fall on token boundaries`);
  }
  return { text, tokens: words.map((t) => t.text), offsets, tags: spansToBio(offsets, entities), entities, template };
}

/** Seeded generated sentences of one split (see the module comment). */
export function generateNerSentences(options: GenerateNerOptions = {}): NerSentence[] {
  const o = { ...GENERATE_NER_DEFAULTS, ...options };
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error(`count must be a whole number ≥ 0, got ${o.count}`);
  if (o.split !== 'train' && o.split !== 'validation' && o.split !== 'test')
    throw new Error(`split must be 'train', 'validation' or 'test', got '${o.split}'`);
  const both = o.lists ?? partitionEntityLists(loadEntityLists(), o.partition);
  const lists = both[o.split];
  if (!lists) throw new Error('the validation split needs lists partitioned with validationFraction > 0');
  const templates = nerTemplates(o.split, both.validation !== undefined);
  for (const [name, p] of [
    ['composedMiscRate', o.composedMiscRate],
    ['nameSwapRate', o.nameSwapRate],
    ['coinedOrgRate', o.coinedOrgRate],
    ['wordnetRate', o.wordnetRate],
    ['worldNameRate', o.worldNameRate],
    ['lexiconOrgRate', o.lexiconOrgRate],
  ] as const)
    if (!(p >= 0 && p <= 1)) throw new Error(`${name} must be in [0, 1], got ${p}`);
  for (const [name, p] of [
    ['wordnetRate', o.wordnetRate],
    ['worldNameRate', o.worldNameRate],
    ['lexiconOrgRate', o.lexiconOrgRate],
  ] as const)
    if (p > 0 && o.split !== 'train')
      throw new Error(`${name} is for training sentences only (split 'train'), got split '${o.split}'`);
  const reserved =
    o.composedMiscRate > 0 || o.coinedOrgRate > 0
      ? new Set(ENTITY_LIST_KEYS.flatMap((k) => [both.train, both.test, both.validation].flatMap((l) => l?.[k] ?? [])))
      : new Set<string>();
  const fill: FillOptions = {
    misc: { rate: o.composedMiscRate, names: o.composedMiscRate > 0 ? composedDemonyms(lists, reserved) : [] },
    swapRate: o.nameSwapRate,
    coined: { rate: o.coinedOrgRate, reserved },
    wordnet:
      o.wordnetRate > 0 ? { rate: o.wordnetRate, names: wordnetTrainingNames(wordnetEntityNames(), both) } : undefined,
    world:
      o.worldNameRate > 0 ? { rate: o.worldNameRate, names: worldTrainingNames(worldPersonNames(), both) } : undefined,
    lexiconOrgs:
      o.lexiconOrgRate > 0
        ? { rate: o.lexiconOrgRate, names: organizationTrainingNames(compromiseOrganizations(), both) }
        : undefined,
  };
  const rng = new Rng(o.seed);
  return Array.from({ length: o.count }, () => fillTemplate(pickOne(rng, templates), rng, lists, fill));
}
