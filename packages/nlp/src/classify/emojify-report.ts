/**
 * The Emojify report: skip-gram vectors → V1 (average) and V2 (LSTM) on the shipped set's train
 * split, settings chosen on a validation split, accuracy on the held-out 20 %, confusion PNGs.
 *
 * Model selection never looks at the test split: a seeded, stratified 20 % of the training split
 * is held out for validation, each candidate setting (a handful per model) trains on the rest and
 * is scored there, the best (the first on ties) is retrained on the whole training split, and the
 * test split is scored once.
 *
 * Default vectors: skip-gram (dim 50, minCount 1, 10 epochs, one thread, so deterministic) on the
 * train sentences (labels unused) plus the first 60,000 WordNet gloss lines, where the course used
 * pretrained 50-d GloVe. Pass `vectors` to use others (e.g. `readVectors` of a file).
 *
 * @example
 * const report = await emojifyReport({ outDir: 'out/emojify' });
 * report.average.accuracy; report.lstm.accuracy; report.chosen.lstm; report.confusionPngs;
 */
import * as path from 'path';
import { wordnetCorpusLines } from '../embeddings/corpus';
import { trainSkipgram } from '../embeddings/train-skipgram';
import type { WordVectors } from '../embeddings/word-vectors';
import { AverageClassifier, type AverageClassifierOptions } from './average-classifier';
import type { ClassifierEvaluation } from './classification-metrics';
import { renderConfusionPng } from './confusion-png';
import { EMOJIFY_LABELS, loadEmojify, sentenceWords, splitStratified, type LabeledText } from './labeled-text';
import { LstmClassifier, type LstmClassifierOptions } from './lstm-classifier';
import type { FitTextOptions } from './softmax-classifier';
import type { TextClassifier } from './text-classifier';

/** Axis names for the PNG (the emoji have no glyph in the chart font). */
export const EMOJIFY_LABEL_NAMES: Record<string, string> = {
  '❤️': 'love',
  '⚾': 'sports',
  '😄': 'happy',
  '😞': 'sad',
  '🍴': 'food',
};

export type AverageSetting = FitTextOptions & AverageClassifierOptions;
export type LstmSetting = FitTextOptions & LstmClassifierOptions;

export interface EmojifyReportOptions {
  /** Folder for the confusion-matrix PNGs; none written when absent. */
  outDir?: string;
  /** Word vectors; default: skip-gram trained here (see the file comment). */
  vectors?: WordVectors;
  /** WordNet gloss lines added to the skip-gram corpus. */
  wordnetLines?: number;
  seed?: number;
  /** Share of the training split held out to choose settings. */
  validationFraction?: number;
  /** The settings tried for each model; the best on validation is reported on test. */
  candidates?: { average: AverageSetting[]; lstm: LstmSetting[] };
}

export const EMOJIFY_REPORT_DEFAULTS = {
  // not tuned: the largest WordNet slice that keeps skip-gram near half a minute on one thread
  wordnetLines: 60000,
  seed: 1,
  validationFraction: 0.2,
  candidates: {
    average: [
      { epochs: 100, learningRate: 0.05 },
      { epochs: 400, learningRate: 0.05 },
      { epochs: 400, learningRate: 0.01 },
    ],
    lstm: [
      { epochs: 30, learningRate: 0.01, units: 32, trainEmbedding: true },
      { epochs: 60, learningRate: 0.005, units: 32, trainEmbedding: true },
      { epochs: 60, learningRate: 0.005, units: 64, trainEmbedding: false },
    ],
  },
} satisfies EmojifyReportOptions;

export interface EmojifyReport {
  /** Test-split scores of the chosen settings. */
  average: ClassifierEvaluation;
  lstm: ClassifierEvaluation;
  /** The settings chosen on validation. */
  chosen: { average: AverageSetting; lstm: LstmSetting };
  /** Validation accuracy of each candidate, in candidate order. */
  validation: { average: number[]; lstm: number[] };
  trainSize: number;
  validationSize: number;
  testSize: number;
  vocabularySize: number;
  /** PNG paths by model, when outDir was given. */
  confusionPngs: { average?: string; lstm?: string };
}

