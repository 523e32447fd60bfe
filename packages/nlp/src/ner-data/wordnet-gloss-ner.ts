/**
 * NER training sentences from real text: WordNet's definitions and examples whose capitalised words
 * are all known names, tagged by distant supervision ("a city in southeastern Brazil that is a
 * suburb of Rio de Janeiro" → Brazil LOC, Rio de Janeiro LOC). Known names are WordNet's typed names
 * (wordnetNameTypes) and the entity lists; a sentence with any other capitalised word after the
 * first is left out, since its type is unknown. The templates give ~240 sentence frames; these give
 * ~20,000 frames written by people, which is what a model needs to read types from context.
 *
 * Train/test disjointness: a name that is or contains a held-out entity string, or that a training
 * list has with another type, is replaced by a training name of the same kind (a place by a
 * training city or country, a language by a training language, a person by a training first name
 * and surname, an organisation by a composed one), so no held-out string is ever an entity here.
 * The first letter is capitalised, as templates' sentences are.
 *
 * @example
 * const rows = wordnetGlossNerSentences({ count: 2, lists });
 * // rows[0].text: 'A city in southeastern Brazil that is a residential suburb of Rio de Janeiro'
 */
import { Rng } from '@dlkit/core';
import { glossFields } from '../text/wordnet-gloss-split';
import { wordnetGlosses } from '../text/wordnet-data';
import { wordnetNameDefinitions } from '../text/wordnet-name-definitions';
import { spansToBio } from './bio';
import { composeOrganization, pickOne } from './composed-names';
import { EntityLists, englishWords, PartitionedLists } from './entity-lists';
import { NerSentence } from './generate-ner';
import { WordToken } from '../text/word-tokenizer';
import { nerTokens } from './ner-tokens';
import {
  TrainingNameCheck,
  trainingNameCheck,
  WORDNET_NER_TYPES,
  WordnetEntityKey,
  wordnetNameTypes,
} from './wordnet-entity-names';

export interface GlossNerOptions {
  /** Sentences returned (drawn without repetition while they last, then again). */
  count?: number;
  seed?: number;
  /** Longest sentence kept, in words. */
  maxWords?: number;
}

export const GLOSS_NER_DEFAULTS = { count: 1000, seed: 1, maxWords: 40 } satisfies GlossNerOptions;

/** A gloss sentence with its known names found: [first token, last token, kind] each. */
export interface TaggedGloss {
  text: string;
  tokens: WordToken[];
  names: Array<[number, number, WordnetEntityKey]>;
}

/** Every known name and its kind: WordNet's, then the lists' (one-word names that are English words left out: "King"). Also read by brown-ner.ts. */
export function knownNames(lists: PartitionedLists): Map<string, WordnetEntityKey> {
  const words = englishWords();
  const known = new Map<string, WordnetEntityKey>();
  for (const [name, kind] of wordnetNameTypes())
    if (name.includes(' ') || !words.has(name.toLowerCase())) known.set(name, kind);
  const splits = [lists.train, lists.test, lists.validation].filter((l): l is EntityLists => l !== undefined);
  for (const split of splits) {
    for (const n of [...split.cities, ...split.countries]) if (!known.has(n)) known.set(n, 'places');
    for (const n of split.languages) if (!known.has(n)) known.set(n, 'languages');
    for (const n of split.nationalities) if (!known.has(n)) known.set(n, 'nationalities');
  }
  return known;
}

const MAX_NAME_WORDS = 5;
const isCapitalised = (t: WordToken) => /^[A-Z]/.test(t.text);

/** The sentence's known names, longest first at each capitalised word; undefined when a capitalised word after the first is unknown. */
function tagSentence(text: string, known: Map<string, WordnetEntityKey>): TaggedGloss | undefined {
  const tokens = nerTokens(text);
  const names: TaggedGloss['names'] = [];
  for (let i = 0; i < tokens.length;) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length - i); n >= 1 && matched === 0; n--) {
      const kind = known.get(text.slice(tokens[i].start, tokens[i + n - 1].end));
      if (kind) {
        names.push([i, i + n - 1, kind]);
        matched = n;
      }
    }
    if (matched === 0 && i > 0 && tokens[i].text !== 'I') return undefined;
    i += Math.max(matched, 1);
  }
  return names.length > 0 ? { text, tokens, names } : undefined;
}

