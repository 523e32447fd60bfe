// Public surface of @dlkit/sequence: recurrent cells from scratch (with their tfjs-layers twins),
// character language models, time-series forecasting, music generation, seq2seq with
// attention, and transformer blocks (PyTorch-checked, ONNX-exportable). Every name is chosen; grouped by folder.
export { RECURRENT_CELLS, RNN_GRADCHECK_EXPERIMENT, runRecurrentGradcheck } from './cells/check-report';
export type { RecurrentCellClass, RecurrentCheckRow } from './cells/check-report';
export { clipGradientsByNorm, clipGradientsByValue, disposeGrads, globalNorm } from './cells/clip';
export { ClippedOptimizer } from './cells/clipped-optimizer';
export type { ClippingOptions } from './cells/clipped-optimizer';
export { GRU } from './cells/gru';
export { LSTM } from './cells/lstm';
export { RecurrentCell } from './cells/recurrent';
export type { RecurrentOptions } from './cells/recurrent';
export { scratchToTfjs } from './cells/scratch-to-tfjs';
export type { ScratchToTfjsOptions } from './cells/scratch-to-tfjs';
export { SimpleRNN } from './cells/simple-rnn';
export { loadWeightsIntoScratch, recurrentLayer, weightsFromScratch } from './cells/tfjs-recurrent';
export type { RecurrentCellKind, RecurrentLayerOptions } from './cells/tfjs-recurrent';
export { TimeDistributedDense } from './cells/time-distributed-dense';
export type { TimeDistributedDenseOptions } from './cells/time-distributed-dense';

// CTC (connectionist temporal classification): loss for tfjs training, greedy and prefix beam-search
// decoding (lexicon, word LM), forced alignment and word times, CER/WER. Audio's speech-to-text uses them.
export { ctcBeamSearch, CTC_BEAM_SEARCH_DEFAULTS } from './ctc/ctc-beam-search';
export type { CtcBeamSearchOptions, CtcHypothesis } from './ctc/ctc-beam-search';
export { ctcForcedAlign } from './ctc/ctc-forced-align';
export { ctcForwardBackward } from './ctc/ctc-forward-backward';
export type { CtcSequenceResult } from './ctc/ctc-forward-backward';
export { ctcGreedyDecode } from './ctc/ctc-greedy-decode';
export type { CtcDecoded, CtcDecodeOptions } from './ctc/ctc-greedy-decode';
export { CTC_LOSS_DEFAULTS, ctcLoss } from './ctc/ctc-loss';
export type { CtcLossOptions, CtcReduction } from './ctc/ctc-loss';
export { ctcWordTimings } from './ctc/ctc-word-timings';
export type { CtcWordTimingOptions, WordTiming } from './ctc/ctc-word-timings';
export { cer, editDistance, errorRate, exactMatch, wer } from './metrics/error-rate';
export { LexiconTrie } from './ctc/lexicon-trie';
export type { LexiconNode } from './ctc/lexicon-trie';
export type { CtcTokenSpan, LogProbMatrix } from './ctc/log-prob-rows';
export { WORD_NGRAM_LM_DEFAULTS, WordNgramLm } from './ctc/word-ngram-lm';
export type { WordLanguageModel, WordNgramLmOptions } from './ctc/word-ngram-lm';

export {
  HF_CONFIG_JSON,
  HF_ONNX_DIR,
  HfFolderError,
  readHfModelFolder,
  validateHfConfig,
  writeHfModelFolder,
} from './hf/hf-model-folder';
export type {
  HfFolderExpectations,
  HfGraphExpectation,
  HfGraphValue,
  HfInputType,
  HfModelConfig,
  HfModelFolder,
  HfModelFolderInfo,
} from './hf/hf-model-folder';

