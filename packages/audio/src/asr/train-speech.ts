/**
 * Speech-to-text end to end (issue 13 §5): closed-vocabulary sentences (speech-text.ts) spoken by a
 * SpeechSynthesizer, train / validation / test voices disjoint (splitVoices) and test sentences
 * never in training; or a folder of recordings with transcripts.tsv. The log-mel BiGRU of
 * speech-model.ts is trained with CTC by core's runTraining (checkpoint every epoch, exact resume),
 * scored on the test set (CER and WER pooled, greedy without a language model, and lexicon + bigram
 * beam search beside it), and exported as a Hugging Face wav2vec2-CTC folder that transformers.js's
 * ASR pipeline serves.
 *
 * <outDir>/hf/                 the wav2vec2-CTC folder (speech-hf-folder.ts)
 * <outDir>/speech.json         metrics and decoded examples (their clips in examples/test-<i>.wav)
 * <outDir>/spectrogram.png     a test clip's log-mel spectrogram, its reference and greedy transcript
 * <outDir>/curves.png, history.json, model/, checkpoint/, speech-cache/
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  cosineWithWarmup,
  initBackend,
  runTraining,
  stripUndefined,
  taskTrainerOptions,
  writeFileAtomic,
  type TrainTaskOptions,
} from '@dlkit/core';
import { logMelSpectrogram } from '../features/mel-spectrogram';
import { writeWav } from '../io/write-wav';
import { melBandCenters, renderSpectrogram } from '../plot/render-spectrogram';
import { CachedSynthesizer } from '../speech/cached-synthesizer';
import { ClipGenerator } from '../speech/clip-generator';
import type { GeneratedSpeechOptions } from '../speech/speech-synthesizer';
import { splitVoices } from '../speech/voice-split';
import { generateSpeechClips, type SpeechClips } from './speech-clips';
import { ctcTrainingLoss, SpeechDataset } from './speech-dataset';
import { evaluateSpeech, speechBeamDecoder, type SpeechEvaluation } from './speech-eval';
import { loadSpeechFolder } from './speech-folder';
import { writeSpeechHfFolder } from './speech-hf-folder';
import { buildSpeechModel } from './speech-model';
import { splitSentences } from './speech-text';
import { SPEECH_TOKENS } from './speech-vocab';

export interface TrainSpeechOptions extends TrainTaskOptions, GeneratedSpeechOptions {
  /** ...or read WAV files and `transcripts.tsv` from this folder. */
  dataDir?: string;
  /** Generated sentences for training, validation and testing. */
  trainSentences?: number;
  validationSentences?: number;
  testSentences?: number;
  /** Units of each GRU direction. */
  units?: number;
  /** Beam width of the lexicon + LM figure. */
  beamWidth?: number;
}

export const TRAIN_SPEECH_DEFAULTS = {
  epochs: 20,
  batchSize: 24,
  seed: 1,
  learningRate: 3e-3,
  trainSentences: 2400,
  validationSentences: 100,
  testSentences: 300,
  units: 64,
  beamWidth: 16,
  sampleRate: 16000,
  resume: false,
  progress: true,
};

/** Longest generated clip, seconds (the slowest voices speak the longest sentences in ~3.5 s). */
const MAX_CLIP_SECONDS = 6;

export interface TrainSpeechResult extends SpeechEvaluation {
  task: 'speech';
  /** The Hugging Face folder (transformers.js pipeline, `dlkit transcribe --model`). */
  model: string;
  spectrogram: string;
  curves: string;
  trainClips: number;
  trainAudioSeconds: number;
  testClips: number;
  /** Base voices heard only in the test set (generated data). */
  testOnlyVoices: string[];
  epochs: number;
  /** Seconds of audio trained on per second of training. */
  audioSecondsPerSec: number;
  seconds: number;
  resumedFromEpoch: number;
  backend: string;
}

interface SpeechSets {
  train: SpeechClips;
  validation: SpeechClips;
  test: SpeechClips;
  testOnlyVoices: string[];
}

type Resolved = TrainSpeechOptions & typeof TRAIN_SPEECH_DEFAULTS;