/**
 * Every definition and example of WordNet that tagSentence accepts, up to maxWords words, in file
 * order, then the definitions of WordNet's named things whose name is known ("Quechua is the
 * language of the Quechua people ...": wordnetNameDefinitions).
 */
export function taggedGlossSentences(
  lists: PartitionedLists,
  maxWords: number = GLOSS_NER_DEFAULTS.maxWords,
): TaggedGloss[] {
  const known = knownNames(lists);
  const out: TaggedGloss[] = [];
  for (const gloss of wordnetGlosses()) {
    const { definitions, examples } = glossFields(gloss);
    for (const raw of [...definitions, ...examples]) {
      const text = raw.trim();
      if (text === '' || text.split(' ').length > maxWords) continue;
      const tagged = tagSentence(text, known);
      if (tagged) out.push(tagged);
    }
  }
  for (const text of wordnetNameDefinitions()) {
    if (text.split(' ').length > maxWords) continue;
    const tagged = tagSentence(text, known);
    if (tagged && tagged.names[0][0] === 0) out.push(tagged);
  }
  return out;
}

/** A training name of the same kind, for a name that must not appear (see the module comment). */
function replacement(kind: WordnetEntityKey, words: number, rng: Rng, l: EntityLists): string {
  if (kind === 'places') return pickOne(rng, rng.uniform() < 0.5 ? l.cities : l.countries);
  if (kind === 'languages') return pickOne(rng, l.languages);
  if (kind === 'nationalities') return pickOne(rng, l.nationalities);
  if (kind === 'organizations') return composeOrganization(rng, l);
  return words > 1 ? `${pickOne(rng, l.firstNames)} ${pickOne(rng, l.surnames)}` : pickOne(rng, l.surnames);
}

/** One tagged sentence as a NerSentence: unsafe names replaced, the first letter capitalised. */
function toNerSentence(
  t: TaggedGloss,
  rng: Rng,
  lists: PartitionedLists,
  safe: TrainingNameCheck,
  template: string,
): NerSentence {
  let text = '';
  let last = 0;
  const entities: NerSentence['entities'] = [];
  for (const [first, lastToken, kind] of t.names) {
    const start = t.tokens[first].start;
    const end = t.tokens[lastToken].end;
    const original = t.text.slice(start, end);
    const name = safe(original, kind) ? original : replacement(kind, lastToken - first + 1, rng, lists.train);
    text += t.text.slice(last, start);
    entities.push({ type: WORDNET_NER_TYPES[kind], start: text.length, end: text.length + name.length, text: name });
    text += name;
    last = end;
  }
  text += t.text.slice(last);
  text = text[0].toUpperCase() + text.slice(1);
  const words = nerTokens(text);
  const offsets = words.map((w): [number, number] => [w.start, w.end]);
  return {
    text,
    tokens: words.map((w) => w.text),
    offsets,
    tags: spansToBio(offsets, entities),
    entities,
    template,
  };
}

/** `count` seeded training sentences from WordNet's glosses (see the module comment). */
export function wordnetGlossNerSentences(lists: PartitionedLists, options: GlossNerOptions = {}): NerSentence[] {
  const o = { ...GLOSS_NER_DEFAULTS, ...options };
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error(`count must be a whole number ≥ 0, got ${o.count}`);
  return sampleGlossNerSentences(o.count === 0 ? [] : taggedGlossSentences(lists, o.maxWords), lists, o);
}

/**
 * wordnetGlossNerSentences over already tagged sentences (taggedGlossSentences, ~2 s, done once;
 * or taggedBrownSentences), each NerSentence's `template` set to `template`.
 */
export function sampleGlossNerSentences(
  tagged: readonly TaggedGloss[],
  lists: PartitionedLists,
  options: { count: number; seed: number; template?: string },
): NerSentence[] {
  if (options.count > 0 && tagged.length === 0) throw new Error('no tagged sentences to sample from');
  const rng = new Rng(options.seed);
  const safe = trainingNameCheck(lists);
  const out: NerSentence[] = [];
  while (out.length < options.count) {
    const order = rng.shuffle(tagged.map((_, i) => i)).slice(0, options.count - out.length);
    for (const i of order) out.push(toNerSentence(tagged[i], rng, lists, safe, options.template ?? 'wordnet-gloss'));
  }
  return out;
}
