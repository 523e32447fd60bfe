/**
 * Trigger-word detection end to end (issue 13 §3, the course's "activate" detector): 10 s clips of
 * background with the trigger word and other words at random non-overlapping places, either spoken
 * by a SpeechSynthesizer (train, validation and test voices disjoint, see splitVoices) or cut from
 * folders of WAV files; the course's Conv1D → GRU → GRU → sigmoid model over log-mel frames
 * (buildTriggerModel) trained by core's runTraining (checkpoint every epoch, exact resume); the
 * threshold tuned on validation clips; event-level precision, recall and F1 on test clips and
 * false alarms per hour over generated audio without the trigger word; the model exported to
 * ONNX and served by TriggerDetector.
 *
 * <outDir>/trigger.onnx, trigger.json          what TriggerDetector loads
 * <outDir>/example.png, example.wav            a held-out clip's detections (through TriggerDetector)
 * <outDir>/curves.png, history.json, model/, checkpoint/, speech-cache/
 */
import * as path from 'path';
import {
  Rng,
  cosineWithWarmup,
  initBackend,
  runTraining,
  stripUndefined,
  taskTrainerOptions,
  writeFileAtomic,
  type TrainTaskOptions,
} from '@dlkit/core';
import { writeWav } from '../io/write-wav';
import { CachedSynthesizer } from '../speech/cached-synthesizer';
import { ClipGenerator } from '../speech/clip-generator';
import { voiceName, type GeneratedSpeechOptions } from '../speech/speech-synthesizer';
import { splitVoices } from '../speech/voice-split';
import { insertChimes } from './chime';
import { composeTriggerClip, type TriggerSource } from './trigger-clip';
import { TRIGGER_MODEL_FILES, TriggerDetector, type TriggerModelInfo } from './trigger-detector';
import { TriggerDataset, type TriggerSet } from './trigger-dataset';
import { countFalseAlarms, scoreTriggerCurves, tuneTriggerThreshold } from './trigger-eval';
import { TRIGGER_DETECT_DEFAULTS } from './trigger-events';
import { TRIGGER_GEOMETRY, triggerGeometry, type TriggerGeometry } from './trigger-geometry';
import { buildTriggerModel, triggerCurves } from './trigger-model';
import { clipSeed, generateTriggerSet } from './trigger-set';
import {
  folderTriggerSource,
  listWavFiles,
  synthesizedTriggerSource,
  TRIGGER_WORD,
  type TriggerFiles,
} from './trigger-sources';
import { renderTriggerPlot } from './trigger-plot';

export interface TrainTriggerOptions extends TrainTaskOptions, GeneratedSpeechOptions {
  /** ...or folders of WAV files: clips of the trigger word, of other words, and background recordings. */
  positivesDir?: string;
  negativesDir?: string;
  backgroundDir?: string;
  /** 10 s clips for training, validation (threshold tuning) and testing. */
  trainClips?: number;
  validationClips?: number;
  testClips?: number;
  /** Hours of audio without the trigger word for the false-alarm rate. */
  falseAlarmHours?: number;
  /** Conv1D filters, GRU units, dropout rate. */
  filters?: number;
  units?: number;
  dropout?: number;
  /** Tune the detection threshold on the validation clips (else 0.5). */
  tuneThreshold?: boolean;
}

export const TRAIN_TRIGGER_DEFAULTS = {
  epochs: 12,
  batchSize: 64,
  seed: 1,
  learningRate: 3e-3,
  trainClips: 1200,
  validationClips: 100,
  testClips: 200,
  falseAlarmHours: 1,
  filters: 128,
  units: 64,
  dropout: 0.3,
  tuneThreshold: true,
  resume: false,
  progress: true,
};

export interface TrainTriggerResult {
  task: 'trigger';
  /** Event-level scores on the test clips at `threshold`. */
  f1: number;
  precision: number;
  recall: number;
  /** Detections per hour in `falseAlarmHours` of audio without the trigger word. */
  falseAlarmsPerHour: number;
  falseAlarms: number;
  falseAlarmHours: number;
  threshold: number;
  /** F1 on the test clips at the untuned threshold 0.5, and on the validation clips at `threshold`. */
  f1AtHalf: number;
  validationF1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** The directory TriggerDetector.load takes (= outDir). */
  model: string;
  onnx: string;
  curves: string;
  /** A test clip through TriggerDetector: its picture and chimed audio. */
  example: string;
  exampleAudio: string;
  trainClips: number;
  validationClips: number;
  testClips: number;
  /** Trigger words in the test clips. */
  testTriggers: number;
  /** Base voices heard only in the test set, and the test voice+variant combinations (generated data). */
  testOnlyVoices: string[];
  testVoices: string[];
  /** False when folder data had too few files to hold any out (then the scores are on training files). */
  heldOut: boolean;
  epochs: number;
  samplesPerSec: number;
  seconds: number;
  resumedFromEpoch: number;
  backend: string;
}