export { loadMelodyCorpus, melodyCorpusFiles, tuneMelody, writeCorpusMidi } from './music/corpus';
export { TUNES } from './music/corpus/tunes';
export type { Tune } from './music/corpus/tunes';
export { midiToHz, pitchName, STEPS_PER_BAR, STEPS_PER_QUARTER } from './music/events';
export type { Melody, NoteEvent } from './music/events';
export { generateMelody, loadMusicModel, MUSIC_GENERATE_DEFAULTS, runMusicGenerate } from './music/generate';
export type { GenerateMelodyOptions, MusicGenerateOptions, MusicGenerateResult, MusicModel } from './music/generate';
export { copiedPhraseFraction, pitchClassDistribution, pitchClassKl, randomMelodyEvents } from './music/metrics';
export { melodyToMidi, MidiFileError, midiToMelody, readMidiFile, readMidiFolder } from './music/midi';
export type { MidiFolder } from './music/midi';
export { buildMusicLstm, disposeMusicModel } from './music/model';
export type { MusicModelConfig } from './music/model';
export { formatNotation, parseNotation } from './music/notation';
export type { NotationOptions } from './music/notation';
export { melodyPanels, pianoRollPng } from './music/piano-roll';
export type { PianoRollOptions, PianoRollPanel } from './music/piano-roll';
export { melodyToWav, synthesizeMelody } from './music/synth';
export type { SynthOptions } from './music/synth';
export { MUSIC_TRAIN_DEFAULTS, trainMusicModel } from './music/train';
export type { MusicTrainOptions, MusicTrainResult } from './music/train';

export { renderAttentionPng } from './seq2seq/attention-plot';
export type { AttentionPlotOptions } from './seq2seq/attention-plot';
export { DATE_FORMATS, DateSplit, formatDate, randomDatePair } from './seq2seq/dates';
export type { DateFormat, DatePair, DateSplitOptions } from './seq2seq/dates';
export { buildSeq2seq, SEQ2SEQ_DEFAULTS, Seq2seqAttention } from './seq2seq/model';
export type { Seq2seqConfig, Seq2seqDecoderState, Seq2seqEncoding, Seq2seqModels } from './seq2seq/model';
export {
  describeSkipped,
  PairCoder,
  PAIRS_TSV_DEFAULTS,
  parsePairsTsv,
  SequenceTooLongError,
  splitPairsBySource,
  TooFewPairsError,
} from './seq2seq/pairs';
export type { Pair, PairsTsvOptions, PairTokens, ParsedPairs, SkippedRow } from './seq2seq/pairs';
export { learnPieces, PIECE_DEFAULTS, splitPieces } from './seq2seq/pieces';
export type { PieceOptions } from './seq2seq/pieces';
export { trainTranslateDate } from './seq2seq/translate-date-task';
export type { TrainTranslateDateOptions, TrainTranslateDateResult } from './seq2seq/translate-date-task';
export {
  TimeBudget,
  TRAIN_DATES_DEFAULTS,
  TRAIN_PAIRS_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  trainDateTranslator,
  trainPairsTranslator,
  trainTranslator,
} from './seq2seq/train';
export type {
  TrainDatesOptions,
  TrainDatesResult,
  TrainedTranslator,
  TrainPairsOptions,
  TrainPairsResult,
  TrainTranslatorOptions,
} from './seq2seq/train';
export { Seq2seqTranslator, TRANSLATE_DEFAULTS, TRANSLATOR_JSON } from './seq2seq/translator';
export type { TranslateOptions, Translation, TranslatorEvaluation } from './seq2seq/translator';
export {
  TRANSFORMER_TRANSLATOR_DEFAULTS,
  TRANSFORMER_TRANSLATOR_FORMAT,
  TransformerTranslator,
} from './seq2seq/transformer-translator';
export type {
  TransformerTranslateOptions,
  TransformerTranslatorJson,
  TransformerTranslatorSizes,
} from './seq2seq/transformer-translator';
export {
  NoamWarmup,
  TRAIN_TRANSFORMER_DEFAULTS,
  trainTransformerTranslator,
  transformerPairDataset,
} from './seq2seq/train-transformer';
export type { TrainTransformerOptions } from './seq2seq/train-transformer';
export { loadTranslator } from './seq2seq/load-translator';
export type { Translator } from './seq2seq/load-translator';
export { beamDecode, DECODE_DEFAULTS, greedyDecode, sequenceScore } from './seq2seq/beam-search';
export type { BeamOptions, Decoded, DecodeOptions, DecoderSession } from './seq2seq/beam-search';
export { MAX_NUMBER, n2wordsCardinal, NUMBER_LOCALES, NUMBER_WORD_FIXES, numberWords } from './seq2seq/number-words';
export type { NumberLanguage, NumberWordFix } from './seq2seq/number-words';
export {
  logUniformNumber,
  NUMBER_PAIR_PRESETS,
  NUMBER_SPLIT_DEFAULTS,
  NUMBER_WORDS_MAX_LENGTH,
  numberPairs,
  numberSplit,
} from './seq2seq/number-pairs';
export type { NumberPair, NumberPairPreset, NumberSplitOptions } from './seq2seq/number-pairs';
export {
  DATE_EXAMPLE,
  isTranslatePreset,
  loadTranslateData,
  MIN_TRAINING_PAIRS,
  NUMBER_PRESET_DEFAULTS,
  readTrainingPairs,
  TRANSLATE_PRESETS,
  translatePresetDefaults,
} from './seq2seq/translate-presets';
export type {
  TranslateData,
  TranslateDataOptions,
  TranslatePreset,
  TranslatePresetName,
} from './seq2seq/translate-presets';
export {
  TRAIN_TRANSLATION_DEFAULTS,
  trainTranslation,
  TRANSLATOR_ARCHITECTURES,
  TRANSLATOR_ONNX,
  translatorDir,
} from './seq2seq/translate-task';
export { SEQ2SEQ_ONNX_EXPORTERS, seq2seqAttentionExporter } from './seq2seq/onnx-export';
export type {
  TrainTranslationOptions,
  TrainTranslationResult,
  TranslationScores,
  TranslatorArchitecture,
} from './seq2seq/translate-task';

