/**
 * Definitions of WordNet's named things as sentences: each noun synset with a capitalised lemma
 * gives "<name> is <its first definition>" ("Munich is the capital and largest city of Bavaria in
 * southwestern Germany", "Greenpeace is an international organization ...", "Ghanaian is a native or
 * inhabitant of Ghana"). The glosses alone never name what they define, so a masked LM trained on
 * them has no idea that "Munich" is a city; with these it learns names of places, people,
 * organisations, languages and peoples, as BERT learns them from encyclopaedic text (NER's cased
 * pretraining). Animals and plants are left out: their capitalised lemmas are Latin genera.
 *
 * @example
 * wordnetNameDefinitions().find((s) => s.startsWith('Munich is')); // 'Munich is the capital and largest city of ...'
 */
import { glossFields } from './wordnet-gloss-split';
import { synsetGloss, synsetWords, wordnetDictPath, wordnetSynsetLines } from './wordnet-data';

/** WordNet lexicographer files left out: noun.animal (05) and noun.plant (20), Latin genus names. */
const SKIPPED_LEX_FILES = new Set(['05', '20']);

/** The definition sentence of one noun synset line, or undefined when it has no capitalised lemma. */
export function nameDefinition(line: string): string | undefined {
  if (SKIPPED_LEX_FILES.has(line.split(' ')[1])) return undefined;
  const names = synsetWords(line)
    .map((w) => w.replace(/_/g, ' '))
    .filter((w) => /^\p{Lu}/u.test(w));
  const gloss = synsetGloss(line);
  const definition = gloss === undefined ? undefined : glossFields(gloss).definitions[0];
  if (names.length === 0 || !definition) return undefined;
  // the fullest name: "Wilbur Wright" rather than "Wright"
  const name = names.reduce((best, w) => (w.split(' ').length > best.split(' ').length ? w : best));
  return `${name} is ${definition}`;
}

/** One sentence per named noun synset of WordNet 3.1 (~13,800), in file order. */
export function wordnetNameDefinitions(dir: string = wordnetDictPath()): string[] {
  return wordnetSynsetLines('data.noun', dir).flatMap((line) => nameDefinition(line) ?? []);
}
