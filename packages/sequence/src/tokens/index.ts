// Tokens shared by the language models, the melody model and seq2seq (the vocabulary, padding and
// sampling), and the Hugging Face tokenizer format that nlp and audio write.
export { charTokenizerJson, writeCharTokenizer } from './char-tokenizer';
export type { CharTokenizerOptions } from './char-tokenizer';
export {
  readTokenizerFolder,
  SPECIAL_TOKEN_ROLES,
  SPECIAL_TOKENS_MAP_JSON,
  specialTokensMap,
  TOKENIZER_CONFIG_JSON,
  TOKENIZER_JSON,
  writeTokenizerFolder,
} from './hf-tokenizer-folder';
export type { SpecialTokenRole, SpecialTokensMap, TokenizerConfig, TokenizerFolder } from './hf-tokenizer-folder';
export {
  readJsonFile,
  readTokenizerJson,
  specialAddedToken,
  TokenizerFileError,
  validateTokenizerJson,
  writeTokenizerJson,
} from './hf-tokenizer-json';
export type {
  HfAddedToken,
  HfBpeModel,
  HfComponent,
  HfTokenizerJson,
  HfTokenizerModel,
  HfWordLevelModel,
  HfWordPieceModel,
} from './hf-tokenizer-json';
export { PAD_SEQUENCES_DEFAULTS, padSequences } from './pad-sequences';
export type { PadSequencesOptions } from './pad-sequences';
export { SAMPLING_DEFAULTS, drawCategorical, sampleLogits, samplingProbabilities, validateSampling } from './sampling';
export type { SamplingOptions } from './sampling';
export { UnknownTokenError, Vocabulary } from './vocabulary';
export type { VocabularyJson, VocabularyOptions } from './vocabulary';
