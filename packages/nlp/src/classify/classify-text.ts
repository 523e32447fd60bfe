/**
 * The `dlkit classify-text train` task, shared with the spam benchmark: a labelled data set (the
 * shipped Emojify set, the SpamAssassin corpus, or a `.csv`/`.tsv` file) → a seeded stratified
 * train/test split (20 % test) → word vectors → an average (fastText-style) or LSTM classifier →
 * test accuracy, per-class precision/recall/F1, and multinomial naive Bayes on the same split.
 *
 * Vectors: `vectors` when given; else for Emojify the report's skip-gram vectors (train sentences
 * plus 60,000 WordNet gloss lines), for other data skip-gram on the training split's own text
 * (WordNet-trained vectors miss most e-mail words), fine-tuned end to end.
 *
 * @example
 * const r = await classifyText({ data: 'spam', model: 'average' });
 * r.evaluation.accuracy; r.perClass.spam.f1; r.baselines.naiveBayes.accuracy;
 * await saveTextClassifier(r.classifier, 'out/spam');
 * r.classifier.dispose();
 */
import { trainSkipgram } from '../embeddings/train-skipgram';
import type { WordVectors } from '../embeddings/word-vectors';
import { AverageClassifier } from './average-classifier';
import { classMetrics, type ClassifierEvaluation, type ClassMetrics } from './classification-metrics';
import { EMOJIFY_REPORT_DEFAULTS, emojifyVectors, type AverageSetting, type LstmSetting } from './emojify-report';
import { readLabeledFile } from './labeled-csv';
import { EMOJIFY_LABELS, loadEmojify, sentenceWords, splitStratified, type LabeledText } from './labeled-text';
import { LstmClassifier } from './lstm-classifier';
import { MultinomialNaiveBayes } from './naive-bayes';
import { loadSpamAssassin, SPAM_LABELS } from './spam-assassin';
import type { FitTextOptions } from './softmax-classifier';
import type { TextClassifier, TextClassifierKind } from './text-classifier';

/** The built-in data sets of `--data` (anything else is a file). */
export const TEXT_DATASETS = ['emojify', 'spam'] as const;

/** Skip-gram settings for vectors trained on the training split's own text. */
export interface OwnVectorsSettings {
  dim: number;
  minCount: number;
  epochs: number;
}

/** Settings per data set: where vectors come from and each model's options. */
export interface ClassifyTextSettings {
  vectors: 'emojify' | OwnVectorsSettings;
  average: AverageSetting;
  lstm: LstmSetting;
}

export const CLASSIFY_TEXT_SETTINGS = {
  // chosen on Emojify's validation split (bench/emojify-report.js)
  emojify: {
    vectors: 'emojify',
    average: { epochs: 100, learningRate: 0.05 },
    lstm: { epochs: 60, learningRate: 0.005, units: 32, trainEmbedding: true },
  },
  // spam and files: fastText-like, vectors trained on the training text and fine-tuned
  other: {
    vectors: { dim: 64, minCount: 2, epochs: 5 },
    average: { epochs: 8, learningRate: 0.01, batchSize: 32, trainEmbedding: true },
    lstm: { epochs: 5, learningRate: 0.005, units: 32, maxLength: 100, trainEmbedding: true },
  },
} satisfies Record<string, ClassifyTextSettings>;

export interface ClassifyTextOptions extends Omit<FitTextOptions, 'seed'> {
  /** 'emojify', 'spam', or a .csv (text,label header) / .tsv (sentence<TAB>label) file. */
  data?: string;
  model?: TextClassifierKind;
  /** Word vectors to start from (default: see the file comment). */
  vectors?: WordVectors;
  /** Seeds the split, the vectors, the initialisation and the shuffling. */
  seed?: number;
  testFraction?: number;
  /** Progress lines ("training vectors ..."). */
  onLog?: (message: string) => void;
}

export const CLASSIFY_TEXT_DEFAULTS = {
  data: 'emojify',
  model: 'average',
  seed: 1,
  testFraction: 0.2,
} satisfies ClassifyTextOptions;

