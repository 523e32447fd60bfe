import { CountryFacts, loadCountryFacts } from './country-facts';
import { FACT_TYPES, QUESTIONS, STATEMENTS } from './fact-phrasings';
import { generateQaExamples, qaCountries, renamingPool } from './generate-qa';

let facts: CountryFacts[];
beforeAll(() => {
  facts = loadCountryFacts();
});

describe('country facts', () => {
  test('real facts from world-countries and countries-list', () => {
    expect(facts.length).toBeGreaterThan(200);
    expect(facts.find((c) => c.name === 'Peru')).toEqual({
      name: 'Peru',
      capital: 'Lima',
      currency: 'Peruvian sol',
      languages: ['Aymara', 'Quechua', 'Spanish'],
      continent: 'South America',
      region: 'South America',
      neighbours: ['Bolivia', 'Brazil', 'Chile', 'Colombia', 'Ecuador'],
    });
  });
  test('≥ 3 statement phrasings and ≥ 3 question paraphrases per fact type', () => {
    for (const t of FACT_TYPES) {
      expect(STATEMENTS[t].length).toBeGreaterThanOrEqual(3);
      expect(QUESTIONS[t].length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('generateQaExamples', () => {
  test('train and test countries are disjoint; passages and distractors use their own split only', () => {
    const train = new Set(qaCountries('train', { facts }).map((c) => c.name));
    const test = new Set(qaCountries('test', { facts }).map((c) => c.name));
    expect(test.size).toBeGreaterThan(50);
    expect([...test].filter((c) => train.has(c))).toEqual([]);
    for (const [split, own] of [
      ['train', train],
      ['test', test],
    ] as const) {
      const used = generateQaExamples({ split, count: 300, facts }).flatMap((e) => [e.title, ...e.distractorCountries]);
      expect(used.filter((c) => !own.has(c))).toEqual([]);
    }
  });
  test('answers are spans of the context; every fact type is asked; distractor sentences are present', () => {
    const rows = generateQaExamples({ split: 'test', count: 400, seed: 5, facts });
    expect(rows).toHaveLength(400);
    const bad = rows.filter((r) => r.answers.some((a) => r.context.slice(a.start, a.start + a.text.length) !== a.text));
    expect(bad).toEqual([]);
    expect(new Set(rows.map((r) => r.factType)).size).toBe(FACT_TYPES.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows.slice(0, 50))
      for (const d of r.distractorCountries) expect(r.context).toContain(d.replace(/^the /, ''));
  });
  test('the same seed gives the same rows; a smaller count is a prefix; another seed differs', () => {
    const a = generateQaExamples({ split: 'train', count: 40, seed: 2, facts });
    expect(generateQaExamples({ split: 'train', count: 40, seed: 2, facts })).toEqual(a);
    expect(generateQaExamples({ split: 'train', count: 15, seed: 2, facts })).toEqual(a.slice(0, 15));
    expect(generateQaExamples({ split: 'train', count: 40, seed: 3, facts })).not.toEqual(a);
  });
  test("mixFactsRate 1: borrowed answers, still spans of the context, never a test country's capital", () => {
    const rows = generateQaExamples({ split: 'train', count: 200, seed: 2, facts, mixFactsRate: 1 });
    const bad = rows.filter((r) => r.answers.some((a) => r.context.slice(a.start, a.start + a.text.length) !== a.text));
    expect(bad).toEqual([]);
    const test = qaCountries('test', { facts });
    const heldOut = new Set(test.flatMap((c) => [c.capital, c.name])); // currencies are shared (euro, dollar)
    const leaked = rows.filter((r) => r.factType === 'capital' && heldOut.has(r.answers[0].text));
    expect(leaked).toEqual([]);
    const real = new Map(qaCountries('train', { facts }).map((c) => [c.name, c.capital]));
    const capitals = rows.filter((r) => r.factType === 'capital');
    expect(capitals.length).toBeGreaterThan(10);
    expect(capitals.filter((r) => real.get(r.title) === r.answers[0].text).length).toBeLessThan(capitals.length / 10);
    expect(() => generateQaExamples({ facts, mixFactsRate: 2 })).toThrow(/mixFactsRate must be in \[0, 1\]/);
  });
  test('renameRate 1: every country and capital of a passage renamed after a city, consistently in question, passage and title', () => {
    const rows = generateQaExamples({ split: 'train', count: 200, seed: 2, facts, renameRate: 1 });
    const pool = new Set(renamingPool(facts));
    const real = new Set(facts.flatMap((c) => [c.name, c.capital]));
    expect(pool.size).toBeGreaterThan(2000);
    expect([...pool].filter((n) => real.has(n))).toEqual([]);
    for (const r of rows) {
      expect(pool.has(r.title)).toBe(true);
      expect(r.question).toContain(r.title);
      expect(r.context).toContain(r.title);
      expect(new Set([r.title, ...r.distractorCountries]).size).toBe(1 + r.distractorCountries.length);
      for (const d of r.distractorCountries) expect(pool.has(d) && r.context.includes(d)).toBe(true);
      for (const a of r.answers) expect(r.context.slice(a.start, a.start + a.text.length)).toBe(a.text);
    }
    // capitals are renamed too, never to a real capital or to a country name of the passage
    const asked = rows.filter((r) => r.factType === 'capital');
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((r) => !pool.has(r.answers[0].text) || r.answers[0].text === r.title)).toEqual([]);
    // the other facts stay real ones of a train country
    const currencies = new Set(qaCountries('train', { facts }).map((c) => c.currency));
    const money = rows.filter((r) => r.factType === 'currency');
    expect(money.filter((r) => !currencies.has(r.answers[0].text))).toEqual([]);
    expect(() => generateQaExamples({ facts, renameRate: -1 })).toThrow(/renameRate must be in \[0, 1\]/);
  });
  test('hardDistractorRate 1: distractors state the asked fact types about other countries', () => {
    // capital-fact sentences about a distractor country, per capital question
    const capitalDistractors = (rows: ReturnType<typeof generateQaExamples>) => {
      const asked = rows.filter((r) => r.factType === 'capital');
      const sentences = asked.flatMap((r) =>
        r.context.split(/(?<=\.) /).filter((s) => r.distractorCountries.some((d) => s.includes(d))),
      );
      return sentences.filter((s) => /capital|government/.test(s)).length / asked.length;
    };
    const plain = generateQaExamples({ split: 'train', count: 400, seed: 2, facts });
    const hard = generateQaExamples({ split: 'train', count: 400, seed: 2, facts, hardDistractorRate: 1 });
    expect(capitalDistractors(plain)).toBeLessThan(1);
    expect(capitalDistractors(hard)).toBeGreaterThan(1.5); // 4 distractors, about half of them on each of 2 asked types
    for (const r of hard)
      for (const a of r.answers) expect(r.context.slice(a.start, a.start + a.text.length)).toBe(a.text);
    expect(() => generateQaExamples({ facts, hardDistractorRate: 1.5 })).toThrow(/hardDistractorRate must be in/);
  });
  test('bad options are errors', () => {
    expect(() => generateQaExamples({ count: 1.5, facts })).toThrow(/count must be a whole number/);
    expect(() => generateQaExamples({ split: 'dev' as 'test', facts })).toThrow(/split must be 'train' or 'test'/);
  });
});
