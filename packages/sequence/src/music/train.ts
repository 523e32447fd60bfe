/**
 * Trains the melody LSTM on the shipped corpus (or a folder of the user's MIDI files) with
 * core's Trainer (runTraining), and saves it: `<outDir>/model` holds the tfjs model (saveModel) and
 * `music.json` (vocabulary, config, the corpus's pitch-class distribution for the metric);
 * `<outDir>/curves.png` and `<outDir>/history.json` record the epochs.
 *
 * Data: each melody becomes `<s>` + one token per event; the melodies are concatenated into
 * one stream, cut into windows of `seqLength` tokens every `stride` tokens; the target of each
 * position is the next token.
 *
 * @example
 * const r = await trainMusicModel({ outDir: 'out/music', epochs: 20, seed: 1 });
 * r.model; // 'out/music/model', load it with loadMusicModel
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, runTraining, stripUndefined, taskTrainerOptions, TrainTaskOptions } from '@dlkit/core';
import { Vocabulary } from '../tokens/vocabulary';
import { loadMelodyCorpus } from './corpus';
import type { Melody } from './events';
import { pitchClassDistribution } from './metrics';
import { readMidiFolder } from './midi';
import { buildMusicLstm, disposeMusicModel, MusicModelConfig } from './model';
import { melodyTokens, START_TOKEN, transposeMelody } from './tokenize';

/** Besides the shared options (outDir, epochs, batchSize, learningRate, progress, onEpochEnd): */
export interface MusicTrainOptions extends Omit<TrainTaskOptions, 'resume' | 'workers'> {
  /** A folder of .mid files to train on instead of the shipped corpus; bad files are skipped (see onSkip). */
  midiDir?: string;
  /** Seeds the weights and the batch order. */
  seed?: number;
  /** Window length in tokens. */
  seqLength?: number;
  /** Tokens between the starts of consecutive windows. */
  stride?: number;
  units?: number;
  embeddingDim?: number;
  /** Dropout on the LSTM inputs while training. */
  dropout?: number;
  /** Semitone shifts to train on (augmentation); [0] trains on the tunes as written. */
  transpose?: number[];
  /** Called for each unreadable file of midiDir (name and reason). */
  onSkip?: (file: string, error: string) => void;
}

export const MUSIC_TRAIN_DEFAULTS = {
  epochs: 10,
  batchSize: 32,
  learningRate: 0.01,
  seed: 42,
  seqLength: 32,
  stride: 2,
  units: 96,
  embeddingDim: 32,
  dropout: 0.4,
  transpose: [0],
  progress: false,
};

/** The side file next to the saved model. */
export interface MusicModelMeta {
  format: 'dlkit-music';
  version: 1;
  config: MusicModelConfig;
  vocab: { tokens: string[] };
  /** Pitch-class distribution (C..B) of the training melodies as written (before augmentation). */
  corpusPitchClasses: number[];
  /** Median tempo of the training melodies, used for generated files. */
  tempo: number;
  melodies: string[];
  /** The training melodies as written (one space-separated token string each), for copiedPhraseFraction. */
  trainingTokens: string[];
  training: {
    epochs: number;
    loss: number;
    accuracy: number;
    seed: number;
    transpose: number[];
    tokens: number;
    windows: number;
  };
}

export const MUSIC_META_FILE = 'music.json';

export interface MusicTrainResult {
  task: 'music-train';
  /** The saved model directory (pass it to `loadMusicModel` / `dlkit music generate --model`). */
  model: string;
  melodies: number;
  skipped: { file: string; error: string }[];
  tokens: number;
  windows: number;
  vocabSize: number;
  epochs: number;
  loss: number;
  accuracy: number;
  seconds: number;
  backend: string;
  /** Learning curves (loss and accuracy per epoch) and the per-epoch logs. */
  curves: string;
  history: string;
}

