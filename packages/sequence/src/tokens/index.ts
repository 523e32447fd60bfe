// Tokens shared by the language models, the melody model and seq2seq: the vocabulary and sampling.
export { SAMPLING_DEFAULTS, drawCategorical, sampleLogits, samplingProbabilities, validateSampling } from './sampling';
export type { SamplingOptions } from './sampling';
export { UnknownTokenError, Vocabulary } from './vocabulary';
export type { VocabularyJson, VocabularyOptions } from './vocabulary';