export interface ScoredEvaluation extends ClassifierEvaluation {
  perClass: Record<string, ClassMetrics>;
}

export interface ClassifyTextResult {
  /** The trained classifier (the caller disposes it). */
  classifier: TextClassifier;
  /** Test-split accuracy, confusion matrix and per-class scores. */
  evaluation: ScoredEvaluation;
  baselines: { naiveBayes: ScoredEvaluation };
  trainSize: number;
  testSize: number;
  /** The model and fit options used. */
  setting: AverageSetting | LstmSetting;
}

/** Rows and labels of `data` ('emojify', 'spam' or a file; a file's labels in first-seen order). */
export async function loadTextData(data: string): Promise<{ rows: LabeledText[]; labels: string[] }> {
  if (data === 'emojify') return { rows: loadEmojify(), labels: [...EMOJIFY_LABELS] };
  if (data === 'spam') return { rows: await loadSpamAssassin(), labels: [...SPAM_LABELS] };
  const rows = readLabeledFile(data);
  const labels = [...new Set(rows.map((r) => r.label))];
  if (labels.length < 2)
    throw new Error(`${data}: need at least 2 labels, found ${labels.length} (${labels.join(' ')})`);
  return { rows, labels };
}

/** Skip-gram vectors on the rows' own text (one thread when small, so deterministic). */
export async function ownVectors(
  rows: readonly LabeledText[],
  s: OwnVectorsSettings,
  seed: number,
): Promise<WordVectors> {
  const sentences = rows.map((r) => sentenceWords(r.text)).filter((w) => w.length > 0);
  const { vectors } = await trainSkipgram(sentences, { ...s, threads: 1, seed });
  return vectors;
}

/** Adds per-class precision, recall and F1 to an evaluation. */
export function scored(e: ClassifierEvaluation): ScoredEvaluation {
  return { ...e, perClass: classMetrics(e.confusion, e.labels) };
}

export async function classifyText(options: ClassifyTextOptions = {}): Promise<ClassifyTextResult> {
  const given: ClassifyTextOptions = Object.fromEntries(Object.entries(options).filter(([, x]) => x !== undefined)); // undefined = default
  const { data, model, seed, testFraction, vectors, onLog, ...fit } = { ...CLASSIFY_TEXT_DEFAULTS, ...given };
  const { rows, labels } = await loadTextData(data);
  const { train, test } = splitStratified(rows, { testFraction, seed });
  if (train.length === 0 || test.length === 0)
    throw new Error(`${data}: ${rows.length} rows are too few for a train/test split`);
  const settings: ClassifyTextSettings =
    data === 'emojify' ? CLASSIFY_TEXT_SETTINGS.emojify : CLASSIFY_TEXT_SETTINGS.other;
  onLog?.(`${data}: ${train.length} training and ${test.length} test rows, labels ${labels.join(' ')}`);
  let v = vectors;
  if (!v) {
    onLog?.('training skip-gram vectors on the training split ...');
    const trainTexts = train.map((r) => r.text);
    v = await (
      settings.vectors === 'emojify'
        ? emojifyVectors(trainTexts, EMOJIFY_REPORT_DEFAULTS.wordnetLines, seed)
        : ownVectors(train, settings.vectors, seed)
    ).catch((err: Error) => {
      throw new Error(`${data}: ${err.message}`); // e.g. too few repeated words for a vocabulary
    });
  }
  const setting = { ...settings[model as TextClassifierKind], ...fit };
  const classifier =
    model === 'average'
      ? new AverageClassifier(v, labels, { seed, ...setting })
      : new LstmClassifier(v, labels, { seed, ...setting });
  try {
    onLog?.(`training the ${model} classifier (${v.size} words, dim ${v.dim}) ...`);
    await classifier.fit(train, { seed, ...setting });
    const naiveBayes = new MultinomialNaiveBayes(labels).fit(train).evaluate(test);
    return {
      classifier,
      evaluation: scored(classifier.evaluate(test)),
      baselines: { naiveBayes: scored(naiveBayes) },
      trainSize: train.length,
      testSize: test.length,
      setting,
    };
  } catch (err) {
    classifier.dispose();
    throw err;
  }
}
