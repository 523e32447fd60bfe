import {
  isTranslatePreset,
  NUMBER_PRESET_DEFAULTS,
  SEQ2SEQ_DEFAULTS,
  TRAIN_TRANSLATION_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  TRANSLATE_PRESETS,
  TRANSLATOR_ARCHITECTURES,
  trainTranslation,
  type TranslatorArchitecture,
} from '@dlkit/sequence';
import type { Command } from 'commander';
import type { CliCommand, Run } from './types';
import { UsageError } from '../util/errors';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { Output } from '../util/output';
import { resolveOutDir } from '../util/out-dir';
import { requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import { trainWithInterrupt, translateText } from '../util/translator-cli';

const COMMAND = 'translate';
/** Generated pairs, for training and for the held-out score (numbers: at most half of 0..999,999 in all). */
const EXAMPLES: IntRange = { min: 1, max: 400_000 };
/** Beams: 1 is greedy; the decoder runs beams × inputs rows at once. */
const BEAMS: IntRange = { min: 1, max: 64 };
const PRESETS = Object.keys(TRANSLATE_PRESETS).join('|');
const ARCHS = Object.keys(TRANSLATOR_ARCHITECTURES);

interface TrainFlags extends TrainingFlags {
  pairs?: string;
  arch?: string;
  beam?: number;
  examples?: number;
  heldOut?: number;
}

interface TranslateFlags {
  model?: string;
  beam?: number;
  json?: boolean;
}

const beamOption = (help: string) =>
  ['--beam <n>', `${help}, ${describeInt(BEAMS)}`, intFlag('--beam', BEAMS)] as const;

/**
 * `dlkit translate "<text>"` and `dlkit translate train --pairs <preset|FILE.tsv>`: character-level
 * translation with the Bi-LSTM + attention seq2seq model (issue 12 §2): number phrases English ->
 * French/German/Spanish, dates, or any TSV. The training flow is `trainTranslation` in
 * @dlkit/sequence (`dlkit translate-date` is its dates preset); this file parses flags and prints.
 */
export const translateCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const command = program
      .command(COMMAND)
      .description(
        'translate a text with a trained character-level seq2seq translator (train one first with `dlkit translate train --pairs en-fr`)',
      )
      .argument('[text]', 'the text to translate, e.g. "four hundred twelve"')
      .option(
        '--model <dir>',
        `translator directory written by \`translate train\` (default ./dlkit-out/${COMMAND}/model)`,
        textFlag('--model'),
      )
      .option(...beamOption('beam search with this many beams (default 1: greedy)'))
      .option('--json', 'print one JSON object {"input","output","logProb","attention":[[...Tx] x Ty]} on stdout')
      .addHelpText(
        'after',
        `\nExamples:\n  dlkit ${COMMAND} train --pairs en-fr\n  dlkit ${COMMAND} "four hundred twelve"\n  dlkit ${COMMAND} train --pairs en-de --out out/en-de && dlkit ${COMMAND} --model out/en-de/model --beam 4 "nine hundred one thousand"`,
      )
      .action((text: string | undefined, flags: TranslateFlags) =>
        run(() =>
          translateText({
            command: COMMAND,
            text,
            exampleText: 'four hundred twelve',
            model: flags.model,
            beamWidth: flags.beam,
            out: new Output(flags),
          }),
        ),
      );
    registerTrain(command, run);
  },
};

