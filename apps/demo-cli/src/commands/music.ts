import * as path from 'path';
import {
  MUSIC_GENERATE_DEFAULTS,
  MUSIC_TRAIN_DEFAULTS,
  runMusicGenerate,
  trainMusicModel,
  TUNES,
} from '@dlkit/sequence';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import {
  describeInt,
  describeNumber,
  intFlag,
  numberFlag,
  seedFlag,
  textFlag,
  type IntRange,
  type NumberRange,
} from '../util/flags';
import { interruptMessage, onInterrupt } from '../util/interrupt';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import { defaultOutDir, resolveOutDir } from '../util/out-dir';
import { prepareOutFile, requireDir } from '../util/paths';
import { Output } from '../util/output';
import { round } from '../util/round';
import type { CliCommand, Run } from './types';

const BARS: IntRange = { min: 1, max: 1000 };
const TEMPERATURE: NumberRange = { min: 0, max: 100 };
const TOP_K: IntRange = { min: 1, max: 10_000 };

interface TrainFlags extends TrainingFlags {
  midi?: string;
}

interface GenerateFlags {
  model?: string;
  bars?: number;
  temperature?: number;
  topK?: number;
  seed?: number;
  out?: string;
  wav?: boolean;
  pianoRoll: boolean;
  json?: boolean;
}

function registerTrain(music: Command, run: Run): void {
  const d = MUSIC_TRAIN_DEFAULTS;
  const command = music
    .command('train')
    .description(
      `train the melody LSTM on the ${TUNES.length} public-domain tunes shipped as MIDI (or your own folder of .mid files)`,
    )
    .option(
      '--midi <dir>',
      'train on the .mid/.midi files of this folder instead (unreadable files are reported and skipped)',
      textFlag('--midi'),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, seed: d.seed },
    { out: 'music', outNote: 'the model goes to <out>/model', seeds: 'the weights, dropout and batch order' },
  )
    .addHelpText('after', '\nThen: dlkit music generate --model <out>/model [--wav]')
    .action((flags: TrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        if (flags.midi !== undefined) requireDir('--midi', flags.midi, 'a folder of .mid/.midi files');
        const outDir = resolveOutDir(flags.out, 'music');
        const release = onInterrupt(() => interruptMessage({ command: 'dlkit music train', outDir, resumable: false }));
        const r = await trainMusicModel({
          outDir,
          midiDir: flags.midi,
          epochs: flags.epochs,
          seed: flags.seed,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
          onSkip: (file, error) => out.log(`skipping ${file}: ${error}`),
        }).finally(release);
        const json = {
          task: r.task,
          model: r.model,
          melodies: r.melodies,
          skipped: r.skipped,
          tokens: r.tokens,
          vocabSize: r.vocabSize,
          epochs: r.epochs,
          loss: round(r.loss),
          accuracy: round(r.accuracy),
          seconds: round(r.seconds, 1),
          backend: r.backend,
        };
        out.result(
          json,
          [
            `trained on ${r.melodies} melodies (${r.tokens} tokens, vocabulary ${r.vocabSize}) for ${r.epochs} epochs: loss ${r.loss.toFixed(3)}, next-token accuracy ${(r.accuracy * 100).toFixed(1)}% (${r.seconds.toFixed(0)} s, ${r.backend})`,
            ...(r.skipped.length
              ? [
                  `skipped ${r.skipped.length} unreadable file(s): ${r.skipped.map((s) => path.basename(s.file)).join(', ')}`,
                ]
              : []),
            `model: ${r.model}`,
          ].join('\n'),
        );
      }),
    );
}

