import { TOKENIZER_KINDS, TRAIN_TOKENIZER_DEFAULTS, trainTokenizer, type TokenizerKind } from '@dlkit/nlp';
import type { Command } from 'commander';
import { choiceFlag, describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { requireFile } from '../util/paths';
import { round } from '../util/round';
import type { CliCommand, Run } from './types';

// 257 = the byte-level BPE's end-of-text token and 256 bytes, the smallest vocabulary of either kind
const VOCAB_SIZE: IntRange = { min: 257, max: 1_000_000 };
const MIN_FREQUENCY: IntRange = { min: 1, max: 1_000_000 };

interface TrainFlags {
  corpus?: string;
  kind?: TokenizerKind;
  vocabSize?: number;
  minFrequency?: number;
  out?: string;
  json?: boolean;
}

/** `dlkit tokenizer train`: a WordPiece or byte-level BPE in the Hugging Face format. */
export const tokenizerCommand: CliCommand = {
  name: 'tokenizer',
  register(program, run) {
    const tokenizer = program
      .command('tokenizer')
      .description('subword tokenizers (WordPiece, byte-level BPE) saved in the Hugging Face tokenizer.json format');
    registerTrain(tokenizer, run);
  },
};

function registerTrain(tokenizer: Command, run: Run): void {
  const d = TRAIN_TOKENIZER_DEFAULTS;
  tokenizer
    .command('train')
    .description('train a WordPiece (BERT) or byte-level BPE (GPT-2) tokenizer that transformers.js loads offline')
    .option(
      '--corpus <wordnet|file>',
      `'wordnet' (WordNet 3.1 gloss definitions and examples, ~185k sentences) or a UTF-8 text file, one sentence per line (default ${d.corpus})`,
      textFlag('--corpus'),
    )
    .option('--kind <wordpiece|bpe>', `tokenizer kind (default ${d.kind})`, choiceFlag('--kind', TOKENIZER_KINDS))
    .option(
      '--vocab-size <n>',
      `vocabulary size, special tokens included, ${describeInt(VOCAB_SIZE)} (default ${d.vocabSize}; bpe needs at least ${1 + 256})`,
      intFlag('--vocab-size', VOCAB_SIZE),
    )
    .option(
      '--min-frequency <n>',
      `merge only pairs seen at least N times, ${describeInt(MIN_FREQUENCY)} (default ${d.minFrequency})`,
      intFlag('--min-frequency', MIN_FREQUENCY),
    )
    .option('--out <dir>', 'output folder (default ./dlkit-out/tokenizer)', textFlag('--out'))
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      '\nWrites <out>/tokenizer.json, <out>/tokenizer_config.json and <out>/special_tokens_map.json;' +
        '\nload them with transformers.js: AutoTokenizer.from_pretrained(<out>) (env.allowRemoteModels = false).' +
        '\n\nExample: dlkit tokenizer train --kind bpe --vocab-size 4000 --out my-bpe --json',
    )
    .action((flags: TrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        const corpus = flags.corpus ?? d.corpus;
        if (corpus !== 'wordnet') requireFile('--corpus', corpus, "'wordnet' or a text file, one sentence per line");
        const outDir = resolveOutDir(flags.out, 'tokenizer');
        const kind = flags.kind ?? d.kind;
        out.log(`training a ${kind} tokenizer on ${corpus} ...`);
        const r = trainTokenizer({
          corpus,
          kind,
          vocabSize: flags.vocabSize ?? d.vocabSize,
          minFrequency: flags.minFrequency,
          outDir,
        });
        out.result(
          {
            task: r.task,
            kind: r.kind,
            corpus: r.corpus,
            sentences: r.sentences,
            vocab: r.vocabSize,
            dir: outDir,
            files: r.files,
            example: r.example,
            seconds: round(r.seconds, 1),
          },
          [
            `${r.kind}: ${r.vocabSize} tokens from ${r.sentences} sentences of ${r.corpus} in ${r.seconds.toFixed(1)} s`,
            `"${r.example.text}" -> ${r.example.tokens.join(' ')}`,
            `files: ${r.files.join(', ')}`,
          ].join('\n'),
        );
      }),
    );
}
