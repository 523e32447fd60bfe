/**
 * Extractive QA fine-tuning of a pretrained BERT (an MLM folder from pretrainMlm, or random
 * weights of the same size for comparison): start/end logits over [CLS] question [SEP] context
 * [SEP] windows (QaDataset: doc-stride windows, [CLS] labelled when the answer is outside), the
 * mean of the start and end cross-entropies, core's runTraining (checkpoint every epoch, exact
 * resume), then the best span over all windows of a question (bestAnswerSpan, ≤ maxAnswerTokens)
 * → SQuAD EM/F1 on held-out generated questions (test countries), beside the overlap baseline.
 * Products: `<outDir>/hf/` (question-answering, transformers.js), checkpoint/, history.json.
 *
 * @example
 * const r = await finetuneQa({ from: 'dlkit-out/mlm', outDir: 'out/qa', epochs: 1, trainCount: 300 });
 * r.exactMatch; // 0-100
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, runTraining, stripUndefined, taskTrainerOptions, type TrainTaskOptions } from '@dlkit/core';
import { generateQaExamples, QaExample } from '../qa-data/generate-qa';
import { overlapBaselinePredictions } from '../qa-data/overlap-baseline';
import { squadEvaluate, SquadScores } from '../qa-data/squad-metrics';
import { answerCharSpan, AnswerSpan, bestAnswerSpan } from './answer-span';
import { type BertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { bertForQuestionAnswering } from './bert-heads';
import { exportHuggingFace } from './export-hugging-face';
import { finetuneSchedule, type LrDecay } from './finetune-schedule';
import { maskedLmLoss } from './mlm-loss';
import { QaDataset } from './qa-dataset';
import { sentencePrior, SENTENCE_PRIOR_WEIGHT } from './sentence-prior';
import { disposeModels, loadBert } from './saved-bert';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';

export interface FinetuneQaOptions extends Omit<TrainTaskOptions, 'workers'> {
  /** The MLM output folder (pretrainMlm's outDir: `model/` for the weights, `hf/` for the tokenizer). */
  from: string;
  /** Start from random weights of the same architecture (the "does pretraining help" control). */
  randomInit?: boolean;
  /** With `randomInit`: sizes that differ from the MLM folder's model (e.g. `{ numLayers: 4 }`); the tokenizer stays. */
  randomInitConfig?: Partial<Omit<BertConfig, 'vocabSize'>>;
  /** Learning-rate schedule: constant (`none`) or cosine decay to 0 over the run, step by step (finetuneSchedule). */
  lrDecay?: LrDecay;
  /** Training examples (default: generated, `trainCount` of them). */
  data?: readonly QaExample[];
  trainCount?: number;
  /** Generated training questions only: probability that a passage states borrowed facts (generateQaExamples' mixFactsRate). */
  mixFactsRate?: number;
  /** Generated training questions only: probability that a passage's countries are renamed (generateQaExamples' renameRate). */
  renameRate?: number;
  /** Generated training questions only: probability that a distractor states an asked fact type (generateQaExamples' hardDistractorRate). */
  hardDistractorRate?: number;
  /** Weight of the sentence-overlap prior in decoding the held-out answers (sentencePrior); 0: the reader alone. */
  sentencePrior?: number;
  /** Held-out generated questions (countries not seen in training). */
  testCount?: number;
  /** Tokens per window, question and special tokens included. */
  maxLength?: number;
  /** Context tokens shared by consecutive windows. */
  docStride?: number;
  /** Longest answer considered, in tokens. */
  maxAnswerTokens?: number;
}

export const FINETUNE_QA_DEFAULTS = {
  trainCount: 16000,
  mixFactsRate: 1,
  renameRate: 0.5,
  hardDistractorRate: 0,
  sentencePrior: SENTENCE_PRIOR_WEIGHT,
  testCount: 500,
  maxLength: 128,
  docStride: 32,
  maxAnswerTokens: 30,
  epochs: 2,
  batchSize: 16,
  learningRate: 5e-4,
  lrDecay: 'none' as LrDecay,
  seed: 1,
  resume: false,
  progress: false,
};

export interface FinetuneQaResult extends SquadScores {
  task: 'qa';
  baselines: { overlap: SquadScores };
  /** The same held-out questions answered without the sentence prior (sentencePrior 0). */
  readerAlone: SquadScores;
  /** The Hugging Face folder (question-answering). */
  model: string;
  pretrained: boolean;
  trainExamples: number;
  trainWindows: number;
  seconds: number;
  epochs: number;
  resumedFromEpoch: number;
  losses: { epoch: number; loss: number }[];
}

