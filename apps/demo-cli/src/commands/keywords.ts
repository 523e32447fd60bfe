import * as path from 'path';
import { KeywordSpotter, TRAIN_KEYWORDS_DEFAULTS, trainKeywords } from '@dlkit/audio';
import type { Command } from 'commander';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { defaultOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { speechTraining } from '../util/speech-training';
import { requireDir, requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const PER_LABEL: IntRange = { min: 1, max: 100_000 };

interface TrainFlags extends TrainingFlags {
  data?: string;
  perLabel?: number;
}

interface PredictFlags {
  model?: string;
  json?: boolean;
}

/** `dlkit keywords train|predict`: keyword spotting on 1 s clips (the Speech Commands vocabulary). */
export const keywordsCommand: CliCommand = {
  name: 'keywords',
  register(program, run) {
    const keywords = program
      .command('keywords')
      .description(
        'keyword spotting: classify 1 s clips as yes, no, up, down, left, right, on, off, stop, go, unknown or silence',
      );
    registerTrain(keywords, run);
    registerPredict(keywords, run);
  },
};

function registerTrain(keywords: Command, run: Run): void {
  const d = TRAIN_KEYWORDS_DEFAULTS;
  const command = keywords
    .command('train')
    .description(
      'train a small log-mel CNN on clips generated with eSpeak NG (held-out voices for testing), or on a folder of WAV clips',
    )
    .option(
      '--data <dir>',
      'one folder of WAV clips per label (Speech Commands layout: DIR/yes/*.wav, ...; other folders count as unknown); default: generate with eSpeak',
      textFlag('--data'),
    )
    .option(
      '--per-label <n>',
      `generated training clips per class, ${describeInt(PER_LABEL)} (default ${d.perLabel})`,
      intFlag('--per-label', PER_LABEL),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'keywords',
      seeds: 'the voice split, the generated clips, init and shuffling',
      learningRate: 'peak Adam learning rate, cosine-decayed',
      resume: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/keywords.onnx, labels.txt, keywords.json (what `dlkit keywords predict --model <out>` reads),' +
        '\n<out>/confusion.png, curves.png, history.json, model/ (tfjs), checkpoint/ and speech-cache/ (synthesized speech, reused by reruns).',
    )
    .action((flags: TrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        const dataDir = flags.data ? requireDir('--data', flags.data, 'one folder of WAV clips per label') : undefined;
        const { options, release } = await speechTraining('keywords', flags, out, dataDir !== undefined);
        const r = await trainKeywords({ ...options, dataDir, perLabel: flags.perLabel }).finally(release);
        out.result(
          {
            task: r.task,
            testAccuracy: round(r.testAccuracy, 4),
            confusion: r.confusion,
            model: r.model,
            onnx: r.onnx,
            curves: r.curves,
            trainSamples: r.trainSamples,
            validationSamples: r.validationSamples,
            testSamples: r.testSamples,
            testOnlyVoices: r.testOnlyVoices,
            testVoices: r.testVoices,
            confusionMatrix: r.confusionMatrix,
            epochs: r.epochs,
            samplesPerSec: round(r.samplesPerSec, 1),
            seconds: round(r.seconds, 1),
            resumedFromEpoch: r.resumedFromEpoch,
            backend: r.backend,
          },
          [
            `test accuracy ${(r.testAccuracy * 100).toFixed(2)}% on ${r.testSamples} held-out clips` +
              (r.testOnlyVoices.length
                ? ` (voices never heard in training; test-only base voices: ${r.testOnlyVoices.join(', ')})`
                : '') +
              `, ${r.epochs} epochs, ${r.seconds.toFixed(0)} s`,
            `confusion: ${r.confusion}`,
            `model:     ${r.model}`,
          ].join('\n'),
        );
      }),
    );
}

function registerPredict(keywords: Command, run: Run): void {
  keywords
    .command('predict')
    .description('label WAV files with a model trained by "dlkit keywords train" (ONNX, served by onnxruntime-node)')
    .argument('<files...>', 'WAV files (any rate, depth and channel count; each is resampled and cut or padded to 1 s)')
    .option('--model <dir>', 'the --out of keywords train (default ./dlkit-out/keywords)', textFlag('--model'))
    .option('--json', 'print one JSON object on stdout')
    .action((files: string[], flags: PredictFlags) =>
      run(async () => {
        const out = new Output(flags);
        const dir = requireDir(
          flags.model ? '--model' : undefined,
          flags.model ?? defaultOutDir('keywords'),
          'a model directory written by `dlkit keywords train`',
        );
        for (const f of files) requireFile(undefined, f, 'a WAV file');
        const spotter = await KeywordSpotter.load(dir);
        try {
          const predictions = (await spotter.predictFiles(files)).map((p) => ({ ...p, score: round(p.score, 4) }));
          out.result(
            { predictions },
            predictions.map((p) => `${path.basename(p.file)}\t${p.label}\t${p.score.toFixed(3)}`).join('\n'),
          );
        } finally {
          await spotter.dispose();
        }
      }),
    );
}
