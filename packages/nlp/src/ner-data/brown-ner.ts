/**
 * NER training sentences from the Brown corpus (real 1961 American English: news, editorials,
 * reviews, fiction ...), tagged by distant supervision with the help of its part-of-speech tags.
 * A run of proper nouns and title-case words is typed as
 * - a person when a title comes before it ("Mr./np Kennedy/np": "Mr." stays O, as in CoNLL-2003),
 *   or when it is proper nouns only and starts with a known first name ("John/np F./np Kennedy/np");
 * - the type of a known name (WordNet's typed names and the entity lists: "Atlanta", "Congress");
 * - an organisation when it is a title-case phrase of two words or more that ends with an
 *   organisation word or starts with one and "of" ("City/nn-tl Executive/jj-tl Committee/nn-tl",
 *   "Bank of America").
 * Months, weekdays and "I" are not entities. A sentence with any other proper noun, or any other
 * capitalised word after the first, is left out, since its type is unknown; so are headlines and
 * sentences with foreign words. 6,091 of the 57,340 sentences survive, with 7,713 entities (5,296
 * PER, 1,212 LOC, 689 MISC, 516 ORG): frames that people wrote, with names in the positions and
 * company that real text gives them.
 *
 * Train/test disjointness and replacement of held-out names are as for the gloss sentences
 * (sampleGlossNerSentences): no held-out string is ever an entity here.
 *
 * @example
 * const rows = brownNerSentences(lists, { count: 2 });
 * // e.g. 'Mr. Tulsa said the Bontoc Steel Company would appeal.' with PER and ORG tagged
 */
import { detokenize, nerTokens } from './ner-tokens';
import { brownSentences, BrownSentence } from '../text/brown-corpus';
import { PartitionedLists } from './entity-lists';
import { NerSentence } from './generate-ner';
import { knownNames, sampleGlossNerSentences, TaggedGloss } from './wordnet-gloss-ner';
import { WordnetEntityKey } from './wordnet-entity-names';

export interface BrownNerOptions {
  /** Sentences returned (drawn without repetition while they last, then again). */
  count?: number;
  seed?: number;
}

export const BROWN_NER_DEFAULTS = { count: 1000, seed: 1, maxWords: 40, minWords: 4 };

/** Words before a person's name that are not part of it. */
// prettier-ignore
export const PERSON_TITLES = new Set([
  'Mr.', 'Mrs.', 'Miss', 'Ms.', 'Dr.', 'Gov.', 'Sen.', 'Rep.', 'Gen.', 'Col.', 'Capt.', 'Lt.', 'Sgt.', 'Maj.',
  'Adm.', 'Rev.', 'Prof.', 'Judge', 'President', 'Mayor', 'Senator', 'Governor', 'Secretary', 'Coach',
  'Father', 'Chairman', 'Premier', 'Chancellor', 'Ambassador', 'Justice', 'Commissioner', 'Sheriff',
]);

/** Last words of organisation names. */
// prettier-ignore
export const ORGANIZATION_HEADS = new Set([
  'Company', 'Co.', 'Corporation', 'Corp.', 'Inc.', 'University', 'College', 'Committee', 'Commission',
  'Association', 'Department', 'Bank', 'Board', 'Council', 'Party', 'Club', 'Union', 'Institute', 'League',
  'Society', 'Agency', 'Bureau', 'Administration', 'Authority', 'Foundation', 'Academy', 'School', 'Hospital',
  'Court', 'Senate', 'Assembly', 'Legislature', 'Army', 'Navy', 'Corps', 'Federation', 'Organization', 'Jury',
  'Laboratories', 'Brothers', 'Conference', 'Railroad', 'Railway', 'Airlines', 'Orchestra', 'Seminary',
]);