export { NGRAM_SMOOTHING_K, NgramBaseline } from './textgen/baselines';
export type { NgramOptions } from './textgen/baselines';
export { corpusFromText, loadNames, loadTextCorpus, splitCorpus, TEXT_CORPUS_DEFAULTS } from './textgen/corpus';
export type { TextCorpus, TextCorpusMode, TextCorpusOptions } from './textgen/corpus';
export { charLanguageModel, maskedSequenceCrossentropy, NAMES_CHAR_LM } from './textgen/model';
export type { CharLmConfig } from './textgen/model';
export { SAMPLE_CHAR_LM_DEFAULTS, sampleCharLm } from './textgen/sample';
export type { SampleCharLmOptions, SampleCharLmResult } from './textgen/sample';
export { loadCharLm } from './textgen/saved';
export type { CharLm } from './textgen/saved';
export { CharSequenceDataset, encodeItems, textgenVocabulary } from './textgen/sequences';
export { meanNll, TRAIN_CHAR_LM_DEFAULTS, trainCharLm } from './textgen/train';
export type { TrainCharLmOptions, TrainCharLmResult } from './textgen/train';

export { maeByStep, meanAbsoluteError, naiveForecast, seasonalNaiveForecast } from './timeseries/baselines';
export { BUILTIN_SERIES, CsvError, loadSeries, parseCsv } from './timeseries/csv';
export type { BuiltinSeriesName, CsvTable, LoadSeriesOptions, Series } from './timeseries/csv';
export { Forecaster } from './timeseries/forecaster';
export type {
  ForecastCell,
  ForecastCenter,
  ForecasterConfig,
  ForecasterFitOptions,
  ForecastStrategy,
} from './timeseries/forecaster';
export { forecastPlotSvg, renderForecastPlot } from './timeseries/plot';
export type { ForecastPlotData } from './timeseries/plot';
export { RUN_FORECAST_DEFAULTS, runForecast } from './timeseries/run-forecast';
export type { ForecastResult, RunForecastOptions } from './timeseries/run-forecast';
export { chronologicalSplit, diffs, DiffScaler, makeWindows, testOrigins } from './timeseries/windows';
export type { ChronologicalSplit, SplitOptions, WindowOptions, Windows } from './timeseries/windows';

