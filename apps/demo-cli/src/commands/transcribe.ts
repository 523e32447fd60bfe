import * as path from 'path';
import { SpeechTranscriber, type FileTranscript } from '@dlkit/audio';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { Output } from '../util/output';
import { requireDir, requireFile } from '../util/paths';
import type { CliCommand } from './types';

const BEAM: IntRange = { min: 1, max: 1024 };

interface TranscribeFlags {
  model?: string;
  beam?: number;
  json?: boolean;
}

/**
 * `dlkit transcribe --model DIR FILE.wav...`: speech to text with a Hugging Face speech folder
 * (dlkit's `speech train` export, or a downloaded wav2vec2 or Whisper folder). Greedy through
 * transformers.js's pipeline by default; `--beam N` runs the ONNX graph in onnxruntime-node with
 * dlkit's CTC beam search (lexicon and bigram model from the folder's lm_corpus.txt when present).
 */
export const transcribeCommand: CliCommand = {
  name: 'transcribe',
  register(program, run) {
    program
      .command('transcribe')
      .description(
        'transcribe WAV files with a Hugging Face speech folder (dlkit speech train, or a wav2vec2/Whisper download); words with times',
      )
      .argument(
        '<files...>',
        'WAV files (any rate, depth and channel count; long files are read in overlapping windows)',
      )
      .requiredOption(
        '--model <dir>',
        'the Hugging Face folder (the "model" of dlkit speech train)',
        textFlag('--model'),
      )
      .option(
        '--beam <n>',
        `beam width, ${describeInt(BEAM)}: decode the folder's ONNX CTC model with dlkit's beam search (default: greedy through transformers.js)`,
        intFlag('--beam', BEAM),
      )
      .option('--json', 'print one JSON object on stdout')
      .action((files: string[], flags: TranscribeFlags) =>
        run(async () => {
          const out = new Output(flags);
          const dir = requireDir('--model', flags.model as string, 'a Hugging Face speech model folder');
          for (const f of files) requireFile(undefined, f, 'a WAV file');
          const transcriber = await SpeechTranscriber.load(dir, { beam: flags.beam });
          try {
            const transcripts: FileTranscript[] = [];
            for (const f of files) transcripts.push(await transcriber.transcribeFile(f));
            out.result({ transcripts }, transcripts.map((t) => `${path.basename(t.file)}\t${t.text}`).join('\n'));
          } finally {
            await transcriber.dispose();
          }
        }),
      );
  },
};