async function speechSets(o: Resolved): Promise<SpeechSets> {
  if (o.dataDir)
    return { ...loadSpeechFolder(o.dataDir, { sampleRate: o.sampleRate, seed: o.seed }), testOnlyVoices: [] };
  if (!o.synthesizer || !o.voices?.length) throw new Error('trainSpeech: give dataDir, or a synthesizer with voices');
  const voices = splitVoices(o.voices, o.variants ?? [''], { seed: o.seed });
  const sentences = splitSentences({
    seed: o.seed,
    train: o.trainSentences,
    validation: o.validationSentences,
    test: o.testSentences,
  });
  const tts = new CachedSynthesizer(o.synthesizer, o.cacheDir ?? path.join(o.outDir, 'speech-cache'));
  const gen = new ClipGenerator(tts, {
    sampleRate: o.sampleRate,
    clipSeconds: MAX_CLIP_SECONDS,
    rate: [140, 200],
    snrDb: [10, 30],
    noise: ['white', 'pink', 'brown'],
  });
  const make = (set: 'train' | 'validation' | 'test', salt: number) =>
    generateSpeechClips(gen, voices[set], sentences[set], {
      seed: o.seed * 1000 + salt,
      onClip: (d, t) => o.onData?.(d, t, set),
    });
  return {
    train: await make('train', 1),
    validation: await make('validation', 2),
    test: await make('test', 3),
    testOnlyVoices: voices.testOnlyVoices,
  };
}

/** The first test clip's log-mel spectrogram, titled with its reference and greedy transcript. */
async function spectrogramPicture(file: string, set: SpeechClips, r: SpeechEvaluation, sampleRate: number) {
  const example = r.examples[0];
  const db = logMelSpectrogram(set.clips[0], { sampleRate, nFft: 400, hop: 160, nMels: 40 });
  await renderSpectrogram(file, db, {
    sampleRate,
    hop: 160,
    frequencies: melBandCenters({ sampleRate, nMels: 40 }),
    title: `"${example.reference}" → greedy "${example.greedy}" (${example.source})`,
  });
}

export async function trainSpeech(options: TrainSpeechOptions): Promise<TrainSpeechResult> {
  const o: Resolved = { ...TRAIN_SPEECH_DEFAULTS, ...stripUndefined(options), outDir: options.outDir };
  const started = Date.now();
  const backend = await initBackend();
  const sets = await speechSets(o);
  const model = buildSpeechModel({ vocab: SPEECH_TOKENS.length, units: o.units, filters: o.units, seed: o.seed });
  const beam = speechBeamDecoder(sets.train.texts, o.beamWidth);
  const hfDir = path.join(o.outDir, 'hf');
  const audioSeconds = sets.train.clips.reduce((s, c) => s + c.length, 0) / o.sampleRate;
  try {
    const run = await runTraining({
      model,
      data: new SpeechDataset(sets.train),
      outDir: o.outDir,
      trainer: {
        ...taskTrainerOptions(o),
        loss: ctcTrainingLoss,
        metrics: [],
        validationData: sets.validation.clips.length ? new SpeechDataset(sets.validation) : undefined,
      },
      schedule: cosineWithWarmup(o.learningRate, { totalEpochs: o.epochs, warmupEpochs: o.epochs > 2 ? 1 : 0 }),
      evaluate: () => evaluateSpeech(model, sets.test, { beam }),
      curves: { title: `Speech CTC (${sets.train.clips.length} training clips)` },
      artifacts: async ({ evaluation }) => {
        const files = {
          spectrogram: path.join(o.outDir, 'spectrogram.png'),
          metrics: path.join(o.outDir, 'speech.json'),
        };
        await writeSpeechHfFolder(hfDir, model, { corpus: sets.train.texts, sampleRate: o.sampleRate });
        await spectrogramPicture(files.spectrogram, sets.test, evaluation, o.sampleRate);
        // the first test clips as WAV files, to hear and to transcribe with the export
        const examples = evaluation.examples.map((e, i) => {
          const file = path.join(o.outDir, 'examples', `test-${i}.wav`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          writeWav(file, { sampleRate: o.sampleRate, channels: [sets.test.clips[i]] }, { bitDepth: '32f' }); // float: the clip as evaluated
          return { ...e, file };
        });
        writeFileAtomic(files.metrics, JSON.stringify({ ...evaluation, examples }, null, 2) + '\n');
        return files;
      },
    });
    return {
      task: 'speech',
      ...run.evaluation,
      model: hfDir,
      spectrogram: run.files.spectrogram!,
      curves: run.files.curves!,
      trainClips: sets.train.clips.length,
      trainAudioSeconds: audioSeconds,
      testClips: sets.test.clips.length,
      testOnlyVoices: sets.testOnlyVoices,
      epochs: run.history.length,
      audioSecondsPerSec: (run.samplesPerSec * audioSeconds) / Math.max(1, sets.train.clips.length),
      seconds: (Date.now() - started) / 1000,
      resumedFromEpoch: run.resumedFromEpoch,
      backend: backend.backend,
    };
  } finally {
    model.dispose();
  }
}