/** Skip-gram vectors for Emojify: the train sentences plus `wordnetLines` WordNet gloss lines. */
export async function emojifyVectors(
  trainTexts: readonly string[],
  wordnetLines: number,
  seed: number,
): Promise<WordVectors> {
  const wordnet = wordnetCorpusLines()
    .slice(0, wordnetLines)
    .map(sentenceWords)
    .filter((s) => s.length > 0);
  const own = trainTexts.map(sentenceWords);
  // the small set repeated, so its words are seen about as often as common gloss words
  const corpus = [...wordnet, ...own, ...own, ...own, ...own, ...own];
  const { vectors } = await trainSkipgram(corpus, { dim: 50, minCount: 1, epochs: 10, threads: 1, seed });
  return vectors;
}

/** Trains a fresh classifier on `train` and scores it on `evalRows`, disposing it after. */
async function trainAndScore<S extends FitTextOptions>(
  build: (setting: S) => TextClassifier,
  setting: S,
  train: readonly LabeledText[],
  evalRows: readonly LabeledText[],
  seed: number,
): Promise<ClassifierEvaluation> {
  const clf = build(setting);
  try {
    await clf.fit(train, { seed, ...setting });
    return clf.evaluate(evalRows);
  } finally {
    clf.dispose();
  }
}

/** Scores every candidate on validation, then the best one (retrained on all of `train`) on test. */
async function selectAndTest<S extends FitTextOptions>(
  build: (setting: S) => TextClassifier,
  candidates: readonly S[],
  split: { fit: LabeledText[]; validation: LabeledText[]; train: LabeledText[]; test: LabeledText[] },
  seed: number,
): Promise<{ chosen: S; validation: number[]; test: ClassifierEvaluation }> {
  if (candidates.length === 0) throw new Error('no candidate settings to choose from');
  const validation: number[] = [];
  for (const c of candidates)
    validation.push((await trainAndScore(build, c, split.fit, split.validation, seed)).accuracy);
  const chosen = candidates[validation.indexOf(Math.max(...validation))];
  return { chosen, validation, test: await trainAndScore(build, chosen, split.train, split.test, seed) };
}

export async function emojifyReport(options: EmojifyReportOptions = {}): Promise<EmojifyReport> {
  const o = { ...EMOJIFY_REPORT_DEFAULTS, ...options };
  const { train, test } = splitStratified(loadEmojify(), { seed: o.seed });
  const inner = splitStratified(train, { testFraction: o.validationFraction, seed: o.seed + 1 });
  const split = { fit: inner.train, validation: inner.test, train, test };
  const vectors =
    o.vectors ??
    (await emojifyVectors(
      train.map((r) => r.text),
      o.wordnetLines,
      o.seed,
    ));
  const v1 = await selectAndTest(
    (s: AverageSetting) => new AverageClassifier(vectors, EMOJIFY_LABELS, { seed: o.seed, ...s }),
    o.candidates.average,
    split,
    o.seed,
  );
  const v2 = await selectAndTest(
    (s: LstmSetting) => new LstmClassifier(vectors, EMOJIFY_LABELS, { seed: o.seed, ...s }),
    o.candidates.lstm,
    split,
    o.seed,
  );
  const report: EmojifyReport = {
    average: v1.test,
    lstm: v2.test,
    chosen: { average: v1.chosen, lstm: v2.chosen },
    validation: { average: v1.validation, lstm: v2.validation },
    trainSize: train.length,
    validationSize: split.validation.length,
    testSize: test.length,
    vocabularySize: vectors.size,
    confusionPngs: {},
  };
  if (o.outDir) {
    const png = (e: ClassifierEvaluation, name: string, title: string) =>
      renderConfusionPng(e, path.join(o.outDir!, `confusion-${name}.png`), { title, labelNames: EMOJIFY_LABEL_NAMES });
    report.confusionPngs.average = await png(report.average, 'average', 'Emojify V1 (average)');
    report.confusionPngs.lstm = await png(report.lstm, 'lstm', 'Emojify V2 (LSTM)');
  }
  return report;
}
