/**
 * Generated extractive-QA examples (SQuAD v1.1 shaped): a reading passage about one country —
 * its facts in varied phrasings (fact-phrasings) mixed with distractor sentences about other
 * countries, shuffled — and questions, each a paraphrase of one fact type, whose answer is a
 * character span of the passage. The countries are partitioned once (seeded) into train and test,
 * and a split's passages are about, and distract with, its own countries only. The same options
 * give the same rows; a smaller count gives a prefix of a larger one.
 *
 * @example
 * const [ex] = generateQaExamples({ split: 'test', count: 1, seed: 1 });
 * ex.context.slice(ex.answers[0].start, ex.answers[0].start + ex.answers[0].text.length) === ex.answers[0].text; // true
 */
import { Rng } from '@dlkit/core';
import { pickOne } from '../ner-data/composed-names';
import { cityCandidates, isAsciiName, partitionList } from '../ner-data/entity-lists';
import { CountryFacts, loadCountryFacts } from './country-facts';
import { FACT_TYPES, FactType, fillPhrasing, joinList, QUESTIONS, STATEMENTS } from './fact-phrasings';

export type QaSplit = 'train' | 'test';

export interface QaAnswer {
  text: string;
  /** Character offset of the answer in the context (SQuAD's `answer_start`). */
  start: number;
}

/** One question about one context, as in SQuAD v1.1. */
export interface QaExample {
  id: string;
  /** The article title (the country a generated passage is about). */
  title: string;
  context: string;
  question: string;
  /** One or more accepted answers, each a span of the context. */
  answers: QaAnswer[];
}

/** A generated example also says which fact it asks for. */
export interface GeneratedQaExample extends QaExample {
  factType: FactType;
  /** The countries the passage's distractor sentences are about. */
  distractorCountries: string[];
}

export interface GenerateQaOptions {
  split?: QaSplit;
  /** Number of questions. */
  count?: number;
  seed?: number;
  /** Distractor sentences per passage, each about another country of the split. */
  distractors?: number;
  /** Questions asked about each passage (different facts). */
  questionsPerPassage?: number;
  /** Fraction of the countries held out for test. */
  testFraction?: number;
  /** Seed of the country partition (keep it fixed: train and test must come from one partition). */
  partitionSeed?: number;
  /** The country facts, when already loaded. */
  facts?: CountryFacts[];
  /**
   * Probability that a passage's countries (target and distractors) state facts borrowed from
   * other countries of the split (counterfactual augmentation, see mixedFacts): a reader trained
   * on them cannot answer from memory of the few real countries and must read. 0 for test data.
   */
  mixFactsRate?: number;
  /**
   * Probability that a passage's countries (target and distractors, in the passage and the
   * question) and their capitals are renamed after random cities of 100,000+ inhabitants that no
   * country has as name or capital ("The capital of Surgut is Aba"): entity anonymisation (Hermann
   * et al. 2015), so that a reader learns to match the question's name in the passage and to read
   * the answer from the sentence, instead of remembering the few train countries' names and
   * capitals. 0 for test data.
   */
  renameRate?: number;
  /**
   * Probability that a distractor sentence states a fact of a type the passage's questions ask
   * about ("The capital of Chad is N'Djamena." next to "What is the capital of Peru?"): hard
   * negatives, which only the country's name tells apart from the answer sentence. Otherwise a
   * distractor's fact type is random. 0 for test data.
   */
  hardDistractorRate?: number;
}

export const GENERATE_QA_DEFAULTS = {
  split: 'train',
  count: 1000,
  seed: 1,
  distractors: 4,
  questionsPerPassage: 2,
  testFraction: 0.3,
  partitionSeed: 2024,
  mixFactsRate: 0,
  renameRate: 0,
  hardDistractorRate: 0,
} satisfies GenerateQaOptions;

/** The answer text of a fact, or undefined when the country lacks it (a region equal to the continent counts as missing). */
export function factAnswer(c: CountryFacts, type: FactType): string | undefined {
  switch (type) {
    case 'capital':
      return c.capital;
    case 'currency':
      return c.currency;
    case 'languages':
      return c.languages.length > 0 ? joinList(c.languages) : undefined;
    case 'continent':
      return c.continent;
    case 'region':
      return c.region !== c.continent ? c.region : undefined;
    case 'neighbours':
      return c.neighbours.length > 0 ? joinList(c.neighbours) : undefined;
  }
}

const plural = (c: CountryFacts, type: FactType) =>
  (type === 'languages' && c.languages.length > 1) || (type === 'neighbours' && c.neighbours.length > 1);

/** The split's countries: a seeded partition of every country with at least a capital and two more facts. */
export function qaCountries(split: QaSplit, options: GenerateQaOptions = {}): CountryFacts[] {
  const o = { ...GENERATE_QA_DEFAULTS, ...options };
  const usable = (o.facts ?? loadCountryFacts()).filter(
    (c) => c.capital !== undefined && FACT_TYPES.filter((t) => factAnswer(c, t) !== undefined).length >= 3,
  );
  return partitionList(usable, o.testFraction, new Rng(o.partitionSeed))[split];
}