/** Token windows of a stream: x [m, T] ids and y [m, T] the ids one step later. */
export function tokenWindows(
  stream: readonly number[],
  seqLength: number,
  stride: number,
): { xs: number[][]; ys: number[][] } {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let start = 0; start + seqLength < stream.length; start += stride) {
    xs.push(stream.slice(start, start + seqLength));
    ys.push(stream.slice(start + 1, start + seqLength + 1));
  }
  if (xs.length === 0)
    throw new Error(`the melodies hold ${stream.length} tokens, too few for one window of ${seqLength} + 1`);
  return { xs, ys };
}

export async function trainMusicModel(options: MusicTrainOptions): Promise<MusicTrainResult> {
  const o = { ...MUSIC_TRAIN_DEFAULTS, ...stripUndefined(options) };
  if (!o.outDir) throw new Error('outDir is required');
  const started = performance.now();
  const info = await initBackend();
  let melodies: Melody[];
  let skipped: MusicTrainResult['skipped'] = [];
  if (o.midiDir) {
    const folder = readMidiFolder(o.midiDir, o.onSkip);
    melodies = folder.melodies;
    skipped = folder.skipped;
  } else {
    melodies = loadMelodyCorpus();
  }
  const augmented = o.transpose.flatMap((k) => melodies.map((m) => transposeMelody(m, k)));
  const tokenLists = augmented.map(melodyTokens);
  const vocab = Vocabulary.fromCorpus(tokenLists, { specials: [START_TOKEN] });
  const stream = tokenLists.flatMap((t) => vocab.encode(t, 'the training melodies'));
  const { xs, ys } = tokenWindows(stream, o.seqLength, o.stride);
  const config: MusicModelConfig = {
    vocabSize: vocab.size,
    embeddingDim: o.embeddingDim,
    units: o.units,
    seqLength: o.seqLength,
    dropout: o.dropout,
  };

  const model = buildMusicLstm(config, o.seed);
  const x = tf.tensor2d(xs, [xs.length, o.seqLength], 'int32'); // [m, T]
  const y = tf.tensor2d(ys, [ys.length, o.seqLength], 'int32'); // [m, T]
  try {
    const { history, files } = await runTraining({
      model,
      data: { x, y },
      outDir: o.outDir,
      trainer: {
        ...taskTrainerOptions(o),
        loss: 'sparseCategoricalCrossentropy', // ids [B, T] vs probabilities [B, T, V], every step counted
        metrics: ['accuracy'],
      },
      checkpoint: false,
      modelFiles: ({ history }) => {
        const last = history.epochs[history.epochs.length - 1];
        const meta: MusicModelMeta = {
          format: 'dlkit-music',
          version: 1,
          config,
          vocab: vocab.toJSON(),
          corpusPitchClasses: pitchClassDistribution(melodies.flatMap((m) => m.events)),
          tempo: median(melodies.map((m) => m.tempo)),
          melodies: melodies.map((m) => m.title),
          trainingTokens: melodies.map((m) => melodyTokens(m).slice(1).join(' ')),
          training: {
            epochs: history.epochs.length,
            loss: last.loss,
            accuracy: last.acc ?? Number.NaN,
            seed: o.seed,
            transpose: o.transpose,
            tokens: stream.length,
            windows: xs.length,
          },
        };
        return { [MUSIC_META_FILE]: JSON.stringify(meta, null, 2) + '\n' };
      },
      curves: { title: `Melody LSTM (${melodies.length} melodies, ${xs.length} windows)` },
    });
    const last = history.epochs[history.epochs.length - 1];
    return {
      task: 'music-train',
      model: path.resolve(files.model!),
      melodies: melodies.length,
      skipped,
      tokens: stream.length,
      windows: xs.length,
      vocabSize: vocab.size,
      epochs: history.epochs.length,
      loss: last.loss,
      accuracy: last.acc ?? Number.NaN,
      seconds: (performance.now() - started) / 1000,
      backend: info.backend,
      curves: files.curves!,
      history: files.history!,
    };
  } finally {
    tf.dispose([x, y]);
    disposeMusicModel(model);
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
