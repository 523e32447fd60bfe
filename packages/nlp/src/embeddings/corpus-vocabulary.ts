/**
 * The vocabulary of a tokenised corpus: words seen at least `minCount` times, most frequent
 * first (ties in code-point order, so it is deterministic), with their counts; and the corpus
 * encoded as word ids for training (out-of-vocabulary tokens dropped, as word2vec and fastText do).
 *
 * @example
 * const vocab = buildVocabulary([['a', 'b', 'a']], { minCount: 2 }); // words ['a'], counts [2]
 * const encoded = encodeCorpus([['a', 'b', 'a']], vocab); // ids [0, 0], sentenceStarts [0, 2]
 */
export interface VocabularyOptions {
  /** Words seen fewer times are dropped (fastText's and word2vec's -minCount). */
  minCount?: number;
}

export const VOCABULARY_DEFAULTS = { minCount: 5 } satisfies Required<VocabularyOptions>;

export interface CorpusVocabulary {
  /** Words, most frequent first. */
  words: string[];
  /** counts[i] = occurrences of words[i] in the corpus. */
  counts: number[];
  /** Word → id. */
  index: Map<string, number>;
  /** Tokens in the corpus before the cut-off. */
  totalTokens: number;
}

export function buildVocabulary(sentences: string[][], options: VocabularyOptions = {}): CorpusVocabulary {
  const { minCount } = { ...VOCABULARY_DEFAULTS, ...options };
  if (!(Number.isInteger(minCount) && minCount >= 1))
    throw new Error(`minCount must be a positive integer, got ${minCount}`);
  const all = new Map<string, number>();
  let totalTokens = 0;
  for (const s of sentences)
    for (const w of s) {
      all.set(w, (all.get(w) ?? 0) + 1);
      totalTokens++;
    }
  if (totalTokens === 0) throw new Error('the corpus is empty: no tokens to build a vocabulary from');
  const kept = [...all].filter(([, c]) => c >= minCount);
  if (kept.length === 0)
    throw new Error(`no word occurs at least minCount=${minCount} times in the corpus (${totalTokens} tokens)`);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = kept.map(([w]) => w);
  return { words, counts: kept.map(([, c]) => c), index: new Map(words.map((w, i) => [w, i])), totalTokens };
}

export interface EncodedCorpus {
  /** Word ids of every in-vocabulary token, sentence after sentence. */
  ids: Int32Array;
  /** Offset of each sentence in `ids`, plus a final entry = ids.length. */
  sentenceStarts: Int32Array;
}

export function encodeCorpus(sentences: string[][], vocab: CorpusVocabulary): EncodedCorpus {
  const ids: number[] = [];
  const starts: number[] = [0];
  for (const s of sentences) {
    for (const w of s) {
      const id = vocab.index.get(w);
      if (id !== undefined) ids.push(id);
    }
    if (ids.length > starts[starts.length - 1]) starts.push(ids.length);
  }
  return { ids: Int32Array.from(ids), sentenceStarts: Int32Array.from(starts) };
}
