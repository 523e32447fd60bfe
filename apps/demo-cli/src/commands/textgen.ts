import * as path from 'path';
import {
  TEXT_CORPUS_DEFAULTS,
  NAMES_CHAR_LM,
  NGRAM_SMOOTHING_K,
  SAMPLE_CHAR_LM_DEFAULTS,
  TRAIN_CHAR_LM_DEFAULTS,
  loadCharLm,
  sampleCharLm,
  trainCharLm,
  UnknownTokenError,
  type TextCorpusMode,
} from '@dlkit/sequence';
import { initBackend } from '@dlkit/core';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import {
  choiceFlag,
  describeInt,
  describeNumber,
  intFlag,
  numberFlag,
  seedFlag,
  textFlag,
  type IntRange,
  type NumberRange,
} from '../util/flags';
import { defaultOutDir, resolveOutDir } from '../util/out-dir';
import { requireDir, requireFile } from '../util/paths';
import { Output } from '../util/output';
import { round } from '../util/round';
import { interruptMessage, onInterrupt } from '../util/interrupt';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const UNITS: IntRange = { min: 1, max: 4096 };
const CHUNK_LENGTH: IntRange = { min: 1, max: 10_000 };
const MAX_ITEMS: IntRange = { min: 1, max: 10_000_000 };
/** Samples per call: all advance together as one batch, so the count is bounded (memory). */
const SAMPLES: IntRange = { min: 1, max: 10_000 };
const MAX_LENGTH: IntRange = { min: 1, max: 10_000 };
const TEMPERATURE: NumberRange = { min: 0, max: 100 };
const TOP_K: IntRange = { min: 1, max: 100_000 };

interface TrainFlags extends TrainingFlags {
  corpus?: string;
  units?: number;
  cell?: string;
  mode?: string;
  chunkLength?: number;
  lowercase?: boolean;
  maxItems?: number;
}

interface SampleFlags {
  model?: string;
  n?: number;
  temperature?: number;
  topK?: number;
  prefix?: string;
  maxLength?: number;
  seed?: number;
  json?: boolean;
}

/** `dlkit textgen train|sample`: the character-level language model ("Dinosaur Island"). */
export const textgenCommand: CliCommand = {
  name: 'textgen',
  register(program, run) {
    const textgen = program
      .command('textgen')
      .description(
        'character-level language model ("Dinosaur Island"): train on names or any text, then sample new items',
      );
    registerTrain(textgen, run);
    registerSample(textgen, run);
  },
};

function registerTrain(textgen: Command, run: Run): void {
  const d = TRAIN_CHAR_LM_DEFAULTS;
  const command = textgen
    .command('train')
    .description(
      'train an LSTM language model on characters and compare it with unigram/bigram baselines on the same validation split',
    )
    .option(
      '--corpus <names|file>',
      `'names' (8,422 real English first names, lowercased) or a text file (default ${d.corpus})`,
      textFlag('--corpus'),
    )
    .option(
      '--units <n>',
      `hidden units of the recurrent layer, ${describeInt(UNITS)} (default ${NAMES_CHAR_LM.units})`,
      intFlag('--units', UNITS),
    )
    .option(
      '--cell <lstm|gru>',
      `recurrent cell (default ${NAMES_CHAR_LM.cell})`,
      choiceFlag('--cell', ['lstm', 'gru'] as const),
    )
    .option(
      '--mode <auto|lines|chunks>',
      `how a FILE becomes items: one per line, or running text cut into chunks; auto = lines if no line is longer than ${TEXT_CORPUS_DEFAULTS.maxLineLength} characters (default ${TEXT_CORPUS_DEFAULTS.mode})`,
      choiceFlag('--mode', ['auto', 'lines', 'chunks'] as const),
    )
    .option(
      '--chunk-length <n>',
      `characters predicted per chunk of running text, ${describeInt(CHUNK_LENGTH)} (default ${TEXT_CORPUS_DEFAULTS.chunkLength})`,
      intFlag('--chunk-length', CHUNK_LENGTH),
    )
    .option('--lowercase', 'lowercase a FILE corpus first (names are always lowercased)')
    .option(
      '--max-items <n>',
      `use only the first N items of the corpus (quick runs), ${describeInt(MAX_ITEMS)}`,
      intFlag('--max-items', MAX_ITEMS),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'textgen',
      seeds: 'the split, the initial weights and the shuffling',
      learningRate: "Adam's starting learning rate, cosine-decayed to a tenth",
      batchSize: 'items per mini-batch',
      resume: true,
    },
  )
    .addHelpText(
      'after',
      `\nValidation: a seeded ${d.validationFraction * 100}% of the items. Baselines: unigram and bigram with add-k smoothing, k = ${NGRAM_SMOOTHING_K} (Laplace),` +
        `\nscored on the same predicted characters as the model (end-of-item markers included).` +
        `\nWrites <out>/model (model.json, weights.bin, textgen.json, training-items.json), <out>/checkpoint and <out>/history.json.`,
    )
    .action((flags: TrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        if (flags.corpus !== undefined && flags.corpus !== 'names')
          requireFile('--corpus', flags.corpus, "'names' or a text file");
        const outDir = resolveOutDir(flags.out, 'textgen');
        const release = onInterrupt(() =>
          interruptMessage({ command: 'dlkit textgen train', outDir, resumable: true }),
        );
        const r = await trainCharLm({
          outDir,
          corpus: flags.corpus,
          corpusOptions: {
            mode: flags.mode as TextCorpusMode | undefined,
            chunkLength: flags.chunkLength,
            lowercase: flags.lowercase,
          },
          maxItems: flags.maxItems,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          learningRate: flags.learningRate,
          seed: flags.seed,
          model: { units: flags.units, cell: flags.cell as 'lstm' | 'gru' | undefined },
          resume: flags.resume,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
        }).finally(release);
        const belowBigram = 1 - r.valPerplexity / r.bigramPerplexity;
        const json = {
          task: r.task,
          valPerplexity: round(r.valPerplexity),
          bigramPerplexity: round(r.bigramPerplexity),
          unigramPerplexity: round(r.unigramPerplexity),
          model: r.model,
          trainPerplexity: round(r.trainPerplexity),
          belowBigram: round(belowBigram),
          corpus: r.corpus,
          kind: r.kind,
          trainItems: r.trainItems,
          validationItems: r.validationItems,
          validationCharacters: r.validationCharacters,
          vocabSize: r.vocabSize,
          epochs: r.epochs,
          history: r.history,
          checkpoint: r.checkpoint,
          backend: r.backend,
          seconds: round(r.seconds, 1),
          resumedFromEpoch: r.resumedFromEpoch,
        };
        out.result(
          json,
          [
            `validation perplexity ${r.valPerplexity.toFixed(3)} per character (${(belowBigram * 100).toFixed(1)}% below the bigram's ${r.bigramPerplexity.toFixed(3)}; unigram ${r.unigramPerplexity.toFixed(3)})`,
            `${r.trainItems} training / ${r.validationItems} validation items (${r.validationCharacters} predicted characters), ${r.epochs} epochs, ${r.backend}, ${r.seconds.toFixed(0)} s${
              r.resumedFromEpoch > 0 ? `, resumed after epoch ${r.resumedFromEpoch}` : ''
            }`,
            `model: ${r.model}`,
            `try:   dlkit textgen sample --model ${r.model}`,
          ].join('\n'),
        );
      }),
    );
}