// prettier-ignore
const NOT_ENTITIES = new Set([
  'I', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Lower-case words that may join the words of a title-case name ("Bank of America", "Department of State"). */
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the', 'de']);

const isCapitalised = (w: string) => /^[A-Z]/.test(w);
const isProperNoun = (tag: string) => /^nps?\$?(-tl)?$/.test(tag);
const isNameWord = (w: string, tag: string) => isCapitalised(w) && (isProperNoun(tag) || tag.endsWith('-tl'));

/** Brown's words and tags with the quote marks (`` and '') dropped; undefined for headlines and sentences with foreign words. */
function cleanSentence(s: BrownSentence): { words: string[]; tags: string[] } | undefined {
  if (s.tags.some((t) => t.endsWith('-hl') || t.startsWith('fw'))) return undefined;
  const keep = s.words.map((w) => w !== '``' && w !== "''" && w !== '`' && w !== "'");
  return { words: s.words.filter((_, i) => keep[i]), tags: s.tags.filter((_, i) => keep[i]) };
}

/** Runs of name words [first, last], lower-case connectors allowed between title-case words. */
function nameRuns(words: string[], tags: string[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < words.length) {
    if (!isNameWord(words[i], tags[i])) {
      i++;
      continue;
    }
    let end = i;
    for (let j = i + 1; j < words.length; j++) {
      if (isNameWord(words[j], tags[j])) end = j;
      else if (!(CONNECTORS.has(words[j]) && tags[j].endsWith('-tl'))) break;
    }
    runs.push([i, end]);
    i = end + 1;
  }
  return runs;
}

export interface BrownTyping {
  /** Known names and their kinds (knownNames: WordNet's and the entity lists'). */
  known: Map<string, WordnetEntityKey>;
  /** First names of every split: a run of proper nouns that starts with one is a person. */
  firstNames: Set<string>;
}

/** The kind of the name words[a..b] (titles already stripped); undefined when unknown. */
function kindOf(words: string[], tags: string[], a: number, b: number, name: string, t: BrownTyping, titled: boolean) {
  const properOnly = tags.slice(a, b + 1).every(isProperNoun);
  if (titled && properOnly) return 'people';
  const known = t.known.get(name);
  if (known) return known;
  if (properOnly && t.firstNames.has(words[a])) return 'people';
  const isTitleCase = tags.slice(a, b + 1).every((tag) => tag.endsWith('-tl'));
  const headed = ORGANIZATION_HEADS.has(words[b]) || (ORGANIZATION_HEADS.has(words[a]) && words[a + 1] === 'of');
  if (isTitleCase && b > a && headed) return 'organizations';
  if (a === b && name.endsWith('s') && t.known.get(name.slice(0, -1)) === 'nationalities') return 'nationalities';
  return undefined;
}

/** One Brown sentence with its names typed, or undefined (see the module comment). */
export function tagBrownSentence(s: BrownSentence, t: BrownTyping, maxWords: number): TaggedGloss | undefined {
  const clean = cleanSentence(s);
  if (!clean || clean.words.length > maxWords || clean.words.length < BROWN_NER_DEFAULTS.minWords) return undefined;
  const { words, tags } = clean;
  const { text, offsets } = detokenize(words);
  const tokens = nerTokens(text);
  const names: TaggedGloss['names'] = [];
  const covered = new Set<number>();
  for (const [first, last] of nameRuns(words, tags)) {
    let a = first;
    while (a <= last && PERSON_TITLES.has(words[a])) covered.add(a++);
    if (a > last) continue;
    for (let i = a; i <= last; i++) covered.add(i);
    const possessive = tags[last].includes('$') && /'s$/i.test(words[last]);
    const start = offsets[a][0];
    const end = offsets[last][1] - (possessive ? 2 : 0);
    if (a === last && NOT_ENTITIES.has(words[a])) continue;
    const kind = kindOf(words, tags, a, last, text.slice(start, end), t, a > first);
    if (!kind) {
      if (a === 0 && a === last && !isProperNoun(tags[a])) continue; // an ordinary capitalised first word
      return undefined;
    }
    const i0 = tokens.findIndex((tk) => tk.start === start);
    const i1 = tokens.findIndex((tk) => tk.end === end);
    if (i0 < 0 || i1 < i0) return undefined;
    names.push([i0, i1, kind]);
  }
  for (let i = 1; i < words.length; i++)
    if (isCapitalised(words[i]) && !covered.has(i) && !NOT_ENTITIES.has(words[i])) {
      const known = t.known.get(words[i]);
      if (!known) return undefined;
      const i0 = tokens.findIndex((tk) => tk.start === offsets[i][0]);
      if (i0 < 0) return undefined;
      names.push([i0, i0, known]);
    }
  names.sort((x, y) => x[0] - y[0]);
  return names.length > 0 ? { text, tokens, names } : undefined;
}

/** Every Brown sentence that tagBrownSentence accepts, in corpus order. Reads the corpus and WordNet: ~3 s. */
export function taggedBrownSentences(lists: PartitionedLists, maxWords: number = BROWN_NER_DEFAULTS.maxWords) {
  const splits = [lists.train, lists.test, lists.validation];
  const typing: BrownTyping = {
    known: knownNames(lists),
    firstNames: new Set(splits.flatMap((l) => l?.firstNames ?? [])),
  };
  const out: TaggedGloss[] = [];
  for (const s of brownSentences()) {
    const tagged = tagBrownSentence(s, typing, maxWords);
    if (tagged) out.push(tagged);
  }
  return out;
}

/** `count` seeded training sentences from the Brown corpus (see the module comment). */
export function brownNerSentences(lists: PartitionedLists, options: BrownNerOptions = {}): NerSentence[] {
  const o = { ...BROWN_NER_DEFAULTS, ...options };
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error(`count must be a whole number ≥ 0, got ${o.count}`);
  const tagged = o.count === 0 ? [] : taggedBrownSentences(lists, o.maxWords);
  return sampleGlossNerSentences(tagged, lists, { count: o.count, seed: o.seed, template: 'brown' });
}
