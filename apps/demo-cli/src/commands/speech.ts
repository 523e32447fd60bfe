import { TRAIN_SPEECH_DEFAULTS, trainSpeech } from '@dlkit/audio';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { Output } from '../util/output';
import { speechTraining } from '../util/speech-training';
import { requireDir } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand } from './types';

const SENTENCES: IntRange = { min: 10, max: 20_000 };

interface TrainFlags extends TrainingFlags {
  data?: string;
  sentences?: number;
}

/** `dlkit speech train`: closed-vocabulary speech-to-text (CTC), exported as a wav2vec2 folder. */
export const speechCommand: CliCommand = {
  name: 'speech',
  register(program, run) {
    const speech = program
      .command('speech')
      .description('speech-to-text: train a log-mel BiGRU with CTC and export it as a Hugging Face wav2vec2 folder');
    const d = TRAIN_SPEECH_DEFAULTS;
    const command = speech
      .command('train')
      .description(
        'train on sentences spoken by eSpeak NG (names, commands, digit strings; test voices and sentences held out), or on a folder of recordings',
      )
      .option(
        '--data <dir>',
        'WAV files plus transcripts.tsv (rows "file<TAB>text"); default: generate with eSpeak',
        textFlag('--data'),
      )
      .option(
        '--sentences <n>',
        `generated training sentences, ${describeInt(SENTENCES)} (default ${d.trainSentences})`,
        intFlag('--sentences', SENTENCES),
      );
    addTrainingOptions(
      command,
      { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
      {
        out: 'speech',
        seeds: 'the voice and sentence splits, the generated clips, init and shuffling',
        learningRate: 'peak Adam learning rate, cosine-decayed',
        resume: true,
      },
    )
      .addHelpText(
        'after',
        '\nWrites <out>/hf/ (config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx:' +
          '\nwhat `dlkit transcribe --model <out>/hf` and transformers.js read), <out>/speech.json, spectrogram.png,' +
          '\ncurves.png, history.json, model/ (tfjs), checkpoint/ and speech-cache/ (synthesized speech, reused by reruns).',
      )
      .action((flags: TrainFlags) =>
        run(async () => {
          const out = new Output(flags);
          const dataDir = flags.data ? requireDir('--data', flags.data, 'WAV files and transcripts.tsv') : undefined;
          const { options, release } = await speechTraining('speech', flags, out, dataDir !== undefined);
          const r = await trainSpeech({ ...options, dataDir, trainSentences: flags.sentences }).finally(release);
          out.result(
            {
              task: r.task,
              cer: round(r.cer, 4),
              wer: round(r.wer, 4),
              beamCer: r.beamCer === undefined ? undefined : round(r.beamCer, 4),
              beamWer: r.beamWer === undefined ? undefined : round(r.beamWer, 4),
              model: r.model,
              spectrogram: r.spectrogram,
              curves: r.curves,
              trainClips: r.trainClips,
              testClips: r.testClips,
              testOnlyVoices: r.testOnlyVoices,
              examples: r.examples,
              epochs: r.epochs,
              audioSecondsPerSec: round(r.audioSecondsPerSec, 1),
              seconds: round(r.seconds, 1),
              resumedFromEpoch: r.resumedFromEpoch,
              backend: r.backend,
            },
            [
              `held-out ${r.testClips} clips: CER ${(100 * r.cer).toFixed(1)} %, WER ${(100 * r.wer).toFixed(1)} % (greedy, no LM)` +
                (r.beamCer === undefined
                  ? ''
                  : `; lexicon + bigram beam: CER ${(100 * r.beamCer).toFixed(1)} %, WER ${(100 * (r.beamWer ?? 0)).toFixed(1)} %`),
              `model: ${r.model}`,
            ].join('\n'),
          );
        }),
      );
  },
};