/**
 * A country with each fact borrowed from a random country of the pool (its own name kept; itself
 * left out of borrowed neighbours): "The capital of Peru is Oslo." The pool's answers, in new
 * combinations.
 */
export function mixedFacts(rng: Rng, c: CountryFacts, pool: readonly CountryFacts[]): CountryFacts {
  const donor = () => pickOne(rng, pool);
  const place = donor();
  return {
    name: c.name,
    capital: donor().capital ?? c.capital,
    currency: donor().currency,
    languages: donor().languages,
    continent: place.continent,
    region: place.region,
    neighbours: donor().neighbours.filter((n) => n !== c.name),
  };
}

/** Names for renamed countries: ASCII city names of 100,000+ inhabitants that are no country's name or capital. */
export function renamingPool(facts: readonly CountryFacts[]): string[] {
  const taken = new Set(facts.flatMap((c) => [c.name, c.capital ?? '']));
  return [...new Set(cityCandidates(100_000))].filter((n) => isAsciiName(n, 3) && !taken.has(n)).sort();
}

interface Sentence {
  text: string;
  /** For the target's own facts: which fact, and where its answer starts in the sentence. */
  fact?: { type: FactType; answer: string; start: number };
}

function statement(rng: Rng, c: CountryFacts, type: FactType): Sentence {
  const answer = factAnswer(c, type)!;
  const { text, answerStart } = fillPhrasing(pickOne(rng, STATEMENTS[type]), c.name, answer, plural(c, type));
  return { text, fact: { type, answer, start: answerStart } };
}

const askedTypes = (rng: Rng, types: readonly FactType[], n: number) => rng.shuffle([...types]).slice(0, n);

/** Seeded generated examples of one split (see the module comment). */
export function generateQaExamples(options: GenerateQaOptions = {}): GeneratedQaExample[] {
  const o = { ...GENERATE_QA_DEFAULTS, ...options };
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error(`count must be a whole number ≥ 0, got ${o.count}`);
  if (o.split !== 'train' && o.split !== 'test') throw new Error(`split must be 'train' or 'test', got '${o.split}'`);
  for (const key of ['mixFactsRate', 'renameRate', 'hardDistractorRate'] as const)
    if (!(o[key] >= 0 && o[key] <= 1)) throw new Error(`${key} must be in [0, 1], got ${o[key]}`);
  const countries = qaCountries(o.split, o);
  const pool = o.renameRate > 0 ? renamingPool(o.facts ?? loadCountryFacts()) : [];
  if (countries.length < 2)
    throw new Error(`the ${o.split} split has ${countries.length} countries: at least 2 are needed`);
  const rng = new Rng(o.seed);
  const out: GeneratedQaExample[] = [];
  for (let passage = 0; out.length < o.count; passage++) {
    const mix = o.mixFactsRate > 0 && rng.uniform() < o.mixFactsRate;
    const rename = o.renameRate > 0 && rng.uniform() < o.renameRate;
    const names = new Set<string>();
    const newName = () => {
      let name = pickOne(rng, pool);
      while (names.has(name)) name = pickOne(rng, pool);
      names.add(name);
      return name;
    };
    const renamed = (c: CountryFacts): CountryFacts =>
      rename ? { ...c, name: newName(), capital: c.capital === undefined ? undefined : newName() } : c;
    const facts = (c: CountryFacts) => renamed(mix ? mixedFacts(rng, c, countries) : c);
    const chosen = pickOne(rng, countries);
    const target = facts(chosen);
    const types = FACT_TYPES.filter((t) => factAnswer(target, t) !== undefined);
    const sentences = types.map((t) => statement(rng, target, t));
    // With hard distractors the asked types are drawn first (the draw order of the default data is kept).
    const hard = o.hardDistractorRate > 0;
    let asked = hard ? askedTypes(rng, types, o.questionsPerPassage) : [];
    const distractorCountries: string[] = [];
    for (let d = 0; d < o.distractors; d++) {
      let other = pickOne(rng, countries);
      while (other.name === chosen.name) other = pickOne(rng, countries);
      other = facts(other);
      distractorCountries.push(other.name);
      const otherTypes = FACT_TYPES.filter((t) => factAnswer(other, t) !== undefined);
      const sameType = otherTypes.filter((t) => asked.includes(t));
      const typePool = hard && sameType.length > 0 && rng.uniform() < o.hardDistractorRate ? sameType : otherTypes;
      sentences.push({ text: statement(rng, other, pickOne(rng, typePool)).text });
    }
    rng.shuffle(sentences);
    let context = '';
    const spans = new Map<FactType, QaAnswer>();
    for (const s of sentences) {
      if (context !== '') context += ' ';
      if (s.fact) spans.set(s.fact.type, { text: s.fact.answer, start: context.length + s.fact.start });
      context += s.text;
    }
    if (!hard) asked = askedTypes(rng, types, o.questionsPerPassage);
    asked.forEach((type, k) => {
      if (out.length >= o.count) return;
      const question = fillPhrasing(pickOne(rng, QUESTIONS[type]), target.name).text;
      out.push({
        id: `${o.split}-${o.seed}-${passage}-${k}`,
        title: target.name,
        context,
        question,
        answers: [spans.get(type)!],
        factType: type,
        distractorCountries,
      });
    });
  }
  return out;
}
