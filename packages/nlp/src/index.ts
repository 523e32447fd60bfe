// Public surface of @dlkit/nlp. Word embeddings, transformers for NER and QA, chatbots.
// Each name is exported here explicitly, as in core, vision and sequence.
export { NORMALIZE_DEFAULTS, normalizeText } from './text/normalize';
export type { NormalizeOptions } from './text/normalize';
export { tokenizeWords, wordTokens } from './text/word-tokenizer';
export type { WordToken } from './text/word-tokenizer';
export {
  WORDNET_DATA_FILES,
  splitGloss,
  textFileLines,
  tokenizeCorpus,
  wordnetCorpusLines,
  wordnetDictPath,
  wordnetSynsetLines,
  writeCorpusFile,
} from './embeddings/corpus';
export { VOCABULARY_DEFAULTS, buildVocabulary, encodeCorpus } from './embeddings/corpus-vocabulary';
export type { CorpusVocabulary, EncodedCorpus, VocabularyOptions } from './embeddings/corpus-vocabulary';
export { SKIPGRAM_DEFAULTS, keepProbabilities, noiseTable, trainSkipgram } from './embeddings/train-skipgram';
export type { SkipgramOptions, SkipgramResult } from './embeddings/train-skipgram';
export { WordVectors, unitRows } from './embeddings/word-vectors';
export type { AnalogyOptions, NearestOptions, ScoredWord } from './embeddings/word-vectors';