/** The QA model's outputs as one [B, 2, T] tensor (start row, end row): the Trainer's single output. */
export function qaTrainingModel(qa: tf.LayersModel): tf.LayersModel {
  const column = (t: tf.SymbolicTensor, name: string) =>
    tf.layers.reshape({ targetShape: [-1, 1], name }).apply(t) as tf.SymbolicTensor;
  const [start, end] = qa.outputs;
  const both = tf.layers.concatenate({ axis: -1 }).apply([column(start, 'start_col'), column(end, 'end_col')]);
  const rows = tf.layers.permute({ dims: [2, 1] }).apply(both) as tf.SymbolicTensor; // [B, 2, T]
  return tf.model({ inputs: qa.inputs, outputs: rows, name: 'bert_qa_train' });
}

/** The best answer per example id over all of its windows. */
export function predictAnswers(
  qa: tf.LayersModel,
  examples: readonly QaExample[],
  data: QaDataset,
  maxAnswerTokens: number,
  sentencePriorWeight = 0,
  batchSize = 32,
): Record<string, string> {
  const best = new Map<number, AnswerSpan & { start: number; end: number }>();
  for (let from = 0; from < data.size; from += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, data.size - from) }, (_, k) => from + k);
    const x = data.inputs(indices);
    const [s, e] = tf.tidy(() => (qa.predict(x) as tf.Tensor[]).map((t) => t.arraySync() as number[][]));
    tf.dispose(x);
    indices.forEach((i, k) => {
      const w = data.windows[i];
      const { question, context } = examples[w.example];
      const span = bestAnswerSpan(s[k], e[k], w.encoding, {
        maxAnswerTokens,
        wholeWords: true,
        oneSentence: true,
        tokenPrior: sentencePrior(w.encoding, context, question, sentencePriorWeight),
        clsInSoftmax: true, // windows compare (answerInWindows' default)
      });
      const previous = best.get(w.example);
      if (!previous || span.score > previous.score)
        best.set(w.example, { ...span, ...answerCharSpan(w.encoding, span) });
    });
  }
  return Object.fromEntries(
    examples.map((ex, i) => {
      const b = best.get(i);
      return [ex.id, b ? ex.context.slice(b.start, b.end) : ''];
    }),
  );
}

export async function finetuneQa(options: FinetuneQaOptions): Promise<FinetuneQaResult> {
  const o = { ...FINETUNE_QA_DEFAULTS, ...stripUndefined(options), outDir: options.outDir, from: options.from };
  if (options.randomInitConfig && !o.randomInit) throw new Error('randomInitConfig needs randomInit: true');
  const started = Date.now();
  await initBackend();
  const tokenizer = WordPieceTokenizer.load(path.join(o.from, 'hf'));
  const { encoder: pretrained, mlm } = await loadBert(path.join(o.from, 'model'));
  const encoder = o.randomInit
    ? buildBertEncoder({ ...pretrained.config, ...options.randomInitConfig, seed: o.seed })
    : pretrained;
  const windows = { maxLength: o.maxLength, docStride: o.docStride };
  const train =
    options.data ??
    generateQaExamples({
      split: 'train',
      count: o.trainCount,
      seed: o.seed,
      mixFactsRate: o.mixFactsRate,
      renameRate: o.renameRate,
      hardDistractorRate: o.hardDistractorRate,
    });
  const test = generateQaExamples({ split: 'test', count: o.testCount, seed: o.seed });
  const data = new QaDataset(train, tokenizer, windows);
  const qa = bertForQuestionAnswering(encoder);
  const trainModel = qaTrainingModel(qa);
  const hfDir = path.join(o.outDir, 'hf');
  try {
    const run = await runTraining({
      model: trainModel,
      data,
      outDir: o.outDir,
      trainer: { ...taskTrainerOptions(o), loss: { fn: maskedLmLoss, kind: 'regression' } },
      ...finetuneSchedule(o.lrDecay, o.learningRate, o.epochs),
      evaluate: () => {
        const testData = new QaDataset(test, tokenizer, windows);
        const score = (prior: number) =>
          squadEvaluate(test, predictAnswers(qa, test, testData, o.maxAnswerTokens, prior));
        return { ...score(o.sentencePrior), readerAlone: score(0) };
      },
      modelDir: false,
      curves: { title: `BERT extractive QA fine-tuning (${data.size} windows)` },
      artifacts: async () => {
        await exportHuggingFace(qa, tokenizer, hfDir, { task: 'question-answering' });
        return { hf: hfDir };
      },
    });
    return {
      task: 'qa',
      ...run.evaluation,
      baselines: { overlap: squadEvaluate(test, overlapBaselinePredictions(test)) },
      model: hfDir,
      pretrained: !o.randomInit,
      trainExamples: train.length,
      trainWindows: data.size,
      seconds: (Date.now() - started) / 1000,
      epochs: run.history.length,
      resumedFromEpoch: run.resumedFromEpoch,
      losses: run.history.epochs.map((e) => ({ epoch: e.epoch, loss: e.loss })),
    };
  } finally {
    disposeModels([trainModel, qa, mlm, encoder.model, pretrained.model]);
  }
}
