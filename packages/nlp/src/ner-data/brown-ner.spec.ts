import { isValidBio } from './bio';
import { brownNerSentences, BrownTyping, tagBrownSentence, taggedBrownSentences } from './brown-ner';
import { ENTITY_LIST_KEYS, loadEntityLists, partitionEntityLists } from './entity-lists';
import { sampleGlossNerSentences } from './wordnet-gloss-ner';

/** A Brown sentence from "word/tag" items. */
const brown = (line: string) => {
  const items = line.split(' ').map((item) => item.split('/'));
  return { file: 'ca01', genre: 'news', words: items.map((i) => i[0]), tags: items.map((i) => i[1]) };
};
const typing: BrownTyping = {
  known: new Map([
    ['Atlanta', 'places'],
    ['American', 'nationalities'],
  ]),
  firstNames: new Set(['John', 'June']),
};
/** The tagged names as "words:kind". */
const names = (line: string) => {
  const t = tagBrownSentence(brown(line), typing, 40);
  return t?.names.map(([a, b, kind]) => `${t.text.slice(t.tokens[a].start, t.tokens[b].end)}:${kind}`);
};

test('a title makes a person and stays outside the name; a known first name starts one', () => {
  expect(names('Mr./np Durwood/np Pye/np said/vbd so/rb ./.')).toEqual(['Durwood Pye:people']);
  expect(names('Yesterday/nr John/np F./np Kennedy/np spoke/vbd ./.')).toEqual(['John F. Kennedy:people']);
});

test("known names keep their kind, a possessive 's stays outside, and title-case phrases ending in an organisation word are ORG", () => {
  expect(names("Atlanta's/np$ recent/jj primary/nn was/bedz quiet/jj ./.")).toEqual(['Atlanta:places']);
  expect(names('The/at City/nn-tl Executive/jj-tl Committee/nn-tl met/vbd in/in Atlanta/np ./.')).toEqual([
    'City Executive Committee:organizations',
    'Atlanta:places',
  ]);
  expect(names('He/pps joined/vbd the/at Bank/nn-tl of/in-tl Atlanta/np-tl ./.')).toEqual([
    'Bank of Atlanta:organizations',
  ]);
  expect(names('Many/ap American/jj voters/nns stayed/vbd home/nr ./.')).toEqual(['American:nationalities']);
  expect(names('Thousands/nns of/in Americans/nps voted/vbd there/rb ./.')).toEqual(['Americans:nationalities']);
});

test('sentences with a name of unknown type, headlines and foreign words are left out; months and sentence-initial words are not names', () => {
  expect(names('Durwood/np Pye/np said/vbd so/rb ./.')).toBeUndefined();
  expect(names('They/ppss met/vbd Pye/np at/in noon/nn ./.')).toBeUndefined();
  expect(names('The/at Grand/jj-tl Hotel/nn-tl was/bedz full/jj ./.')).toBeUndefined();
  expect(names('Atlanta/np-hl wins/vbz again/rb-hl')).toBeUndefined();
  expect(names('John/np said/vbd coup/fw-nn de/fw-in grace/fw-nn ./.')).toBeUndefined();
  expect(names('In/in June/np ,/, John/np moved/vbd to/in Atlanta/np ./.')).toEqual(['John:people', 'Atlanta:places']);
  expect(names('Nobody/pn saw/vbd it/ppo ./.')).toBeUndefined(); // no names at all: not a NER example
});

// Slow (~8 s alone, ~16 s beside a training run): reads the entity lists, WordNet and the whole Brown corpus once.
test('from the whole corpus: thousands of valid sentences of all four types, and no held-out name in an entity', () => {
  const lists = partitionEntityLists(loadEntityLists());
  const tagged = taggedBrownSentences(lists);
  expect(tagged.length).toBeGreaterThan(5000);
  const rows = sampleGlossNerSentences(tagged, lists, { count: 3000, seed: 2, template: 'brown' });
  const heldOut = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.test[k]));
  const listed = new Set(ENTITY_LIST_KEYS.flatMap((k) => lists.train[k]));
  const multiWordListed = [...listed].filter((n) => n.includes(' '));
  for (const r of rows) {
    expect(isValidBio(r.tags)).toBe(true);
    expect(r.template).toBe('brown');
    for (const e of r.entities) {
      expect(r.text.slice(e.start, e.end)).toBe(e.text);
      // held-out words may only come inside a training name ("El Salvador" is a training country, "Salvador" a held-out city)
      const hasHeldOut = (text: string) => text.split(' ').some((w) => heldOut.has(w));
      if (listed.has(e.text) || !hasHeldOut(e.text)) continue;
      const outside = multiWordListed.reduce((text, n) => text.split(n).join('_'), e.text);
      expect(`${e.text}: ${hasHeldOut(outside)}`).toBe(`${e.text}: false`);
    }
  }
  const types = new Set(rows.flatMap((r) => r.entities.map((e) => e.type)));
  expect([...types].sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
  expect(brownNerSentences(lists, { count: 20, seed: 2 }).map((r) => r.text)).toEqual(
    rows.slice(0, 20).map((r) => r.text),
  );
  expect(() => brownNerSentences(lists, { count: 1.5 })).toThrow(/count must be a whole number/);
});
