// Public surface of @dlkit/nlp. Text pipeline and tokenizers, word embeddings, transformers for NER and QA, chatbots.
// Each name is exported here explicitly, as in core, vision and sequence.
export { NORMALIZE_DEFAULTS, normalizeText } from './text/normalize';
export type { NormalizeOptions } from './text/normalize';
export { tokenizeWords, wordTokens } from './text/word-tokenizer';
export type { WordToken } from './text/word-tokenizer';
export { normalizeWithOffsets } from './text/normalize-offsets';
export type { NormalizedText } from './text/normalize-offsets';
export { glossParts, WORDNET_DATA_FILES, WORDNET_GLOSS_DEFAULTS, wordnetGlossSentences } from './text/wordnet-glosses';
export type { WordnetGlossOptions } from './text/wordnet-glosses';

export { loadHfTokenizer, transformersOffline } from './hf/transformers';
export type { HfTokenizer } from './hf/transformers';

export { learnMerges } from './tokenizers/bpe-merges';
export type { LearnMergesOptions, Merge } from './tokenizers/bpe-merges';
export { TRAIN_BYTE_BPE_DEFAULTS, trainByteBpe } from './tokenizers/bpe-trainer';
export type { TrainByteBpeOptions } from './tokenizers/bpe-trainer';
export { BPE_END_OF_TEXT, BYTE_BPE_DEFAULTS, ByteBpeTokenizer, byteBpeTokenizerJson } from './tokenizers/byte-bpe';
export type { ByteBpeOptions } from './tokenizers/byte-bpe';
export {
  BYTE_TO_UNICODE,
  fromByteLevel,
  GPT2_PRE_TOKENIZER,
  toByteLevel,
  UNICODE_TO_BYTE,
} from './tokenizers/byte-level';
export { ENCODE_DEFAULTS } from './tokenizers/encoding';
export type { DecodeOptions, EncodeOptions, Encoding, TokenSpan } from './tokenizers/encoding';
export { LENGTH_BUCKET_DEFAULTS, lengthBucketedBatches } from './tokenizers/length-buckets';
export type { LengthBucketOptions } from './tokenizers/length-buckets';
export { loadTokenizer } from './tokenizers/load-tokenizer';
export { cleanUpTokenization, SubwordTokenizer } from './tokenizers/subword-tokenizer';
export {
  BERT_PRE_TOKENIZER,
  normalizerJson,
  WORDPIECE_DEFAULTS,
  WORDPIECE_PREFIX,
  WORDPIECE_SPECIALS,
  WordPieceTokenizer,
  wordPieceTokenizerJson,
} from './tokenizers/wordpiece';
export type { WordPieceOptions } from './tokenizers/wordpiece';
export {
  readCorpusLines,
  TOKENIZER_KINDS,
  TRAIN_TOKENIZER_DEFAULTS,
  trainTokenizer,
} from './tokenizers/train-tokenizer';
export type { TokenizerKind, TrainTokenizerOptions, TrainTokenizerResult } from './tokenizers/train-tokenizer';
export { TRAIN_WORDPIECE_DEFAULTS, trainWordPiece } from './tokenizers/wordpiece-trainer';
export type { TrainWordPieceOptions } from './tokenizers/wordpiece-trainer';

export {
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

export {
  EMOJIFY_LABELS,
  STRATIFIED_SPLIT_DEFAULTS,
  emojifyDataPath,
  loadEmojify,
  parseLabeledTsv,
  readLabeledTsv,
  sentenceWords,
  splitStratified,
} from './classify/labeled-text';
export type { LabeledText, StratifiedSplitOptions } from './classify/labeled-text';
export { FIT_TEXT_DEFAULTS, TextClassifier } from './classify/text-classifier';
export type { ClassifierEvaluation, FitTextOptions, TextPrediction } from './classify/text-classifier';
export { AverageClassifier } from './classify/average-classifier';
export type { AverageClassifierOptions } from './classify/average-classifier';
export { LSTM_CLASSIFIER_DEFAULTS, LstmClassifier, PAD_ID, UNKNOWN_ID } from './classify/lstm-classifier';
export type { LstmClassifierOptions } from './classify/lstm-classifier';
export {
  EMOJIFY_LABEL_NAMES,
  EMOJIFY_REPORT_DEFAULTS,
  emojifyReport,
  emojifyVectors,
  renderConfusionPng,
} from './classify/emojify-report';
export type { EmojifyReport, EmojifyReportOptions } from './classify/emojify-report';

// --- BERT: encoder, heads, MLM pretraining, Hugging Face export and transformers.js pipelines (issue 12 §3-4) ---
export { BERT_TINY, bertConfig, bertConfigFromJson, bertConfigJson } from './bert/bert-config';
export type { BertConfig } from './bert/bert-config';
export { BERT_INPUT_NAMES, bertInitializer, buildBertEncoder } from './bert/bert-encoder';
export type { BertEncoder } from './bert/bert-encoder';
export {
  bertForMaskedLM,
  bertForQuestionAnswering,
  bertForTokenClassification,
  bertMlmTrainingModel,
  MlmHead,
} from './bert/bert-heads';
export { GatherPositions } from './bert/gather-positions';
export { bertInputs, embedSentences, meanPoolNormalized } from './bert/bert-inputs';
export { MLM_MASKING_DEFAULTS, maskTokens, packSentences } from './bert/mlm-masking';
export type { MaskedSequence, MlmMaskingOptions } from './bert/mlm-masking';
export { MLM_IGNORE_LABEL, MlmDataset } from './bert/mlm-dataset';
export type { MlmDatasetOptions } from './bert/mlm-dataset';
export { maskedAccuracy, maskedLmLoss, unigramBaseline } from './bert/mlm-loss';
export type { MaskedAccuracy } from './bert/mlm-loss';
export { PRETRAIN_MLM_DEFAULTS, pretrainMlm } from './bert/pretrain-mlm';
export type { PretrainMlmOptions, PretrainMlmResult } from './bert/pretrain-mlm';
export { BERT_JSON, loadBert, saveBert } from './bert/saved-bert';
export { BERT_TASKS, bertFolderExpectations, bertTaskSpec } from './bert/bert-tasks';
export type { BertTask, BertTaskSpec } from './bert/bert-tasks';
export { BERT_FOLDER_FILES, checkBertFolder } from './bert/bert-folder';
export { bertConfigOf, exportHuggingFace, labelMaps } from './bert/export-hugging-face';
export type { ExportHuggingFaceOptions } from './bert/export-hugging-face';
export { groupEntities } from './bert/group-entities';
export type { Entity, SubwordLabel } from './bert/group-entities';
export { answerCharSpan, answerOffsets, bestAnswerSpan, contextTokens } from './bert/answer-span';
export type { AnswerSpan } from './bert/answer-span';
export { openPipeline } from './hf/transformers';
export type { BertPipelines, FillMaskResult, HfTensor, QaAnswer, TokenLabel } from './hf/transformers';
// --- end BERT ---
