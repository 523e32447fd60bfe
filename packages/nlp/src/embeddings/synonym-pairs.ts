/**
 * WordNet synonym pairs (two single-word lemmas of the same synset, lowercase) for scoring word
 * similarity: synonyms should be closer than random pairs of the same words (ROC AUC).
 *
 * @example
 * const synonyms = wordnetSynonymPairs(); // [['entity', ...], ['car', 'automobile'], ...]
 */
import { synsetWords, WORDNET_DATA_FILES, wordnetSynsetLines } from '../text/wordnet-data';
import { WordPair } from './analogy-sets';

/** The lemmas of one synset line, lower-cased (synsetWords). */
export function synsetLemmas(line: string): string[] {
  return synsetWords(line).map((w) => w.toLowerCase());
}

/** Distinct unordered pairs of single-word lemmas sharing a synset, over all four parts of speech. */
export function wordnetSynonymPairs(): WordPair[] {
  const seen = new Set<string>();
  const pairs: WordPair[] = [];
  for (const file of WORDNET_DATA_FILES)
    for (const line of wordnetSynsetLines(file)) {
      const lemmas = [...new Set(synsetLemmas(line).filter((l) => /^[a-z]+$/.test(l)))];
      for (let i = 0; i < lemmas.length; i++)
        for (let j = i + 1; j < lemmas.length; j++) {
          const [a, b] = lemmas[i] < lemmas[j] ? [lemmas[i], lemmas[j]] : [lemmas[j], lemmas[i]];
          const key = `${a} ${b}`;
          if (!seen.has(key)) {
            seen.add(key);
            pairs.push([a, b]);
          }
        }
    }
  return pairs;
}