type Options = TrainTriggerOptions & typeof TRAIN_TRIGGER_DEFAULTS;
type SetName = 'train' | 'validation' | 'test';

interface TriggerSources {
  sources: Record<SetName, TriggerSource>;
  testOnlyVoices: string[];
  testVoices: string[];
  heldOut: boolean;
}

/**
 * Splits each folder's files seeded into train / validation / test (20 % test, 10 % validation);
 * a folder with fewer than 5 files is used whole by every set (`heldOut: false`).
 */
function folderSources(o: Options, g: TriggerGeometry): TriggerSources {
  const lists: TriggerFiles = {
    positives: listWavFiles(o.positivesDir!, 'WAV clips of the trigger word'),
    negatives: listWavFiles(o.negativesDir!, 'WAV clips of other words'),
    background: listWavFiles(o.backgroundDir!, 'WAV background recordings'),
  };
  const rng = new Rng(o.seed);
  const split: Record<SetName, TriggerFiles> = {
    train: { positives: [], negatives: [], background: [] },
    validation: { positives: [], negatives: [], background: [] },
    test: { positives: [], negatives: [], background: [] },
  };
  let heldOut = true;
  for (const role of ['positives', 'negatives', 'background'] as const) {
    const files = rng.permutation(lists[role].length).map((i) => lists[role][i]);
    const nTest = Math.floor(0.2 * files.length);
    const nValidation = Math.floor(0.1 * files.length);
    if (nTest === 0) heldOut = false;
    split.test[role] = nTest ? files.slice(0, nTest) : files;
    split.train[role] = nTest ? files.slice(nTest + nValidation) : files;
    // too few files for a validation share: tune on training files, never on test files
    split.validation[role] = nValidation ? files.slice(nTest, nTest + nValidation) : split.train[role];
  }
  const source = (s: SetName) => folderTriggerSource(split[s], g.sampleRate);
  return {
    sources: { train: source('train'), validation: source('validation'), test: source('test') },
    testOnlyVoices: [],
    testVoices: [],
    heldOut,
  };
}

function synthesizedSources(o: Options, g: TriggerGeometry): TriggerSources {
  if (!o.synthesizer || !o.voices?.length)
    throw new Error('trainTrigger: give positivesDir, negativesDir and backgroundDir, or a synthesizer with voices');
  const split = splitVoices(o.voices, o.variants ?? [''], { seed: o.seed });
  const tts = new CachedSynthesizer(o.synthesizer, o.cacheDir ?? path.join(o.outDir, 'speech-cache'));
  const source = (s: SetName) => {
    // babble in each set is spoken by that set's own voices, so no test voice leaks into training
    const gen = new ClipGenerator(tts, {
      sampleRate: g.sampleRate,
      clipSeconds: g.clipSeconds,
      babbleVoices: split[s],
    });
    return synthesizedTriggerSource(gen, split[s]);
  };
  return {
    sources: { train: source('train'), validation: source('validation'), test: source('test') },
    testOnlyVoices: split.testOnlyVoices,
    testVoices: split.test.map(voiceName),
    heldOut: true,
  };
}

/** Set seeds: one stream per set, and one for the false-alarm audio. */
const SET_SALT = { train: 1, validation: 2, test: 3, falseAlarms: 4 };

