import {
  MIN_TRAINING_PAIRS,
  SEQ2SEQ_DEFAULTS,
  TRAIN_DATES_DEFAULTS,
  TRAIN_PAIRS_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  trainTranslateDate,
} from '@dlkit/sequence';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import { trainWithInterrupt, translateText } from '../util/translator-cli';
import type { CliCommand, Run } from './types';

const COMMAND = 'translate-date';
/** Generated dates, for training and for the held-out score (all held in memory, 10x the default at most). */
const DATES: IntRange = { min: 1, max: 100_000 };

interface TrainFlags extends TrainingFlags {
  pairs?: string;
  examples?: number;
  heldOut?: number;
}

interface TranslateFlags {
  model?: string;
  json?: boolean;
}

/**
 * `dlkit translate-date "<date>"` and `dlkit translate-date train`: the seq2seq model with attention
 * of DLS course 5 week 3 ("Neural machine translation"), on human-written dates or any TSV of pairs.
 * The training flow is `trainTranslateDate` in @dlkit/sequence; this file parses flags and prints.
 */
export const translateDateCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const command = program
      .command(COMMAND)
      .description(
        'translate a human-written date to YYYY-MM-DD with a character-level seq2seq model with attention (train it first with `dlkit translate-date train`)',
      )
      .argument(
        '[text]',
        'the date to translate, e.g. "Saturday May 9 2018" (or any source text for a model trained with --pairs)',
      )
      .option(
        '--model <dir>',
        `translator directory written by \`translate-date train\` (default ./dlkit-out/${COMMAND}/model)`,
        textFlag('--model'),
      )
      .option('--json', 'print one JSON object {"input","output","attention":[[...Tx] x Ty]} on stdout')
      .addHelpText(
        'after',
        `\nExamples:\n  dlkit ${COMMAND} train\n  dlkit ${COMMAND} "Saturday May 9 2018"\n  dlkit ${COMMAND} train --pairs my-pairs.tsv --out out/mine && dlkit ${COMMAND} "source text" --model out/mine/model`,
      )
      .action((text: string | undefined, flags: TranslateFlags) => run(() => translate(text, flags)));
    registerTrain(command, run);
  },
};

function registerTrain(command: Command, run: Run): void {
  const d = { ...TRAIN_TRANSLATOR_DEFAULTS, ...TRAIN_DATES_DEFAULTS };
  const trainCmd = command
    .command('train')
    .description(
      'train the Bi-LSTM encoder + additive attention + LSTM decoder on generated dates (14 formats, held-out dates never seen in training), or on your own TSV of source<TAB>target pairs',
    )
    .option(
      '--pairs <file.tsv>',
      `train on your pairs instead of dates: one source<TAB>target a line, characters as tokens; bad rows (no tab, an empty side) are reported with their line numbers and skipped; at least ${MIN_TRAINING_PAIRS} usable pairs; ${TRAIN_PAIRS_DEFAULTS.heldOutFraction * 100}% of the distinct sources are held out for the score`,
      textFlag('--pairs'),
    )
    .option(
      '--examples <n>',
      `generated training dates, ${describeInt(DATES)} (default ${d.examples}; dates only)`,
      intFlag('--examples', DATES),
    )
    .option(
      '--held-out <n>',
      `held-out dates for the exact-match score, ${describeInt(DATES)} (default ${d.heldOut}; dates only)`,
      intFlag('--held-out', DATES),
    );
  addTrainingOptions(
    trainCmd,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: COMMAND,
      outNote: 'the translator goes to <out>/model, the attention plot to <out>/attention.png',
      seeds: 'the data, the split, the initial weights and the shuffling',
      resume: true,
    },
  )
    .addHelpText(
      'after',
      `\nModel: Bi-LSTM n_a=${SEQ2SEQ_DEFAULTS.nA}, attention MLP ${SEQ2SEQ_DEFAULTS.attentionUnits} units, LSTM decoder n_s=${SEQ2SEQ_DEFAULTS.nS} (the course's sizes).`,
    )
    .action((_flags: TrainFlags, cmd: Command) => run(() => train(cmd.optsWithGlobals() as TrainFlags)));
}

async function train(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  if (flags.pairs && (flags.examples !== undefined || flags.heldOut !== undefined)) {
    throw new UsageError('--examples and --held-out apply to generated dates; with --pairs the data is your file');
  }
  if (flags.pairs) requireFile('--pairs', flags.pairs, 'a TSV of source<TAB>target lines');
  const outDir = resolveOutDir(flags.out, COMMAND);
  const { r, backend } = await trainWithInterrupt(COMMAND, outDir, flags, out, (common) =>
    trainTranslateDate({ ...common, outDir, pairsFile: flags.pairs, examples: flags.examples, heldOut: flags.heldOut }),
  );
  const data =
    r.task === 'pairs'
      ? { pairs: r.pairs, trainPairs: r.trainPairs, heldOut: r.heldOut, evaluatedOn: r.evaluatedOn }
      : { examples: r.examples, heldOut: r.heldOut };
  const json = {
    task: r.task,
    exactMatch: round(r.exactMatch, 4),
    attention: r.attention,
    model: r.model,
    ...data,
    cer: round(r.cer, 4),
    charAccuracy: round(r.charAccuracy, 4),
    example: r.example,
    errors: r.errors.slice(0, 5),
    ...(r.skipped ? { skipped: r.skipped.length, skippedRows: r.skipped.slice(0, 20) } : {}),
    epochs: r.history.epochs.length,
    finalLoss: round(r.history.epochs[r.history.epochs.length - 1]?.loss ?? NaN, 4),
    seconds: round(r.seconds, 1),
    resumedFromEpoch: r.resumedFromEpoch,
    backend,
  };
  out.result(
    json,
    [
      `exact match ${(r.exactMatch * 100).toFixed(2)}% on ${r.heldOut} held-out ${r.task === 'pairs' ? 'pairs' : 'dates'} (characters ${(r.charAccuracy * 100).toFixed(2)}%), ${r.seconds.toFixed(0)} s`,
      `"${r.example.input}" -> ${r.example.output}`,
      `model: ${r.model}`,
      `attention: ${r.attention}`,
    ].join('\n'),
  );
}

async function translate(text: string | undefined, flags: TranslateFlags): Promise<void> {
  await translateText({
    command: COMMAND,
    text,
    exampleText: 'Saturday May 9 2018',
    model: flags.model,
    out: new Output(flags),
  });
}
