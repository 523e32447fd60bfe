import * as path from 'path';
import { TRAIN_TRIGGER_DEFAULTS, trainTrigger, TriggerDetector, type TrainTriggerResult } from '@dlkit/audio';
import type { Command } from 'commander';
import { describeInt, describeNumber, intFlag, numberFlag, textFlag, type IntRange } from '../util/flags';
import { UsageError } from '../util/errors';
import { defaultOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { speechTraining } from '../util/speech-training';
import { prepareOutFile, requireDir, requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const CLIPS: IntRange = { min: 1, max: 1_000_000 };
const HOURS = { min: 0, max: 1000, minExclusive: true };

interface TriggerTrainFlags extends TrainingFlags {
  positives?: string;
  negatives?: string;
  background?: string;
  clips?: number;
  validationClips?: number;
  testClips?: number;
  falseAlarmHours?: number;
}

interface DetectFlags {
  model?: string;
  out?: string;
  threshold?: number;
  json?: boolean;
}

/** `dlkit trigger train|detect`: the course's "activate" trigger-word detector on 10 s clips. */
export const triggerCommand: CliCommand = {
  name: 'trigger',
  register(program, run) {
    const trigger = program
      .command('trigger')
      .description('trigger-word detection: find "activate" in audio and chime where it was said');
    registerTriggerTrain(trigger, run);
    registerTriggerDetect(trigger, run);
  },
};

/** The three data folders go together; each must be a directory. */
function dataFolders(flags: TriggerTrainFlags) {
  const given = (['positives', 'negatives', 'background'] as const).filter((k) => flags[k] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length < 3)
    throw new UsageError(
      `--positives, --negatives and --background go together (got only ${given.map((k) => `--${k}`).join(', ')})`,
    );
  return {
    positivesDir: requireDir('--positives', flags.positives!, 'a folder of WAV clips of the trigger word'),
    negativesDir: requireDir('--negatives', flags.negatives!, 'a folder of WAV clips of other words'),
    backgroundDir: requireDir('--background', flags.background!, 'a folder of WAV background recordings'),
  };
}

function registerTriggerTrain(trigger: Command, run: Run): void {
  const d = TRAIN_TRIGGER_DEFAULTS;
  const command = trigger
    .command('train')
    .description(
      'train the Conv1D + GRU detector on 10 s clips generated with eSpeak NG (held-out voices for testing), or on your WAV folders',
    )
    .option(
      '--positives <dir>',
      'WAV clips of the trigger word, one word per file (with --negatives and --background)',
      textFlag('--positives'),
    )
    .option('--negatives <dir>', 'WAV clips of other words', textFlag('--negatives'))
    .option('--background <dir>', 'WAV background recordings of any length', textFlag('--background'))
    .option(
      '--clips <n>',
      `10 s training clips, ${describeInt(CLIPS)} (default ${d.trainClips})`,
      intFlag('--clips', CLIPS),
    )
    .option(
      '--validation-clips <n>',
      `clips for tuning the threshold (default ${d.validationClips})`,
      intFlag('--validation-clips', CLIPS),
    )
    .option(
      '--test-clips <n>',
      `held-out clips for precision, recall and F1 (default ${d.testClips})`,
      intFlag('--test-clips', CLIPS),
    )
    .option(
      '--false-alarm-hours <h>',
      `hours of audio without the trigger word for false alarms per hour, ${describeNumber(HOURS)} (default ${d.falseAlarmHours})`,
      numberFlag('--false-alarm-hours', HOURS),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'trigger',
      seeds: 'the voice split, the generated clips, init and shuffling',
      learningRate: 'peak Adam learning rate, cosine-decayed',
      resume: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/trigger.onnx and trigger.json (what `dlkit trigger detect --model <out>` reads), example.png and example.wav' +
        '\n(a held-out clip with its detection curve and chimes), curves.png, history.json, model/ (tfjs), checkpoint/, speech-cache/.',
    )
    .action((flags: TriggerTrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        const folders = dataFolders(flags);
        const { options, release } = await speechTraining('trigger', flags, out, folders !== undefined);
        const r = await trainTrigger({
          ...options,
          ...folders,
          trainClips: flags.clips,
          validationClips: flags.validationClips,
          testClips: flags.testClips,
          falseAlarmHours: flags.falseAlarmHours,
        }).finally(release);
        out.result(triggerJson(r), triggerSummary(r));
      }),
    );
}

function triggerJson(r: TrainTriggerResult) {
  return {
    task: r.task,
    f1: round(r.f1, 4),
    precision: round(r.precision, 4),
    recall: round(r.recall, 4),
    falseAlarmsPerHour: round(r.falseAlarmsPerHour, 2),
    model: r.model,
    threshold: r.threshold,
    f1AtHalf: round(r.f1AtHalf, 4),
    validationF1: round(r.validationF1, 4),
    truePositives: r.truePositives,
    falsePositives: r.falsePositives,
    falseNegatives: r.falseNegatives,
    falseAlarms: r.falseAlarms,
    falseAlarmHours: round(r.falseAlarmHours, 3),
    onnx: r.onnx,
    curves: r.curves,
    example: r.example,
    exampleAudio: r.exampleAudio,
    trainClips: r.trainClips,
    validationClips: r.validationClips,
    testClips: r.testClips,
    testTriggers: r.testTriggers,
    testOnlyVoices: r.testOnlyVoices,
    testVoices: r.testVoices,
    heldOut: r.heldOut,
    epochs: r.epochs,
    samplesPerSec: round(r.samplesPerSec, 1),
    seconds: round(r.seconds, 1),
    resumedFromEpoch: r.resumedFromEpoch,
    backend: r.backend,
  };
}

function triggerSummary(r: TrainTriggerResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `F1 ${pct(r.f1)} (precision ${pct(r.precision)}, recall ${pct(r.recall)}) on ${r.testTriggers} trigger words in ${r.testClips} held-out clips` +
      (r.testOnlyVoices.length ? ` (test-only voices: ${r.testOnlyVoices.join(', ')})` : '') +
      `, threshold ${r.threshold}`,
    `false alarms: ${r.falseAlarms} in ${r.falseAlarmHours.toFixed(2)} h without the trigger word (${r.falseAlarmsPerHour.toFixed(1)} per hour)`,
    `example:   ${r.example}`,
    `model:     ${r.model} (${r.epochs} epochs, ${r.seconds.toFixed(0)} s)`,
  ].join('\n');
}

