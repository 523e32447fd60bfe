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
export { VECTOR_FORMATS, detectVectorFormat, readVectors, writeVectors } from './embeddings/vector-formats';
export type { VectorFormat } from './embeddings/vector-formats';
export { biasDirection, debias, projection } from './embeddings/debias';
export type { DebiasOptions } from './embeddings/debias';
export { DEFINITIONAL_PAIRS, EQUALIZE_PAIRS, NEUTRAL_OCCUPATIONS } from './embeddings/gender-word-lists';
export { GENDER_PAIRS, GRAMMATICAL_PAIRS, analogyQuestions, capitalPairs } from './embeddings/analogy-sets';
export type { WordPair } from './embeddings/analogy-sets';
export { synsetLemmas, wordnetSynonymPairs } from './embeddings/synonym-pairs';
export {
  EVALUATION_DEFAULTS,
  analogyAccuracy,
  evaluateEmbeddings,
  rocAuc,
  synonymAuc,
} from './embeddings/evaluate-embeddings';
export type { AnalogyScore, EmbeddingScores, EvaluationOptions } from './embeddings/evaluate-embeddings';
export { PAIRS_PLOT_DEFAULTS, pcaProjection, renderPairsPlot } from './embeddings/embedding-plot';
export type { PairsPlotGroup, PairsPlotOptions } from './embeddings/embedding-plot';
