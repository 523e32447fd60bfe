import * as fs from 'fs';
import * as path from 'path';
import {
  SEQ2SEQ_DEFAULTS,
  TRAIN_DATES_DEFAULTS,
  TRAIN_PAIRS_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  TRANSLATOR_JSON,
  PAIRS_TSV_DEFAULTS,
  Seq2seqTranslator,
  UnknownTokenError,
  describeSkipped,
  parsePairsTsv,
  renderAttentionPng,
  trainDateTranslator,
  trainPairsTranslator,
  type SkippedRow,
} from '@dlkit/sequence';
import { initBackend } from '@dlkit/core';
import type { Command } from 'commander';
import { nonNegativeInt, positiveInt, positiveNumber, UsageError } from '../util/errors';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';
import type { CliCommand } from './types';

type Run = (action: () => Promise<number | void>) => Promise<void>;

const COMMAND = 'translate-date';
/** The date shown in the attention picture after training on dates. */
export const DATE_EXAMPLE = 'Saturday May 9 2018';

interface TrainFlags {
  pairs?: string;
  examples?: number;
  heldOut?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  out?: string;
  seed?: number;
  json?: boolean;
}

interface TranslateFlags {
  model?: string;
  json?: boolean;
}

/** The translator directory inside an output directory. */
export function modelDir(outDir: string): string {
  return path.join(outDir, 'model');
}

/**
 * `dlkit translate-date "<date>"` and `dlkit translate-date train`: the seq2seq model with attention
 * of DLS course 5 week 3 ("Neural machine translation"), on human-written dates or any TSV of pairs.
 */
export const translateDateCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const command = program
      .command(COMMAND)
      .description('translate a human-written date to YYYY-MM-DD with a character-level seq2seq model with attention (train it first with `dlkit translate-date train`)')
      .argument('[text]', 'the date to translate, e.g. "Saturday May 9 2018" (or any source text for a model trained with --pairs)')
      .option('--model <dir>', `translator directory written by \`translate-date train\` (default ./dlkit-out/${COMMAND}/model)`)
      .option('--json', 'print one JSON object {"input","output","attention":[[...Tx] x Ty]} on stdout')
      .addHelpText('after', `\nExamples:\n  dlkit ${COMMAND} train\n  dlkit ${COMMAND} "Saturday May 9 2018"\n  dlkit ${COMMAND} train --pairs my-pairs.tsv --out out/mine && dlkit ${COMMAND} "source text" --model out/mine/model`)
      .action((text: string | undefined, flags: TranslateFlags) => run(() => translate(text, flags)));
    registerTrain(command, run);
  },
};

function registerTrain(command: Command, run: Run): void {
  const d = { ...TRAIN_TRANSLATOR_DEFAULTS, ...TRAIN_DATES_DEFAULTS };
  command
    .command('train')
    .description('train the Bi-LSTM encoder + additive attention + LSTM decoder on generated dates (14 formats, held-out dates never seen in training), or on your own TSV of source<TAB>target pairs')
    .option('--pairs <file.tsv>', `train on your pairs instead of dates: one source<TAB>target a line, characters as tokens; bad rows (no tab, an empty side, longer than ${PAIRS_TSV_DEFAULTS.maxSourceLength}/${PAIRS_TSV_DEFAULTS.maxTargetLength} characters) are reported with their line numbers and skipped; ${TRAIN_PAIRS_DEFAULTS.heldOutFraction * 100}% of the distinct sources are held out for the score`)
    .option('--examples <n>', `generated training dates (default ${d.examples}; dates only)`, positiveInt('--examples'))
    .option('--held-out <n>', `held-out dates for the exact-match score (default ${d.heldOut}; dates only)`, positiveInt('--held-out'))
    .option('--epochs <n>', `training epochs (default ${d.epochs})`, positiveInt('--epochs'))
    .option('--batch-size <n>', `mini-batch size (default ${d.batchSize})`, positiveInt('--batch-size'))
    .option('--learning-rate <lr>', `Adam learning rate (default ${d.learningRate})`, positiveNumber('--learning-rate'))
    .option('--out <dir>', `output directory: <out>/model (the translator) and <out>/attention.png (default ./dlkit-out/${COMMAND})`)
    .option('--seed <n>', `seed of the data, the split, the initial weights and the shuffling (default ${d.seed})`, nonNegativeInt('--seed'))
    .option('--json', 'print one JSON object on stdout (progress goes to stderr)')
    .addHelpText('after', `\nModel: Bi-LSTM n_a=${SEQ2SEQ_DEFAULTS.nA}, attention MLP ${SEQ2SEQ_DEFAULTS.attentionUnits} units, LSTM decoder n_s=${SEQ2SEQ_DEFAULTS.nS} (the course's sizes).`)
    .action((_flags: TrainFlags, cmd: Command) => run(() => train(cmd.optsWithGlobals() as TrainFlags)));
}

