import { checkBertFolder, openPipeline } from '@dlkit/nlp';
import { UsageError } from '../util/errors';
import { textFlag } from '../util/flags';
import { Output } from '../util/output';
import { requireDir } from '../util/paths';
import { round } from '../util/round';
import type { CliCommand } from './types';

interface SimilarityFlags {
  model?: string;
  json?: boolean;
}

/** `dlkit similarity --model DIR "A" "B"`: cosine of mean-pooled BERT embeddings (transformers.js feature-extraction). */
export const similarityCommand: CliCommand = {
  name: 'similarity',
  register(program, run) {
    program
      .command('similarity')
      .description(
        'cosine similarity of two sentences: mean-pooled BERT embeddings from a Hugging Face folder, via transformers.js',
      )
      .argument('<sentences...>', 'exactly two sentences')
      .option(
        '--model <dir>',
        'a BERT Hugging Face folder (dlkit mlm train writes <out>/hf; default ./dlkit-out/mlm/hf)',
        textFlag('--model'),
      )
      .option('--json', 'print one JSON object on stdout')
      .addHelpText(
        'after',
        '\nExample: dlkit similarity --model dlkit-out/mlm/hf "a domestic cat" "a small house cat" --json',
      )
      .action((sentences: string[], flags: SimilarityFlags) =>
        run(async () => {
          const out = new Output(flags);
          if (sentences.length !== 2)
            throw new UsageError(`similarity: expected exactly two sentences, got ${sentences.length}`);
          const model = requireDir('--model', flags.model ?? 'dlkit-out/mlm/hf', 'a BERT Hugging Face folder');
          try {
            checkBertFolder(model, 'feature-extraction');
          } catch (err) {
            throw new UsageError(`--model ${(err as Error).message}`);
          }
          const started = Date.now();
          const extract = await openPipeline('feature-extraction', model);
          const v = await extract(sentences, { pooling: 'mean', normalize: true }); // [2, H], unit rows
          const h = v.dims[1];
          let cosine = 0;
          for (let i = 0; i < h; i++) cosine += v.data[i] * v.data[h + i];
          out.result(
            {
              task: 'similarity',
              similarity: round(cosine, 4),
              model,
              sentences,
              seconds: round((Date.now() - started) / 1000, 2),
            },
            `cosine similarity ${cosine.toFixed(4)}`,
          );
        }),
      );
  },
};
