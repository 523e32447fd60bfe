/**
 * What `dlkit ner train` and `dlkit qa train` share: `--data FILE`, `--from DIR` (an MLM folder
 * from `dlkit mlm train`, or the default pretraining run first, cached in ./dlkit-out/mlm),
 * `--compare-random`, the shared training options, and `--model DIR` checks for serving.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkBertFolder, LR_DECAYS, pretrainMlm, type BertTask, type LrDecay } from '@dlkit/nlp';
import type { Command } from 'commander';
import { UsageError } from './errors';
import { choiceFlag, textFlag } from './flags';
import { Output } from './output';
import { requireDir, requireFile } from './paths';
import { addTrainingOptions, trainingRunOptions, type TrainingDefaults, type TrainingFlags } from './training-options';

export interface FinetuneFlags extends TrainingFlags {
  data?: string;
  from?: string;
  compareRandom?: boolean;
  lrDecay?: LrDecay;
}

/** Adds --data, --from, --compare-random, --lr-decay and the training options to a `train` subcommand. */
export function addFinetuneOptions(
  command: Command,
  defaults: TrainingDefaults & { lrDecay: LrDecay },
  out: string,
  dataHelp: string,
): Command {
  command
    .option('--data <file>', dataHelp, textFlag('--data'))
    .option(
      '--from <dir>',
      'an MLM folder written by dlkit mlm train (its model/ and hf/); default: ./dlkit-out/mlm (ner: a cased run in ./dlkit-out/mlm-cased), pretrained first when missing',
      textFlag('--from'),
    )
    .option('--compare-random', 'also fine-tune from random weights and report how much pretraining helps')
    .option(
      '--lr-decay <cosine|none>',
      `learning-rate schedule: cosine decay to 0 over the run, step by step, or constant (default ${defaults.lrDecay})`,
      choiceFlag('--lr-decay', LR_DECAYS),
    );
  return addTrainingOptions(command, defaults, {
    out,
    seeds: 'the generated data, the head and the batch order',
    resume: true,
  });
}

/**
 * The MLM folder to start from: --from as given, else the default pretraining run, cached:
 * ./dlkit-out/mlm (uncased, `dlkit mlm train`'s default) or, with `cased` (NER: capitalisation is
 * the main cue for unseen names), ./dlkit-out/mlm-cased with `lowercase: false`.
 */
export async function mlmStart(flags: FinetuneFlags, out: Output, options: { cased?: boolean } = {}): Promise<string> {
  if (flags.from !== undefined) return requireMlmFolder('--from', flags.from);
  const dir = path.join('dlkit-out', options.cased ? 'mlm-cased' : 'mlm');
  if (fs.existsSync(path.join(dir, 'model', 'bert.json'))) return dir;
  out.log(`no --from: running the default MLM pretraining into ${dir} first (cached for later runs) ...`);
  await pretrainMlm({ outDir: dir, progress: out.showProgress, lowercase: !options.cased });
  return dir;
}

/** A flag's value that must be an MLM folder written by `dlkit mlm train` (its model/bert.json and hf/). */
export function requireMlmFolder(flag: string, value: string): string {
  const dir = requireDir(flag, value, 'an MLM folder from dlkit mlm train');
  if (!fs.existsSync(path.join(dir, 'model', 'bert.json')))
    throw new UsageError(`${flag} ${dir}: no model/bert.json (expected the --out folder of dlkit mlm train)`);
  return dir;
}

/** The options ner train and qa train pass to finetuneNer / finetuneQa from the shared flags. */
export function finetuneRunOptions(flags: FinetuneFlags, from: string, outDir: string, out: Output) {
  return {
    from,
    outDir,
    ...trainingRunOptions(flags, out),
    lrDecay: flags.lrDecay,
  };
}

/** --data as a readable file (the reader names malformed lines). */
export function dataFile(flags: FinetuneFlags, expected: string): string | undefined {
  return flags.data === undefined ? undefined : requireFile('--data', flags.data, expected);
}

/** --model checked for the task (a folder from another task is named). */
export function servingFolder(flag: string | undefined, fallback: string, task: BertTask): string {
  const model = requireDir('--model', flag ?? fallback, `a ${task} Hugging Face folder`);
  try {
    checkBertFolder(model, task);
  } catch (err) {
    throw new UsageError(`--model ${(err as Error).message}`);
  }
  return model;
}