async function train(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  if (flags.pairs && (flags.examples !== undefined || flags.heldOut !== undefined)) {
    throw new UsageError('--examples and --held-out apply to generated dates; with --pairs the data is your file');
  }
  const outDir = resolveOutDir(flags.out, COMMAND);
  const backend = (await initBackend()).backend;
  const common = {
    epochs: flags.epochs,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    seed: flags.seed,
    progress: out.showProgress,
    onEpochEnd: out.epochLogger(),
  };
  let skipped: SkippedRow[] = [];
  let r: Awaited<ReturnType<typeof trainDateTranslator>> | Awaited<ReturnType<typeof trainPairsTranslator>>;
  let example: string;
  let summary: Record<string, unknown>;
  if (flags.pairs) {
    const file = flags.pairs;
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`--pairs ${file}: no such file (expected a TSV of source<TAB>target lines)`);
    const parsed = parsePairsTsv(fs.readFileSync(file, 'utf8'), { file });
    skipped = parsed.skipped;
    for (const line of describeSkipped(file, skipped)) out.log(line);
    out.log(`${file}: ${parsed.pairs.length} pairs${skipped.length ? `, ${skipped.length} bad rows skipped` : ''}`);
    const p = await trainPairsTranslator(parsed.pairs, common);
    r = p;
    example = (p.heldOut[0] ?? parsed.pairs[0]).source;
    summary = { task: 'pairs', pairs: parsed.pairs.length, trainPairs: p.trainPairs, heldOut: p.heldOut.length, evaluatedOn: p.evaluatedOnHeldOut ? 'held-out pairs' : 'training pairs (too few pairs to hold any out)' };
  } else {
    const dates = await trainDateTranslator({ ...common, examples: flags.examples, heldOut: flags.heldOut });
    r = dates;
    example = DATE_EXAMPLE;
    summary = { task: 'dates', examples: flags.examples ?? TRAIN_DATES_DEFAULTS.examples, heldOut: dates.heldOut.length };
  }
  const { translator } = r;
  try {
    const dir = modelDir(outDir);
    await translator.save(dir);
    const shown = translator.translate(example);
    const png = await renderAttentionPng(shown, path.join(outDir, 'attention.png'));
    const { task, ...data } = summary;
    const json = {
      task,
      exactMatch: round(r.exactMatch, 4),
      attention: png,
      model: dir,
      ...data,
      charAccuracy: round(r.charAccuracy, 4),
      example: { input: shown.input, output: shown.output },
      errors: r.errors.slice(0, 5),
      ...(flags.pairs ? { skipped: skipped.length, skippedRows: skipped.slice(0, 20) } : {}),
      epochs: r.history.epochs.length,
      finalLoss: round(r.history.epochs[r.history.epochs.length - 1]?.loss ?? NaN, 4),
      seconds: round(r.seconds, 1),
      backend,
    };
    out.result(
      json,
      [
        `exact match ${(r.exactMatch * 100).toFixed(2)}% on ${summary.heldOut} held-out ${flags.pairs ? 'pairs' : 'dates'} (characters ${(r.charAccuracy * 100).toFixed(2)}%), ${r.seconds.toFixed(0)} s`,
        `"${shown.input}" -> ${shown.output}`,
        `model: ${dir}`,
        `attention: ${png}`,
      ].join('\n'),
    );
  } finally {
    translator.dispose();
  }
}

async function translate(text: string | undefined, flags: TranslateFlags): Promise<void> {
  const out = new Output(flags);
  if (text === undefined) throw new UsageError(`give the text to translate, e.g. dlkit ${COMMAND} "Saturday May 9 2018" (or train first: dlkit ${COMMAND} train)`);
  const dir = path.resolve(flags.model ?? modelDir(resolveOutDir(undefined, COMMAND)));
  if (!fs.existsSync(path.join(dir, TRANSLATOR_JSON))) {
    throw new Error(`no trained translator in ${dir}: run \`dlkit ${COMMAND} train\`${flags.model ? ` --out <dir> and pass --model <dir>/model` : ''} first`);
  }
  await initBackend();
  const translator = await Seq2seqTranslator.load(dir);
  try {
    let t;
    try {
      t = translator.translate(text);
    } catch (err) {
      // An input the model cannot read is a usage problem: name the character (or the length).
      if (err instanceof UnknownTokenError) throw new UsageError(`${err.message}; the model knows only the characters it was trained on`);
      if (/reads at most/.test((err as Error).message)) throw new UsageError((err as Error).message);
      throw err;
    }
    out.result({ input: t.input, output: t.output, attention: t.attention.map((row) => row.map((v) => round(v, 4))) }, t.output);
  } finally {
    translator.dispose();
  }
}