export async function trainTrigger(options: TrainTriggerOptions): Promise<TrainTriggerResult> {
  const o: Options = { ...TRAIN_TRIGGER_DEFAULTS, ...stripUndefined(options), outDir: options.outDir };
  const started = Date.now();
  const backend = await initBackend();
  const g = triggerGeometry(TRIGGER_GEOMETRY);
  const fromFolders = [o.positivesDir, o.negativesDir, o.backgroundDir].filter(Boolean).length;
  if (fromFolders > 0 && fromFolders < 3)
    throw new Error('trainTrigger: positivesDir, negativesDir and backgroundDir go together (got only some of them)');
  const data = fromFolders ? folderSources(o, g) : synthesizedSources(o, g);
  const make = (s: SetName, clips: number): Promise<TriggerSet> =>
    generateTriggerSet(data.sources[s], g, {
      clips,
      seed: o.seed * 1000 + SET_SALT[s],
      onClip: (d, t) => o.onData?.(d, t, s),
    });
  const sets = {
    train: await make('train', o.trainClips),
    validation: await make('validation', o.validationClips),
    test: await make('test', o.testClips),
  };
  const model = buildTriggerModel(g, { filters: o.filters, units: o.units, dropout: o.dropout, seed: o.seed });
  const minGapSeconds = TRIGGER_DETECT_DEFAULTS.minGapSeconds;
  try {
    const run = await runTraining({
      model,
      data: new TriggerDataset(sets.train, g),
      outDir: o.outDir,
      trainer: {
        ...taskTrainerOptions(o),
        loss: 'binaryCrossentropy',
        validationData: o.validationClips ? new TriggerDataset(sets.validation, g) : undefined,
        validationBatchSize: 32,
      },
      schedule: cosineWithWarmup(o.learningRate, { totalEpochs: o.epochs }),
      evaluate: async () => {
        const validationCurves = triggerCurves(model, sets.validation.features, g);
        const tuned =
          o.tuneThreshold && o.validationClips
            ? tuneTriggerThreshold(validationCurves, sets.validation.triggerEnds, g, { minGapSeconds })
            : { threshold: TRIGGER_DETECT_DEFAULTS.threshold, f1: NaN };
        const threshold = tuned.threshold;
        const testCurves = triggerCurves(model, sets.test.features, g);
        const detect = { threshold, minGapSeconds };
        const test = scoreTriggerCurves(testCurves, sets.test.triggerEnds, g, detect);
        const atHalf = scoreTriggerCurves(testCurves, sets.test.triggerEnds, g, { minGapSeconds });
        const validationF1 = scoreTriggerCurves(validationCurves, sets.validation.triggerEnds, g, detect).f1;
        const falseAlarms = await countFalseAlarms(model, data.sources.test, g, {
          hours: o.falseAlarmHours,
          seed: o.seed * 1000 + SET_SALT.falseAlarms,
          detect,
          onClip: (d, t) => o.onData?.(d, t, 'false-alarm'),
        });
        return { threshold, test, f1AtHalf: atHalf.f1, validationF1, falseAlarms };
      },
      onnx: { file: TRIGGER_MODEL_FILES.onnx },
      curves: { title: `Trigger word "${TRIGGER_WORD}" (${sets.train.features.length} training clips)` },
      artifacts: async ({ evaluation }) => {
        const config = path.join(o.outDir, TRIGGER_MODEL_FILES.config);
        const info: TriggerModelInfo = {
          word: TRIGGER_WORD,
          geometry: TRIGGER_GEOMETRY,
          threshold: evaluation.threshold,
          minGapSeconds,
        };
        writeFileAtomic(config, JSON.stringify(info, null, 2) + '\n');
        return { config, ...(await examplePicture(o, g, data.sources.test)) };
      },
    });
    const e = run.evaluation;
    return {
      task: 'trigger',
      f1: e.test.f1,
      precision: e.test.precision,
      recall: e.test.recall,
      falseAlarmsPerHour: e.falseAlarms.perHour,
      falseAlarms: e.falseAlarms.falseAlarms,
      falseAlarmHours: e.falseAlarms.hours,
      threshold: e.threshold,
      f1AtHalf: e.f1AtHalf,
      validationF1: e.validationF1,
      truePositives: e.test.truePositives,
      falsePositives: e.test.falsePositives,
      falseNegatives: e.test.falseNegatives,
      model: o.outDir,
      onnx: run.files.onnx!,
      curves: run.files.curves!,
      example: run.files.example!,
      exampleAudio: run.files.exampleAudio!,
      trainClips: sets.train.features.length,
      validationClips: sets.validation.features.length,
      testClips: sets.test.features.length,
      testTriggers: sets.test.triggerEnds.reduce((s, ends) => s + ends.length, 0),
      testOnlyVoices: data.testOnlyVoices,
      testVoices: data.testVoices,
      heldOut: data.heldOut,
      epochs: run.history.length,
      samplesPerSec: run.samplesPerSec,
      seconds: (Date.now() - started) / 1000,
      resumedFromEpoch: run.resumedFromEpoch,
      backend: backend.backend,
    };
  } finally {
    model.dispose();
  }
}

/**
 * The first test clip with at least two trigger words (else the first) through the exported model
 * (TriggerDetector, as `dlkit trigger detect` runs a file): its picture, with the true word ends,
 * and its chimed audio.
 */
async function examplePicture(o: Options, g: TriggerGeometry, source: TriggerSource) {
  let clip = await composeTriggerClip(source, clipSeed(o.seed * 1000 + SET_SALT.test, 0), g);
  for (let i = 1; i < Math.min(o.testClips, 20) && clip.triggerEnds.length < 2; i++) {
    const next = await composeTriggerClip(source, clipSeed(o.seed * 1000 + SET_SALT.test, i), g);
    if (next.triggerEnds.length >= 2) clip = next;
  }
  const detector = await TriggerDetector.load(o.outDir);
  try {
    const files = { example: path.join(o.outDir, 'example.png'), exampleAudio: path.join(o.outDir, 'example.wav') };
    const r = await detector.detect(clip.samples);
    const chimed = insertChimes(
      [clip.samples],
      g.sampleRate,
      r.events.map((e) => e.time),
    );
    writeWav(files.exampleAudio, { sampleRate: g.sampleRate, channels: chimed });
    await renderTriggerPlot(files.example, {
      samples: clip.samples,
      geometry: g,
      times: r.times,
      probs: r.probs,
      threshold: detector.info.threshold,
      events: r.events,
      wordEnds: clip.triggerEnds,
      title: `held-out test clip: ${clip.words.map((w) => (w.trigger ? TRIGGER_WORD.toUpperCase() : w.label.split('@')[0])).join(', ') || 'no words'}`,
    });
    return files;
  } finally {
    await detector.dispose();
  }
}
