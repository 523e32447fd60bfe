/**
 * What `dlkit translate "<text>"` and `dlkit translate-date "<text>"` share: load a saved translator
 * (a missing one is found before loading, with the command that makes one), translate one text
 * greedily or with beam search, and turn inputs the model cannot read into usage errors.
 *
 * @example
 * await translateText({ command: 'translate', text: 'four hundred twelve', model: 'out/en-fr/model', beamWidth: 4, out });
 */
import * as path from 'path';
import {
  SequenceTooLongError,
  loadTranslator,
  TooFewPairsError,
  TRANSLATOR_JSON,
  UnknownTokenError,
  translatorDir,
  type TrainTranslatorOptions,
} from '@dlkit/sequence';
import { initBackend } from '@dlkit/core';
import { UsageError } from './errors';
import { interruptMessage, onInterrupt } from './interrupt';
import { defaultOutDir } from './out-dir';
import type { Output } from './output';
import { requireDir, requireFile } from './paths';
import { round } from './round';
import type { TrainingFlags } from './training-options';

/** The training options both commands pass on from the shared flags and the output. */
export type CommonTrainOptions = Pick<
  TrainTranslatorOptions,
  'epochs' | 'batchSize' | 'learningRate' | 'seed' | 'resume' | 'progress' | 'onEpochEnd'
> & { log: (line: string) => void };

/**
 * Runs a translator training with Ctrl-C handling (the checkpoint in outDir resumes it) and the
 * shared flags; a TSV with too few usable pairs (found before training) says how many are needed.
 */
export async function trainWithInterrupt<R>(
  command: string,
  outDir: string,
  flags: TrainingFlags,
  out: Output,
  train: (common: CommonTrainOptions) => Promise<R>,
): Promise<{ r: R; backend: string }> {
  const backend = (await initBackend()).backend;
  const release = onInterrupt(() => interruptMessage({ command: `dlkit ${command} train`, outDir, resumable: true }));
  try {
    const r = await train({
      epochs: flags.epochs,
      batchSize: flags.batchSize,
      learningRate: flags.learningRate,
      seed: flags.seed,
      resume: flags.resume,
      progress: out.showProgress,
      onEpochEnd: out.epochLogger(),
      log: (line) => out.log(line),
    });
    return { r, backend };
  } catch (err) {
    // Too little usable data in --pairs (found before training, by reading the file): say how much is needed.
    if (err instanceof TooFewPairsError) throw new Error(`--pairs ${err.message}`);
    throw err;
  } finally {
    release();
  }
}

export interface TranslateTextOptions {
  /** The command name (`translate`, `translate-date`): messages say `dlkit <command> train`. */
  command: string;
  text: string | undefined;
  /** An example input for the "give the text" message. */
  exampleText: string;
  /** --model, or undefined for ./dlkit-out/<command>/model. */
  model?: string;
  beamWidth?: number;
  out: Output;
}

/** Translates `text` and prints the output (human) or {input, output, attention, ...} (JSON). */
export async function translateText(o: TranslateTextOptions): Promise<void> {
  const { command, text, out } = o;
  if (text === undefined || text.trim() === '') {
    throw new UsageError(
      `give the text to translate, e.g. dlkit ${command} "${o.exampleText}" (or train first: dlkit ${command} train)`,
    );
  }
  const dir = path.resolve(o.model ?? translatorDir(defaultOutDir(command)));
  requireDir(o.model ? '--model' : undefined, dir, `a translator written by \`dlkit ${command} train\``);
  // A missing translator is found before loading: say how to make one.
  requireFile(
    undefined,
    path.join(dir, TRANSLATOR_JSON),
    `a trained translator: run \`dlkit ${command} train\`${o.model ? ' --out <dir> and pass --model <dir>/model' : ''} first`,
  );
  await initBackend();
  const translator = await loadTranslator(dir);
  try {
    let t;
    try {
      t = translator.translate(text, { beamWidth: o.beamWidth });
    } catch (err) {
      // An input the model cannot read is a usage problem: name the character (or the length).
      if (err instanceof UnknownTokenError)
        throw new UsageError(`${err.message}; the model knows only the characters it was trained on`);
      if (err instanceof SequenceTooLongError) throw new UsageError(err.message);
      throw err;
    }
    out.result(
      {
        input: t.input,
        output: t.output,
        ...(o.beamWidth !== undefined ? { beamWidth: o.beamWidth } : {}),
        logProb: round(t.logProb, 4),
        attention: t.attention.map((row) => row.map((v) => round(v, 4))),
      },
      t.output,
    );
  } finally {
    translator.dispose();
  }
}
