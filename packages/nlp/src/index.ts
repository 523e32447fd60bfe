// Public surface of @dlkit/nlp. Text pipeline and tokenizers, word embeddings, transformers for NER and QA, chatbots.
// Each name is exported here explicitly, as in core, vision and sequence.
export { NORMALIZE_DEFAULTS, normalizeText, sentenceCase } from './text/normalize';
export { nameDefinition, wordnetNameDefinitions } from './text/wordnet-name-definitions';
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
export { parseLabeledCsv, readLabeledFile } from './classify/labeled-csv';
export { FIT_TEXT_DEFAULTS, SoftmaxTextClassifier } from './classify/softmax-classifier';
export type { FitTextOptions, TextPrediction } from './classify/softmax-classifier';
export { TextClassifier } from './classify/text-classifier';
export type { TextClassifierKind } from './classify/text-classifier';
export { argMax, classMetrics, confusionEvaluation } from './classify/classification-metrics';
export type { ClassMetrics, ClassifierEvaluation } from './classify/classification-metrics';
export { renderConfusionPng } from './classify/confusion-png';
export type { ConfusionPngOptions } from './classify/confusion-png';
export { AVERAGE_CLASSIFIER_DEFAULTS, AverageClassifier } from './classify/average-classifier';
export type { AverageClassifierOptions } from './classify/average-classifier';
export { LSTM_CLASSIFIER_DEFAULTS, LstmClassifier, PAD_ID, UNKNOWN_ID } from './classify/lstm-classifier';
export type { LstmClassifierOptions } from './classify/lstm-classifier';
export { CLASSIFIER_FILE, loadTextClassifier, saveTextClassifier } from './classify/classifier-io';
export type { SavedClassifierConfig } from './classify/classifier-io';
export { MultinomialNaiveBayes, NAIVE_BAYES_DEFAULTS } from './classify/naive-bayes';
export type { NaiveBayesOptions } from './classify/naive-bayes';
export {
  SPAM_ASSASSIN_DEFAULTS,
  SPAM_ASSASSIN_PACKAGE,
  SPAM_LABELS,
  emailText,
  loadSpamAssassin,
  spamAssassinMessages,
} from './classify/spam-assassin';
export type { SpamAssassinMessage, SpamAssassinOptions } from './classify/spam-assassin';
export { EMOJIFY_LABEL_NAMES, EMOJIFY_REPORT_DEFAULTS, emojifyReport, emojifyVectors } from './classify/emojify-report';
export {
  CLASSIFY_TEXT_DEFAULTS,
  CLASSIFY_TEXT_SETTINGS,
  TEXT_DATASETS,
  classifyText,
  loadTextData,
  ownVectors,
  scored,
} from './classify/classify-text';
export type {
  ClassifyTextOptions,
  ClassifyTextResult,
  ClassifyTextSettings,
  OwnVectorsSettings,
  ScoredEvaluation,
} from './classify/classify-text';
export type { AverageSetting, EmojifyReport, EmojifyReportOptions, LstmSetting } from './classify/emojify-report';