function registerTrain(command: Command, run: Run): void {
  const d = TRAIN_TRANSLATOR_DEFAULTS;
  const n = NUMBER_PRESET_DEFAULTS;
  const trainCmd = command
    .command('train')
    .description(
      'train a translator on a preset (number phrases written out by n2words, English -> French/German/Spanish; human-written dates -> YYYY-MM-DD) or on your TSV of source<TAB>target pairs; scores exact match and character error rate on held-out pairs, greedy and beam search',
    )
    .option(
      '--pairs <preset|file.tsv>',
      `${PRESETS}, or a TSV file (one source<TAB>target a line, bad rows reported and skipped, 10% of distinct sources held out) (default en-fr)`,
      textFlag('--pairs'),
    )
    .option(
      '--arch <name>',
      `model: ${ARCHS.join('|')} (default ${TRAIN_TRANSLATION_DEFAULTS.arch}; transformer: d_model 64, 2 + 2 layers, 4 heads)`,
      textFlag('--arch'),
    )
    .option(
      ...beamOption(
        `beams of the second held-out evaluation (default ${TRAIN_TRANSLATION_DEFAULTS.beamWidth}; 1: greedy only)`,
      ),
    )
    .option(
      '--examples <n>',
      `generated training pairs, ${describeInt(EXAMPLES)} (default ${n.examples} numbers, ${TRANSLATE_PRESETS.dates.defaults.examples} dates; presets only)`,
      intFlag('--examples', EXAMPLES),
    )
    .option(
      '--held-out <n>',
      `generated held-out pairs, ${describeInt(EXAMPLES)} (default ${n.heldOut}; presets only)`,
      intFlag('--held-out', EXAMPLES),
    );
  addTrainingOptions(
    trainCmd,
    { epochs: undefined, batchSize: undefined, learningRate: d.learningRate, seed: d.seed },
    {
      out: COMMAND,
      outNote: 'the translator goes to <out>/model, the attention plot to <out>/attention.png',
      seeds: 'the data, the split, the initial weights and the shuffling',
      learningRate: `Adam learning rate, ×${d.learningRateDecay} per epoch`,
      resume: true,
    },
  )
    .addHelpText(
      'after',
      `\nDefaults: numbers ${n.epochs} epochs of batch ${n.batchSize}; dates ${d.epochs} epochs of batch ${d.batchSize}.` +
        `\nModel: Bi-LSTM n_a=${SEQ2SEQ_DEFAULTS.nA}, attention MLP ${SEQ2SEQ_DEFAULTS.attentionUnits} units, LSTM decoder n_s=${SEQ2SEQ_DEFAULTS.nS} fed the context and the previous character (dates: the context only, as in the course).`,
    )
    .action((_flags: TrainFlags, cmd: Command) => run(() => train(cmd.optsWithGlobals() as TrainFlags)));
}

async function train(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  const pairs = flags.pairs ?? 'en-fr';
  const arch = (flags.arch ?? TRAIN_TRANSLATION_DEFAULTS.arch) as TranslatorArchitecture;
  if (!ARCHS.includes(arch)) throw new UsageError(`--arch must be one of ${ARCHS.join(', ')}, got "${arch}"`);
  if (TRANSLATOR_ARCHITECTURES[arch] === null)
    throw new UsageError(`--arch ${arch} is not available yet; use --arch ${TRAIN_TRANSLATION_DEFAULTS.arch}`);
  if (!isTranslatePreset(pairs)) {
    if (flags.examples !== undefined || flags.heldOut !== undefined)
      throw new UsageError(
        '--examples and --held-out apply to the generated presets; with a TSV the data is your file',
      );
    requireFile('--pairs', pairs, `${PRESETS} or a TSV of source<TAB>target lines`);
  }
  const outDir = resolveOutDir(flags.out, COMMAND);
  const { r, backend } = await trainWithInterrupt(COMMAND, outDir, flags, out, (common) =>
    trainTranslation({
      ...common,
      pairs,
      arch,
      outDir,
      beamWidth: flags.beam,
      examples: flags.examples,
      heldOut: flags.heldOut,
    }),
  );
  const json = {
    task: 'translate',
    exactMatch: round(r.exactMatch, 4),
    cer: round(r.cer, 4),
    model: r.model,
    onnx: r.onnx,
    pairs: r.pairs,
    arch: r.arch,
    ...(r.beam
      ? { beam: { width: r.beam.width, exactMatch: round(r.beam.exactMatch, 4), cer: round(r.beam.cer, 4) } }
      : {}),
    attention: r.attention,
    trainPairs: r.trainPairs,
    heldOut: r.heldOut,
    evaluatedOn: r.evaluatedOnHeldOut ? 'held-out pairs' : 'training pairs (too few pairs to hold any out)',
    ...(r.skipped ? { skipped: r.skipped.length, skippedRows: r.skipped.slice(0, 20) } : {}),
    parameters: r.parameters,
    example: r.example,
    errors: r.errors.slice(0, 5),
    epochs: r.history.epochs.length,
    finalLoss: round(r.history.epochs[r.history.epochs.length - 1]?.loss ?? NaN, 4),
    seconds: round(r.seconds, 1),
    resumedFromEpoch: r.resumedFromEpoch,
    backend,
  };
  const beam = r.beam
    ? `; beam ${r.beam.width}: ${(r.beam.exactMatch * 100).toFixed(2)}%, CER ${r.beam.cer.toFixed(4)}`
    : '';
  out.result(
    json,
    [
      `exact match ${(r.exactMatch * 100).toFixed(2)}%, CER ${r.cer.toFixed(4)} on ${r.heldOut} held-out pairs (greedy${beam}), ${r.seconds.toFixed(0)} s${r.resumedFromEpoch > 0 ? `, resumed after epoch ${r.resumedFromEpoch}` : ''}`,
      `"${r.example.input}" -> ${r.example.output}`,
      `model: ${r.model} (${r.parameters} parameters), ONNX: ${r.onnx}`,
      `attention: ${r.attention}`,
    ].join('\n'),
  );
}