function registerTriggerDetect(trigger: Command, run: Run): void {
  trigger
    .command('detect')
    .description('find the trigger word in a WAV file: detection times, the file with a chime at each, and a picture')
    .argument('<file>', 'a WAV file of any length, rate, depth and channel count')
    .option('--model <dir>', 'the --out of trigger train (default ./dlkit-out/trigger)', textFlag('--model'))
    .option(
      '--out <file.wav>',
      'the chimed WAV to write (default ./dlkit-out/trigger-detect/<name>-chimed.wav); the picture goes beside it as .png',
      textFlag('--out'),
    )
    .option(
      '--threshold <p>',
      'detection threshold (default: the one tuned at training, in trigger.json)',
      numberFlag('--threshold', { min: 0, max: 1, minExclusive: true }),
    )
    .option('--json', 'print one JSON object on stdout')
    .action((file: string, flags: DetectFlags) =>
      run(async () => {
        const out = new Output(flags);
        const dir = requireDir(
          flags.model ? '--model' : undefined,
          flags.model ?? defaultOutDir('trigger'),
          'a model directory written by `dlkit trigger train`',
        );
        requireFile(undefined, file, 'a WAV file');
        const name = path.basename(file).replace(/\.[^.]*$/, '');
        const wav = prepareOutFile(
          '--out',
          flags.out ?? path.join(defaultOutDir('trigger-detect'), `${name}-chimed.wav`),
          ['.wav'],
        );
        const detector = await TriggerDetector.load(dir);
        try {
          const plot = wav.replace(/\.wav$/i, '.png');
          const r = await detector.detectFile(file, { out: wav, plot }, flags.threshold);
          const detections = r.detections.map((d) => ({ time: round(d.time, 3), score: round(d.score, 4) }));
          out.result(
            { detections, output: r.output, plot: r.plot },
            [
              ...detections.map(
                (d) => `"${detector.info.word}" at ${d.time.toFixed(2)} s (score ${d.score.toFixed(3)})`,
              ),
              `${detections.length} detection${detections.length === 1 ? '' : 's'}; chimed audio: ${r.output}; picture: ${r.plot}`,
            ].join('\n'),
          );
        } finally {
          await detector.dispose();
        }
      }),
    );
}
