// Public surface of @dlkit/audio: WAV in and out (whole files and long files in windows),
// resampling, spectral features (STFT, mel, log-mel, MFCC) outside and inside tfjs graphs with
// their ONNX exporters, and spectrogram pictures. Every name is chosen; grouped by folder.
export { DB_DEFAULTS, powerToDb } from './features/power-to-db';
export type { DbOptions } from './features/power-to-db';
export { binCount, dftBasis } from './features/dft-basis';
export { frame, FRAME_DEFAULTS, frameCount, frameIndices } from './features/frame';
export type { FrameOptions, PadMode } from './features/frame';
export { MEL_DEFAULTS, melFilterbank, melSettings } from './features/mel-filterbank';
export type { MelOptions } from './features/mel-filterbank';
export { hzToMel, melFrequencies, melToHz } from './features/mel-scale';
export type { MelScale } from './features/mel-scale';
export { logMelSpectrogram, melSpectrogram } from './features/mel-spectrogram';
export type { LogMelOptions, MelSpectrogramOptions } from './features/mel-spectrogram';
export { dct, dctMatrix, mfcc, MFCC_DEFAULTS } from './features/mfcc';
export type { MfccOptions } from './features/mfcc';
export { magnitudeSpectrogram, powerSpectrogram, spectrogram } from './features/spectrogram';
export { forEachStftFrame, stft, STFT_DEFAULTS } from './features/stft';
export type { Stft, StftOptions } from './features/stft';
export { besselI0, hammingWindow, hannWindow, kaiserWindow, windowFunction } from './features/window';
export type { WindowName, WindowOptions, WindowSpec } from './features/window';

export { LogMelLayer } from './graph/log-mel-layer';
export type { LogMelLayerArgs } from './graph/log-mel-layer';
export { MfccLayer } from './graph/mfcc-layer';
export type { MfccLayerArgs } from './graph/mfcc-layer';
export { AUDIO_ONNX_EXPORTERS } from './graph/onnx-exporters';
export { SpectralLayer } from './graph/spectral-layer';
export type { SpectralConstants, SpectralLayerArgs, SpectralSettings } from './graph/spectral-layer';
export { StftLayer } from './graph/stft-layer';
export type { StftLayerArgs } from './graph/stft-layer';

export { decodePcm, encodePcm, pcmScale, quantize } from './io/pcm';
export type { PcmFormat, WavBitDepth } from './io/pcm';
export { readWav, toMono } from './io/read-wav';
export type { AudioData } from './io/read-wav';
export { WavError } from './io/wav-error';
export { bytesSource, parseWavHeader } from './io/wav-header';
export type { ByteSource, WavHeader } from './io/wav-header';
export { WavReader } from './io/wav-reader';
export type { AudioWindow } from './io/wav-reader';
export { wavHeaderBytes, WavStreamWriter } from './io/wav-stream-writer';
export type { WavStreamWriterOptions } from './io/wav-stream-writer';
export { writeWav, WRITE_WAV_DEFAULTS } from './io/write-wav';
export type { WriteWavOptions } from './io/write-wav';

export { melBandCenters, renderSpectrogram, SPECTROGRAM_PLOT_DEFAULTS } from './plot/render-spectrogram';
export type { SpectrogramPlotOptions } from './plot/render-spectrogram';

export { resample, RESAMPLE_DEFAULTS } from './resample/resample';
export type { ResampleOptions } from './resample/resample';

export { melodyIds, melodySignal, sineWave } from './signals/test-signals';

export { babbleNoise } from './speech/babble';
export { CachedSynthesizer } from './speech/cached-synthesizer';
export { CLIP_GENERATOR_DEFAULTS, ClipGenerator } from './speech/clip-generator';
export type { ClipGeneratorOptions, NoiseKind } from './speech/clip-generator';
export { coloredNoise, normalizeRms, rms } from './speech/noise';
export type { NoiseColor } from './speech/noise';
export { applyGainDb, placeInWindow, speedPerturb } from './speech/perturb';
export { mixAtSnr, snrDb } from './speech/snr';
export { voiceName } from './speech/speech-synthesizer';
export type {
  GeneratedSpeechOptions,
  SpeechSynthesizer,
  SynthesizedSpeech,
  VoiceSpec,
} from './speech/speech-synthesizer';
export { splitVoices, VOICE_SPLIT_DEFAULTS } from './speech/voice-split';
export type { VoiceSplit, VoiceSplitOptions } from './speech/voice-split';

export { ClipDataset } from './keywords/clip-dataset';
export { generateKeywordClips } from './keywords/keyword-clips';
export type { KeywordClipOptions, KeywordClips } from './keywords/keyword-clips';
export { loadKeywordFolder, readClip } from './keywords/keyword-folder';
export { KEYWORD_LABELS, KEYWORDS, UNKNOWN_WORDS } from './keywords/keyword-labels';
export { buildKeywordModel, KEYWORD_MODEL_DEFAULTS } from './keywords/keyword-model';
export type { KeywordModelConfig } from './keywords/keyword-model';
export { KEYWORD_MODEL_FILES, KeywordSpotter } from './keywords/keyword-spotter';
export type { KeywordPrediction } from './keywords/keyword-spotter';
export {
  accuracyOfConfusion,
  keywordConfusion,
  TRAIN_KEYWORDS_DEFAULTS,
  trainKeywords,
} from './keywords/train-keywords';
export type { TrainKeywordsOptions, TrainKeywordsResult } from './keywords/train-keywords';