function registerSample(textgen: Command, run: Run): void {
  const d = SAMPLE_CHAR_LM_DEFAULTS;
  textgen
    .command('sample')
    .description('sample new items from a model trained by "dlkit textgen train"')
    .option(
      '--model <dir>',
      'model directory written by textgen train (<out>/model; default ./dlkit-out/textgen/model)',
      textFlag('--model'),
    )
    .option('--n <count>', `number of samples, ${describeInt(SAMPLES)} (default ${d.n})`, intFlag('--n', SAMPLES))
    .option(
      '--temperature <t>',
      `softmax temperature, ${describeNumber(TEMPERATURE)}: < 1 safer, > 1 wilder, 0 greedy (default ${d.temperature})`,
      numberFlag('--temperature', TEMPERATURE),
    )
    .option(
      '--top-k <k>',
      `draw only from the k most likely characters, ${describeInt(TOP_K)} (default: all)`,
      intFlag('--top-k', TOP_K),
    )
    .option('--prefix <text>', 'every sample starts with these characters (default: none)')
    .option(
      '--max-length <n>',
      `longest sample in characters, prefix included, ${describeInt(MAX_LENGTH)} and above the prefix length (default: twice the longest training item)`,
      intFlag('--max-length', MAX_LENGTH),
    )
    .option('--seed <n>', `sampling seed (default ${d.seed})`, seedFlag())
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', '\n"novel" is the fraction of samples that are not items of the training set.')
    .action((flags: SampleFlags) =>
      run(async () => {
        const out = new Output(flags);
        const prefixChars = [...(flags.prefix ?? '')].length;
        if (flags.maxLength !== undefined && flags.maxLength <= prefixChars) {
          throw new UsageError(
            `--max-length must be above the --prefix length (${prefixChars} characters), got ${flags.maxLength}`,
          );
        }
        const dir = requireDir(
          flags.model ? '--model' : undefined,
          flags.model ?? path.join(defaultOutDir('textgen'), 'model'),
          'a model directory written by `dlkit textgen train`',
        );
        await initBackend();
        const lm = await loadCharLm(dir);
        try {
          const { samples, novel } = sampleWithFlags(lm, {
            n: flags.n,
            temperature: flags.temperature,
            topK: flags.topK,
            prefix: flags.prefix,
            maxLength: flags.maxLength,
            seed: flags.seed,
          });
          out.result(
            { samples, novel: round(novel), model: dir },
            [
              ...samples,
              `novel: ${(novel * 100).toFixed(0)}% of ${samples.length} samples are not in the training set`,
            ].join('\n'),
          );
        } finally {
          lm.dispose();
        }
      }),
    );
}

/** sampleCharLm, with a prefix the model cannot read reported as a usage error naming --prefix. */
function sampleWithFlags(
  lm: Parameters<typeof sampleCharLm>[0],
  options: Parameters<typeof sampleCharLm>[1],
): ReturnType<typeof sampleCharLm> {
  try {
    return sampleCharLm(lm, options);
  } catch (err) {
    if (err instanceof UnknownTokenError) throw new UsageError(`--prefix: ${err.message}`);
    throw err;
  }
}
