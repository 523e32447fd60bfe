import {
  isTranslatePreset,
  NUMBER_PRESET_DEFAULTS,
  SEQ2SEQ_DEFAULTS,
  TRAIN_TRANSLATION_DEFAULTS,
  TRAIN_TRANSFORMER_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  TRANSFORMER_TRANSLATOR_DEFAULTS,
  TRANSLATE_PRESETS,
  TRANSLATOR_ARCHITECTURES,
  trainTranslation,
  type TranslatorArchitecture,
} from '@dlkit/sequence';
import type { Command } from 'commander';
import type { CliCommand, Run } from './types';
import { UsageError } from '../util/errors';
import {
  choiceFlag,
  describeInt,
  describeNumber,
  intFlag,
  numberFlag,
  textFlag,
  type IntRange,
  type NumberRange,
} from '../util/flags';
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
/** Transformer sizes: layers (encoder and decoder each), d_model, heads, FFN width, warmup steps. */
const LAYERS: IntRange = { min: 1, max: 12 };
const D_MODEL: IntRange = { min: 4, max: 1024 };
const HEADS: IntRange = { min: 1, max: 32 };
const DFF: IntRange = { min: 1, max: 8192 };
const WARMUP: IntRange = { min: 0, max: 1_000_000 };
const RATE: NumberRange = { min: 0, max: 1, maxExclusive: true };
const TOKENS = ['pieces', 'chars'] as const;
/** The transformer-only flags (an error with --arch lstm). */
const TRANSFORMER_FLAGS = {
  layers: '--layers',
  dModel: '--d-model',
  heads: '--heads',
  dff: '--dff',
  dropout: '--dropout',
  warmup: '--warmup',
  labelSmoothing: '--label-smoothing',
  tokens: '--tokens',
} as const;
const ARCHS = Object.keys(TRANSLATOR_ARCHITECTURES);

interface TrainFlags extends TrainingFlags {
  pairs?: string;
  arch?: string;
  beam?: number;
  examples?: number;
  heldOut?: number;
  layers?: number;
  dModel?: number;
  heads?: number;
  dff?: number;
  dropout?: number;
  warmup?: number;
  labelSmoothing?: number;
  tokens?: (typeof TOKENS)[number];
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
  const t = TRANSFORMER_TRANSLATOR_DEFAULTS;
  const tt = TRAIN_TRANSFORMER_DEFAULTS;
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
      `model: ${ARCHS.join('|')} (default ${TRAIN_TRANSLATION_DEFAULTS.arch})`,
      textFlag('--arch'),
    )
    .option(
      '--layers <n>',
      `transformer: encoder and decoder layers (each), ${describeInt(LAYERS)} (default ${t.layers})`,
      intFlag('--layers', LAYERS),
    )
    .option(
      '--d-model <n>',
      `transformer: model width, ${describeInt(D_MODEL)}, divisible by --heads (default ${t.dModel})`,
      intFlag('--d-model', D_MODEL),
    )
    .option(
      '--heads <n>',
      `transformer: attention heads, ${describeInt(HEADS)} (default ${t.numHeads})`,
      intFlag('--heads', HEADS),
    )
    .option(
      '--dff <n>',
      `transformer: feed-forward width, ${describeInt(DFF)} (default ${t.dff})`,
      intFlag('--dff', DFF),
    )
    .option(
      '--dropout <p>',
      `transformer: dropout, ${describeNumber(RATE)} (default ${t.dropout})`,
      numberFlag('--dropout', RATE),
    )
    .option(
      '--warmup <steps>',
      `transformer: linear warmup steps to --learning-rate, then × sqrt(warmup/step); 0: constant, ${describeInt(WARMUP)} (default ${tt.warmupSteps})`,
      intFlag('--warmup', WARMUP),
    )
    .option(
      '--label-smoothing <e>',
      `transformer: label smoothing ε, ${describeNumber(RATE)} (default ${tt.labelSmoothing})`,
      numberFlag('--label-smoothing', RATE),
    )
    .option(
      '--tokens <kind>',
      `transformer: ${TOKENS.join('|')}: sub-word pieces learned on the training pairs (at most ${tt.maxPieces} per side), or characters (default ${tt.tokens})`,
      choiceFlag('--tokens', TOKENS),
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
      `\nDefaults (lstm): numbers ${n.epochs} epochs of batch ${n.batchSize}; dates ${d.epochs} epochs of batch ${d.batchSize}; Adam ${d.learningRate} ×${d.learningRateDecay} per epoch.` +
        `\nModel (lstm): Bi-LSTM n_a=${SEQ2SEQ_DEFAULTS.nA}, attention MLP ${SEQ2SEQ_DEFAULTS.attentionUnits} units, LSTM decoder n_s=${SEQ2SEQ_DEFAULTS.nS} fed the context and the previous character (dates: the context only, as in the course).` +
        `\nDefaults (transformer): ${tt.epochs} epochs of batch ${tt.batchSize}, Adam peaking at ${tt.learningRate} after ${tt.warmupSteps} warmup steps, label smoothing ${tt.labelSmoothing}, ${tt.tokens}; d_model ${t.dModel}, ${t.layers} + ${t.layers} layers, ${t.numHeads} heads, FFN ${t.dff}.`,
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
  const given = Object.entries(TRANSFORMER_FLAGS).filter(([k]) => flags[k as keyof TrainFlags] !== undefined);
  if (arch !== 'transformer' && given.length > 0)
    throw new UsageError(`${given.map(([, f]) => f).join(', ')} apply to --arch transformer only`);
  if (flags.dModel !== undefined && flags.dModel % (flags.heads ?? TRANSFORMER_TRANSLATOR_DEFAULTS.numHeads) !== 0)
    throw new UsageError(
      `--d-model ${flags.dModel} must be divisible by the number of heads (${flags.heads ?? TRANSFORMER_TRANSLATOR_DEFAULTS.numHeads})`,
    );
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
      layers: flags.layers,
      dModel: flags.dModel,
      numHeads: flags.heads,
      dff: flags.dff,
      dropout: flags.dropout,
      warmupSteps: flags.warmup,
      labelSmoothing: flags.labelSmoothing,
      tokens: flags.tokens,
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
