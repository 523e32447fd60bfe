// Public surface of @dlkit/nlp. Word embeddings, transformers for NER and QA, chatbots.
// Each name is exported here explicitly, as in core, vision and sequence.
export { NORMALIZE_DEFAULTS, normalizeText } from './text/normalize';
export type { NormalizeOptions } from './text/normalize';
export { tokenizeWords, wordTokens } from './text/word-tokenizer';
export type { WordToken } from './text/word-tokenizer';