function registerGenerate(music: Command, run: Run): void {
  music
    .command('generate')
    .description(
      'compose a melody with a trained model and write it as MIDI (optionally WAV), scored by pitch-class KL divergence',
    )
    .option(
      '--model <dir>',
      'model directory written by `dlkit music train` (<out>/model, or <out> itself)',
      textFlag('--model'),
    )
    .option(
      '--bars <n>',
      `length in 4/4 bars, ${describeInt(BARS)} (default ${MUSIC_GENERATE_DEFAULTS.bars})`,
      intFlag('--bars', BARS),
    )
    .option(
      '--temperature <t>',
      `sampling temperature, ${describeNumber(TEMPERATURE)}: lower is safer, higher is wilder, 0 is greedy (default ${MUSIC_GENERATE_DEFAULTS.temperature})`,
      numberFlag('--temperature', TEMPERATURE),
    )
    .option(
      '--top-k <k>',
      `sample only among the k most likely next notes, ${describeInt(TOP_K)} (default: all)`,
      intFlag('--top-k', TOP_K),
    )
    .option(
      '--seed <n>',
      `sampling seed: the same seed gives the same melody (default ${MUSIC_GENERATE_DEFAULTS.seed})`,
      seedFlag(),
    )
    .option('--out <file.mid>', 'MIDI file to write (default ./dlkit-out/music/generated.mid)', textFlag('--out'))
    .option('--wav', 'also render <out>.wav with the built-in synthesiser (22.05 kHz, 16-bit)')
    .option('--no-piano-roll', 'do not draw <out>.png (generated melody above a corpus tune)')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      '\nJSON: {"task":"music","midi":...,"wav":...,"notes":N,"pitchClassKl":x,"randomBaselineKl":x,...}: the KL divergence (nats) of the\n' +
        "melody's pitch-class distribution from the training corpus's, and the same for a uniform-random melody with as many notes;\n" +
        'copiedPhrases: the fraction of its 8-note phrases (pitch and duration) found verbatim in the training melodies.',
    )
    .action((flags: GenerateFlags) =>
      run(async () => {
        const out = new Output(flags);
        if (!flags.model) throw new UsageError('--model <dir> is required (train one with: dlkit music train)');
        requireDir('--model', flags.model, 'a model directory written by `dlkit music train --out DIR`');
        const file = prepareOutFile('--out', flags.out ?? path.join(defaultOutDir('music'), 'generated.mid'), [
          '.mid',
          '.midi',
        ]);
        const r = await runMusicGenerate({
          model: flags.model,
          out: file,
          bars: flags.bars,
          temperature: flags.temperature,
          topK: flags.topK,
          seed: flags.seed,
          wav: flags.wav,
          pianoRoll: flags.pianoRoll,
        });
        const json = {
          task: r.task,
          midi: r.midi,
          wav: r.wav,
          notes: r.notes,
          pitchClassKl: round(r.pitchClassKl),
          randomBaselineKl: round(r.randomBaselineKl),
          copiedPhrases: round(r.copiedPhrases),
          pianoRoll: r.pianoRoll,
          bars: r.bars,
          temperature: r.temperature,
          seed: r.seed,
          seconds: round(r.seconds, 1),
        };
        out.result(
          json,
          [
            `${r.notes} notes in ${r.bars} bars (seed ${r.seed}, temperature ${r.temperature})`,
            `pitch-class KL from the corpus ${r.pitchClassKl.toFixed(3)} nats vs ${r.randomBaselineKl.toFixed(3)} for a uniform-random melody (${(r.pitchClassKl / r.randomBaselineKl).toFixed(2)}x)`,
            `${(r.copiedPhrases * 100).toFixed(0)}% of its 8-note phrases occur verbatim in the training melodies`,
            `midi: ${r.midi}`,
            ...(r.wav ? [`wav:  ${r.wav}`] : []),
            ...(r.pianoRoll ? [`piano roll: ${r.pianoRoll}`] : []),
          ].join('\n'),
        );
      }),
    );
}

export const musicCommand: CliCommand = {
  name: 'music',
  register(program, run) {
    const music = program
      .command('music')
      .description('melody generation with an LSTM ("Jazz improvisation with LSTM", DLS course 5)');
    registerTrain(music, run);
    registerGenerate(music, run);
  },
};