// ---- Intent chatbot (src/chat) ----
export {
  CHAT_CORPUS_DEFAULTS,
  answerPlaceholders,
  corpusExamples,
  fillAnswer,
  helpDeskCorpusPath,
  helpDeskHeldOutPath,
  parseChatCorpus,
  parseHeldOut,
  readChatCorpus,
  readHeldOut,
  utteranceKey,
} from './chat/chat-corpus';
export type { ChatCorpus, ChatEntity, ChatEntityValue, ChatIntent, ChatSlot } from './chat/chat-corpus';
export { stemWord } from './chat/stem';
export { WordnetSenses, sensesFromTable, wordnetSenses } from './chat/wordnet-senses';
export type { WordnetSensesOptions } from './chat/wordnet-senses';
export { INTENT_FEATURE_DEFAULTS, IntentFeaturizer, messageWords } from './chat/intent-features';
export type { IntentFeatureOptions, IntentFeaturesJson } from './chat/intent-features';
export { EntityExtractor } from './chat/entity-extractor';
export type { EntityMatch } from './chat/entity-extractor';
export { INTENT_CLASSIFIER_DEFAULTS, IntentClassifier } from './chat/intent-classifier';
export type { IntentClassifierOptions } from './chat/intent-classifier';
export { ChatBot, NO_INTENT, TRAIN_CHAT_BOT_DEFAULTS, trainChatBot } from './chat/chat-bot';
export type { IntentEvaluation, IntentResult, TrainChatBotOptions } from './chat/chat-bot';
export { ChatSession } from './chat/chat-session';
export type { ChatReply, ChatSessionOptions } from './chat/chat-session';
export { defaultHeldOut, recordedBaselines, trainChat } from './chat/train-chat';
export type { TrainChatOptions, TrainChatResult } from './chat/train-chat';
// ---- end intent chatbot ----
// --- NER and QA data (issue 12 §3): generated sets, readers, metrics, baselines (src/ner-data, src/qa-data) ---
export { detokenize, nerTokens } from './ner-data/ner-tokens';
export { isValidBio, iob1ToBio, spansToBio } from './ner-data/bio';
export type { EntitySpan } from './ner-data/bio';
export {
  alignTagsToSubwords,
  firstSubwordValues,
  subwordWordIndex,
  wordLabelRows,
  wordTagsFromSubwords,
} from './ner-data/subword-labels';
export { bioTransitionAllowed, viterbiBioTags } from './ner-data/bio-viterbi';
export type { AlignTagsOptions, SubwordPooling } from './ner-data/subword-labels';
export { formatConll, parseConll, readConll, writeConll } from './ner-data/conll';
export type { TaggedSentence } from './ner-data/conll';
export { entityF1, extractEntities } from './ner-data/entity-metrics';
export type { EntityF1Options, EntityF1Result, PrecisionRecallF1, TokenEntity } from './ner-data/entity-metrics';
export {
  ENTITY_LIST_KEYS,
  LOAD_ENTITY_LISTS_DEFAULTS,
  PARTITION_DEFAULTS,
  emptyEntityLists,
  loadEntityLists,
  partitionEntityLists,
  trainingOnAllNames,
} from './ner-data/entity-lists';
export type { EntityLists, LoadEntityListsOptions, PartitionedLists, PartitionOptions } from './ner-data/entity-lists';
export { INDUSTRY_WORDS, composeEvent, composeOrganization, composedDemonyms } from './ner-data/composed-names';
export {
  SLOT_TYPES,
  TEST_TEMPLATES,
  TRAIN_TEMPLATES,
  VALIDATION_TEMPLATE_EVERY,
  nerTemplates,
} from './ner-data/ner-templates';
export {
  WORDNET_ENTITY_KEYS,
  WORDNET_NER_TYPES,
  trainingNameCheck,
  wordnetEntityNames,
  wordnetNameTypes,
  wordnetTrainingNames,
} from './ner-data/wordnet-entity-names';
export type { TrainingNameCheck, WordnetEntityKey, WordnetEntityNames } from './ner-data/wordnet-entity-names';
export {
  GLOSS_NER_DEFAULTS,
  sampleGlossNerSentences,
  taggedGlossSentences,
  wordnetGlossNerSentences,
} from './ner-data/wordnet-gloss-ner';
export type { GlossNerOptions, TaggedGloss } from './ner-data/wordnet-gloss-ner';
export {
  BROWN_NER_DEFAULTS,
  brownNerSentences,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  tagBrownSentence,
  taggedBrownSentences,
} from './ner-data/brown-ner';
export type { BrownNerOptions, BrownTyping } from './ner-data/brown-ner';
export { brownCorpusPath, brownGenres, brownSentences, parseBrownLine } from './text/brown-corpus';
export type { BrownSentence } from './text/brown-corpus';
export type { EntitySlot } from './ner-data/ner-templates';
export { GENERATE_NER_DEFAULTS, generateNerSentences } from './ner-data/generate-ner';
export { AUGMENT_NER_DEFAULTS, augmentNerSentences, contextWords } from './ner-data/augment-ner';
export { brownSentenceOpeners } from './ner-data/sentence-openers';
export { SENTENCE_OPENERS, opensSentence, openersOutside } from './ner-data/opener-rule';
export { stripAccents, worldPersonNames, worldTrainingNames } from './ner-data/world-person-names';
export {
  casedOrganizationNames,
  compromiseOrganizations,
  organizationTrainingNames,
} from './ner-data/lexicon-organizations';
export type { WorldPersonNames } from './ner-data/world-person-names';
export type { AugmentNerOptions } from './ner-data/augment-ner';
export type { GenerateNerOptions, NerSentence, NerSplit } from './ner-data/generate-ner';
export { handLabelledNerPath, loadHandLabelledNer } from './ner-data/hand-labelled';
export { compromiseNer, compromiseTextTags, compromiseTokenTags, spansToTokenTags } from './ner-data/compromise-ner';
export { COMPROMISE_TYPES, NER_BASELINE_DEFAULTS, compromiseBaseline, scoreNerTagger } from './ner-data/ner-baseline';
export type { NerBaselineOptions, NerScores } from './ner-data/ner-baseline';
export { loadCountryFacts } from './qa-data/country-facts';
export type { CountryFacts } from './qa-data/country-facts';
export { FACT_TYPES, QUESTIONS, STATEMENTS } from './qa-data/fact-phrasings';
export type { FactType } from './qa-data/fact-phrasings';
export { GENERATE_QA_DEFAULTS, generateQaExamples, mixedFacts, qaCountries, renamingPool } from './qa-data/generate-qa';
export type { GenerateQaOptions, GeneratedQaExample, QaAnswer, QaExample, QaSplit } from './qa-data/generate-qa';
export { formatSquad, parseSquad, readSquad, writeSquad } from './qa-data/squad-format';
export { normalizeAnswer, squadEvaluate, squadExactMatch, squadF1 } from './qa-data/squad-metrics';
export type { SquadScores } from './qa-data/squad-metrics';
export {
  overlapBaselineAnswer,
  overlapBaselinePredictions,
  questionWords,
  sentenceOverlaps,
  sentenceRanges,
} from './qa-data/overlap-baseline';
export type { SentenceOverlap } from './qa-data/overlap-baseline';
export { answerTokenSpan, windowContext } from './qa-data/window-context';
export type { ContextWindow } from './qa-data/window-context';
// --- end of NER and QA data ---