export { charTokenizerJson, writeCharTokenizer } from './tokens/char-tokenizer';
export type { CharTokenizerOptions } from './tokens/char-tokenizer';
export {
  readTokenizerFolder,
  SPECIAL_TOKEN_ROLES,
  SPECIAL_TOKENS_MAP_JSON,
  specialTokensMap,
  TOKENIZER_CONFIG_JSON,
  TOKENIZER_JSON,
  writeTokenizerFolder,
} from './tokens/hf-tokenizer-folder';
export type {
  SpecialTokenRole,
  SpecialTokensMap,
  TokenizerConfig,
  TokenizerFolder,
} from './tokens/hf-tokenizer-folder';
export {
  readJsonFile,
  readTokenizerJson,
  specialAddedToken,
  TokenizerFileError,
  validateTokenizerJson,
  writeTokenizerJson,
} from './tokens/hf-tokenizer-json';
export type {
  HfAddedToken,
  HfBpeModel,
  HfComponent,
  HfTokenizerJson,
  HfTokenizerModel,
  HfWordLevelModel,
  HfWordPieceModel,
} from './tokens/hf-tokenizer-json';
export { PAD_SEQUENCES_DEFAULTS, padSequences } from './tokens/pad-sequences';
export type { PadSequencesOptions } from './tokens/pad-sequences';
export { sampleLogits } from './tokens/sampling';
export type { SamplingOptions } from './tokens/sampling';
export { UnknownTokenError, Vocabulary } from './tokens/vocabulary';
export type { VocabularyJson, VocabularyOptions } from './tokens/vocabulary';

export {
  attentionWeights,
  causalMask,
  MASKED_SCORE,
  maskBias,
  paddingMask,
  scaledDotProductAttention,
} from './transformer/attention';
export type { AttentionResult } from './transformer/attention';
export type { AttentionProjections, Projection } from './transformer/attention-block';
export { FEED_FORWARD_DEFAULTS, gelu, PositionwiseFeedForward } from './transformer/feed-forward';
export type {
  FeedForwardActivation,
  FeedForwardWeights,
  PositionwiseFeedForwardConfig,
} from './transformer/feed-forward';
export { LAYER_NORM_EPSILON, layerNorm } from './transformer/layer-norm';
export type { LayerNormWeights } from './transformer/layer-norm';
export { LayerNorm } from './transformer/layer-norm-layer';
export { SeededDropout } from './transformer/seeded-dropout';
export type { SeededDropoutConfig } from './transformer/seeded-dropout';
export type { LayerNormConfig } from './transformer/layer-norm-layer';
export { MULTI_HEAD_ATTENTION_DEFAULTS, MultiHeadAttention } from './transformer/multi-head-attention';
export type { MultiHeadAttentionConfig } from './transformer/multi-head-attention';
export { TRANSFORMER_ONNX_EXPORTERS } from './transformer/onnx-exporters';
export { PositionalEncoding, sinusoidalTable } from './transformer/positional-encoding';
export type { PositionalEncodingConfig, PositionalEncodingKind } from './transformer/positional-encoding';
export { loadTorchDecoderLayer, loadTorchEncoderLayer, loadTorchMultiHeadAttention } from './transformer/torch-weights';
export type { TorchStateDict, TorchTensorJson } from './transformer/torch-weights';
export { TransformerDecoderLayer } from './transformer/transformer-decoder-layer';
export type { DecoderMemoryCache, TransformerDecoderWeights } from './transformer/transformer-decoder-layer';
export { TransformerEncoderLayer } from './transformer/transformer-encoder-layer';
export type { TransformerEncoderWeights } from './transformer/transformer-encoder-layer';
export { TRANSFORMER_LAYER_DEFAULTS, TransformerLayer } from './transformer/transformer-layer';
export type { TransformerLayerConfig } from './transformer/transformer-layer';
export { transformersOffline } from './hf/transformers-offline';
export type { TransformersModule } from './hf/transformers-offline';