export { CHIME_DEFAULTS, chimeTone, insertChimes } from './trigger/chime';
export type { ChimeOptions } from './trigger/chime';
export { trimSilence } from './trigger/trim-silence';
export { composeTriggerClip, TRIGGER_CLIP_DEFAULTS } from './trigger/trigger-clip';
export type { PlacedWord, TriggerClip, TriggerClipOptions, TriggerSource } from './trigger/trigger-clip';
export { TriggerDataset } from './trigger/trigger-dataset';
export type { TriggerSet } from './trigger/trigger-dataset';
export { TRIGGER_MODEL_FILES, TriggerDetector } from './trigger/trigger-detector';
export type { TriggerCurve, TriggerFileResult, TriggerModelInfo } from './trigger/trigger-detector';
export {
  countFalseAlarms,
  FALSE_ALARM_NEGATIVES,
  scoreTriggerCurves,
  stepTimes,
  TRIGGER_THRESHOLDS,
  tuneTriggerThreshold,
} from './trigger/trigger-eval';
export type { FalseAlarmOptions, FalseAlarmResult } from './trigger/trigger-eval';
export { detectTriggers, matchTriggers, TRIGGER_DETECT_DEFAULTS, triggerScores } from './trigger/trigger-events';
export type { TriggerDetectOptions, TriggerEvent, TriggerMatch, TriggerScores } from './trigger/trigger-events';
export { triggerFeatures } from './trigger/trigger-features';
export { stepTime, TRIGGER_GEOMETRY, triggerGeometry } from './trigger/trigger-geometry';
export type { TriggerGeometry, TriggerGeometryConfig } from './trigger/trigger-geometry';
export { TRIGGER_LABEL_SECONDS, triggerLabels } from './trigger/trigger-labels';
export { buildTriggerModel, TRIGGER_MODEL_DEFAULTS, triggerCurves } from './trigger/trigger-model';
export type { TriggerModelConfig } from './trigger/trigger-model';
export { renderTriggerPlot } from './trigger/trigger-plot';
export type { TriggerPlotData } from './trigger/trigger-plot';
export { clipSeed, generateTriggerSet } from './trigger/trigger-set';
export type { TriggerSetOptions } from './trigger/trigger-set';
export {
  folderTriggerSource,
  listWavFiles,
  readMonoAt,
  synthesizedTriggerSource,
  TRIGGER_NEGATIVE_WORDS,
  TRIGGER_WORD,
} from './trigger/trigger-sources';
export type { TriggerFiles } from './trigger/trigger-sources';
export { TRAIN_TRIGGER_DEFAULTS, trainTrigger } from './trigger/train-trigger';
export type { TrainTriggerOptions, TrainTriggerResult } from './trigger/train-trigger';
export { DynamicLogMelLayer } from './asr/dynamic-log-mel-layer';
export { SPEECH_ONNX_EXPORTERS } from './asr/dynamic-log-mel-exporter';
export { allSentences, SPEECH_DIGITS, SPEECH_NAMES, speechWords, splitSentences } from './asr/speech-text';
export type { SentenceSplit, SentenceSplitOptions } from './asr/speech-text';
export {
  normalizeTranscript,
  SPEECH_BLANK,
  SPEECH_TOKENS,
  SPEECH_UNK,
  speechIds,
  speechText,
  speechVocabulary,
  WORD_DELIMITER,
} from './asr/speech-vocab';
export {
  buildSpeechModel,
  SPEECH_FRAMING,
  SPEECH_MODEL_DEFAULTS,
  speechFrames,
  speechFrameSeconds,
} from './asr/speech-model';
export type { SpeechModelConfig } from './asr/speech-model';
export { generateSpeechClips } from './asr/speech-clips';
export type { SpeechClipOptions, SpeechClips } from './asr/speech-clips';
export { ctcTrainingLoss, normalizeWaveform, SpeechDataset } from './asr/speech-dataset';
export { beamTranscript, evaluateSpeech, greedyTranscript, speechBeamDecoder, speechLogProbs } from './asr/speech-eval';
export type { SpeechEvaluation } from './asr/speech-eval';
export { loadSpeechFolder, SPEECH_TRANSCRIPTS } from './asr/speech-folder';
export { readCtcFolder, SPEECH_HF_FILES, WAV2VEC2_GRAPH, writeSpeechHfFolder } from './asr/speech-hf-folder';
export type { CtcFolderInfo, SpeechHfOptions } from './asr/speech-hf-folder';
export { SpeechTranscriber, TRANSCRIBE_DEFAULTS } from './asr/speech-transcriber';
export type { FileTranscript, TranscribeOptions } from './asr/speech-transcriber';
export { TRAIN_SPEECH_DEFAULTS, trainSpeech } from './asr/train-speech';
export type { TrainSpeechOptions, TrainSpeechResult } from './asr/train-speech';
