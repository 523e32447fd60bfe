import { ENTITY_LIST_KEYS, loadEntityLists, partitionEntityLists } from './entity-lists';
import { generateNerSentences } from './generate-ner';
import { WORDNET_ENTITY_KEYS, wordnetEntityNames, wordnetTrainingNames } from './wordnet-entity-names';

// Slow (~3-5 s): reads WordNet's data.noun and the entity lists' package data once.
const names = wordnetEntityNames();
const lists = partitionEntityLists(loadEntityLists());

test('WordNet names are typed by their synsets: people, places, organisations, languages, nationalities', () => {
  expect(names.people).toEqual(expect.arrayContaining(['Albert Einstein', 'Jane Goodall']));
  expect(names.places).toEqual(expect.arrayContaining(['Munich', 'Kazakhstan', 'Buenos Aires']));
  expect(names.organizations).toEqual(expect.arrayContaining(['World Health Organization', 'NASA', 'Red Cross']));
  expect(names.languages).toEqual(expect.arrayContaining(['Quechua', 'Hebrew', 'Basque']));
  expect(names.nationalities).toEqual(expect.arrayContaining(['Peruvian', 'Congolese']));
  // not entities of these kinds: common nouns, genus names, single-word person names
  for (const key of WORDNET_ENTITY_KEYS) expect(names[key]).not.toEqual(expect.arrayContaining(['city']));
  expect(names.people).not.toContain('Einstein');
  expect(names.people.length).toBeGreaterThan(2000);
  expect(names.places.length).toBeGreaterThan(3000);
  expect(names.organizations.length).toBeGreaterThan(500);
  expect(names.languages.length).toBeGreaterThan(500);
  const all = WORDNET_ENTITY_KEYS.flatMap((k) => names[k]);
  expect(new Set(all).size).toBe(all.length);
});

test('training names contain no held-out entity string and no training string of another type', () => {
  const train = wordnetTrainingNames(names, lists);
  const heldOut = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.test[k]));
  for (const key of WORDNET_ENTITY_KEYS) {
    expect(train[key].length).toBeGreaterThan(names[key].length / 2);
    const listed = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.train[k]));
    for (const name of train[key].filter((n) => !listed.has(n)))
      for (const word of name.split(' ')) expect(heldOut.has(word) ? `${name} (${word})` : '').toBe('');
  }
  // a held-out name that WordNet also has is dropped, whatever its list
  const droppedPlace = names.places.find((p) => heldOut.has(p));
  expect(droppedPlace).toBeDefined();
  expect(train.places).not.toContain(droppedPlace);
  const surnames = new Set(lists.train.surnames);
  expect(train.places.filter((p) => surnames.has(p))).toEqual([]);
});

test('wordnetRate puts real WordNet names into training sentences, tagged by the slot, and only there', () => {
  const train = wordnetTrainingNames(names, lists);
  const typed = new Map(
    (['people', 'places', 'organizations', 'languages', 'nationalities'] as const).flatMap((k) =>
      train[k].map((n) => [n, { people: 'PER', places: 'LOC', organizations: 'ORG' }[k as string] ?? 'MISC'] as const),
    ),
  );
  // names that only WordNet has (many cities and countries are in both)
  const own = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.train[k]));
  const onlyWordnet = (e: { text: string }) => typed.has(e.text) && !own.has(e.text);
  const rows = generateNerSentences({ count: 400, seed: 5, lists, wordnetRate: 0.5 });
  const fromWordnet = rows.flatMap((r) => r.entities).filter(onlyWordnet);
  expect(fromWordnet.length).toBeGreaterThan(100);
  for (const e of fromWordnet) expect(`${e.text}: ${e.type}`).toBe(`${e.text}: ${typed.get(e.text)}`);
  const plain = generateNerSentences({ count: 400, seed: 5, lists }).flatMap((r) => r.entities);
  expect(plain.filter(onlyWordnet).length).toBeLessThan(fromWordnet.length / 10);
  expect(() => generateNerSentences({ split: 'test', count: 1, lists, wordnetRate: 0.5 })).toThrow(
    /training sentences only/,
  );
  expect(() => generateNerSentences({ count: 1, lists, wordnetRate: 2 })).toThrow(/wordnetRate must be in \[0, 1\]/);
});