// --- BERT: encoder, heads, MLM pretraining, Hugging Face export and transformers.js pipelines (issue 12 §3-4) ---
export { BERT_TINY, bertConfig, bertConfigFromJson, bertConfigJson } from './bert/bert-config';
export type { BertConfig } from './bert/bert-config';
export { BERT_INPUT_NAMES, bertInitializer, buildBertEncoder, freezeWordEmbeddings } from './bert/bert-encoder';
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
export { MLM_MASKING_DEFAULTS, maskTokens, packSentences, wordPieceMasking } from './bert/mlm-masking';
export { maskEntitySubwords } from './bert/entity-masking';
export type { MaskedSequence, MlmMaskingOptions } from './bert/mlm-masking';
export { MLM_IGNORE_LABEL, MlmDataset } from './bert/mlm-dataset';
export type { MlmDatasetOptions } from './bert/mlm-dataset';
export { maskedAccuracy, maskedLmLoss, unigramBaseline } from './bert/mlm-loss';
export type { MaskedAccuracy } from './bert/mlm-loss';
export { MLM_EMBEDDING_INITS, PRETRAIN_MLM_DEFAULTS, pretrainMlm } from './bert/pretrain-mlm';
export { brownText, MLM_CORPORA, mlmCorpusSentences } from './bert/mlm-corpus';
export type { MlmCorpus, MlmCorpusOptions } from './bert/mlm-corpus';
export type { MlmEmbeddingInit, PretrainMlmOptions, PretrainMlmResult } from './bert/pretrain-mlm';
export { SKIPGRAM_EMBEDDING_DEFAULTS, initMlmFromSkipgram, skipgramEmbeddingTable } from './bert/skipgram-embeddings';
export type { SkipgramEmbeddingOptions } from './bert/skipgram-embeddings';
export { BERT_JSON, copyLayerWeights, disposeModels, loadBert, saveBert } from './bert/saved-bert';
export { BERT_TASKS, bertFolderExpectations, bertTaskSpec } from './bert/bert-tasks';
export type { BertTask, BertTaskSpec } from './bert/bert-tasks';
export { BERT_FOLDER_FILES, bertMaxTokens, checkBertFolder } from './bert/bert-folder';
export { answerInWindows, WINDOWED_QA_DEFAULTS } from './hf/windowed-qa';
export type { WindowedAnswer, WindowedQaOptions } from './hf/windowed-qa';
export {
  bertConfigOf,
  exportHuggingFace,
  labelMaps,
  nerSubwordPooling,
  SUBWORD_POOLING_KEY,
} from './bert/export-hugging-face';
export type { ExportHuggingFaceOptions } from './bert/export-hugging-face';
export { groupEntities } from './bert/group-entities';
export { decodeWordTags, tagEntities } from './bert/tag-entities';
export type { NerDecoding, TaggedEntity } from './bert/tag-entities';
export { tokenLabelProbabilities } from './hf/token-probabilities';
export type { TokenLabelProbabilities } from './hf/token-probabilities';
export type { Entity, SubwordLabel } from './bert/group-entities';
export { answerCharSpan, answerOffsets, bestAnswerSpan, contextTokens, sentenceEnds } from './bert/answer-span';
export { sentencePrior, SENTENCE_PRIOR_WEIGHT } from './bert/sentence-prior';
export type { AnswerSpan, AnswerSpanOptions } from './bert/answer-span';
export { openPipeline } from './hf/transformers';
export type { BertPipelines, FillMaskResult, HfTensor, QaPipelineAnswer, TokenLabel } from './hf/transformers';
// --- end BERT ---
// --- BERT fine-tuning: NER and extractive QA ---
export { NER_IGNORE_LABEL, NER_LABELS, NerDataset, encodeNerSentence, nerExampleText } from './bert/ner-dataset';
export type { EncodedNerSentence, NerExample } from './bert/ner-dataset';
export {
  FINETUNE_NER_DEFAULTS,
  VALIDATION_FRACTION,
  finetuneNer,
  nerEvaluationSets,
  nerScoreFields,
  predictWordTags,
  scoreNerModel,
  scoreNerSets,
} from './bert/ner-finetune';
export type { FinetuneNerOptions, FinetuneNerResult, NerEvaluationSets } from './bert/ner-finetune';
export { finetuneNerSoup, loadNerCheckpoint } from './bert/ner-soup';
export type { FinetuneNerSoupOptions, FinetuneNerSoupResult, NerSoupIngredient } from './bert/ner-soup';
export { bertNerMlmTrainingModel, NerWithMlmDataset, nerWithMlmLoss, savedMlmHead } from './bert/ner-mlm-multitask';
export type { NerWithMlmOptions } from './bert/ner-mlm-multitask';
export { paddedBertInputs } from './bert/padded-inputs';
export { QaDataset, encodeQaWindows } from './bert/qa-dataset';
export type { QaWindow, QaWindowOptions } from './bert/qa-dataset';
export { FINETUNE_QA_DEFAULTS, finetuneQa, predictAnswers, qaTrainingModel } from './bert/qa-finetune';
export { finetuneSchedule, LR_DECAYS } from './bert/finetune-schedule';
export type { LrDecay } from './bert/finetune-schedule';
export type { FinetuneQaOptions, FinetuneQaResult } from './bert/qa-finetune';
// --- end BERT fine-tuning ---
