/**
 * The hand-labelled NER test set shipped in `data/ner/hand-labelled.conll`: 115 news-style English
 * sentences written for dlkit apart from the generation templates (real people, places,
 * organisations, nationalities, languages and events), tagged BIO with PER/LOC/ORG/MISC.
 *
 * @example
 * loadHandLabelledNer()[0].tokens; // ['Angela', 'Merkel', 'met', 'Siemens', 'executives', 'in', 'Munich', 'on', 'Tuesday', '.']
 */
import * as path from 'path';
import { readConll, TaggedSentence } from './conll';

export function handLabelledNerPath(): string {
  // src/ner-data or dist/ner-data → package root
  return path.join(__dirname, '..', '..', 'data', 'ner', 'hand-labelled.conll');
}

export function loadHandLabelledNer(): TaggedSentence[] {
  return readConll(handLabelledNerPath());
}
