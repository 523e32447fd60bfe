import { isValidBio } from './bio';
import { ENTITY_LIST_KEYS, loadEntityLists, partitionEntityLists } from './entity-lists';
import { sampleGlossNerSentences, taggedGlossSentences, wordnetGlossNerSentences } from './wordnet-gloss-ner';

// Slow (~6-8 s): reads the entity lists' package data and tags every WordNet gloss once.
const lists = partitionEntityLists(loadEntityLists());
const tagged = taggedGlossSentences(lists);
const rows = sampleGlossNerSentences(tagged, lists, { count: 3000, seed: 4 });

test('gloss sentences are real WordNet text whose capitalised words are all tagged names', () => {
  expect(tagged.length).toBeGreaterThan(8000);
  const brazil = sampleGlossNerSentences(tagged, lists, { count: tagged.length, seed: 1 }).find((r) =>
    r.text.startsWith('A city in southeastern Brazil'),
  );
  expect(brazil?.entities.map((e) => e.type)).toEqual(['LOC', 'LOC']);
  for (const r of rows) {
    expect(isValidBio(r.tags)).toBe(true);
    expect(r.entities.length).toBeGreaterThan(0);
    expect(r.text[0]).toBe(r.text[0].toUpperCase());
    // every capitalised word after the first is inside an entity
    r.tokens.forEach((t, i) => {
      if (i > 0 && /^[A-Z]/.test(t) && t !== 'I') expect(`${t}: ${r.tags[i]}`).not.toBe(`${t}: O`);
    });
    for (const e of r.entities) expect(r.text.slice(e.start, e.end)).toBe(e.text);
  }
  const types = new Set(rows.flatMap((r) => r.entities.map((e) => e.type)));
  expect([...types].sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
});

test('no held-out entity string is in an entity of a gloss sentence (training-list names aside): such names are replaced by training names', () => {
  const heldOut = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.test[k]));
  const listed = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.train[k]));
  const entities = rows.flatMap((r) => r.entities).filter((e) => !listed.has(e.text));
  expect(entities.filter((e) => e.text.split(' ').some((w) => heldOut.has(w)))).toEqual([]);
  // the glosses do name held-out places (Kazakh, Surgut...): they were replaced, not dropped
  const heldOutInGlosses = tagged.filter((t) =>
    t.names.some(([a, b]) => heldOut.has(t.text.slice(t.tokens[a].start, t.tokens[b].end))),
  );
  expect(heldOutInGlosses.length).toBeGreaterThan(100);
});

test('seeded: the same seed gives the same sentences; bad counts are errors', () => {
  const again = wordnetGlossNerSentences(lists, { count: 50, seed: 4 });
  expect(sampleGlossNerSentences(tagged, lists, { count: 50, seed: 4 }).map((r) => r.text)).toEqual(
    again.map((r) => r.text),
  );
  expect(again.map((r) => r.text)).toEqual(rows.slice(0, 50).map((r) => r.text));
  expect(sampleGlossNerSentences(tagged, lists, { count: 50, seed: 5 }).map((r) => r.text)).not.toEqual(
    again.map((r) => r.text),
  );
  expect(() => wordnetGlossNerSentences(lists, { count: -1 })).toThrow(/count must be a whole number/);
});
