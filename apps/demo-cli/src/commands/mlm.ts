import {
  BERT_TINY,
  MLM_CORPORA,
  MLM_EMBEDDING_INITS,
  PRETRAIN_MLM_DEFAULTS,
  pretrainMlm,
  type MlmCorpus,
  type MlmEmbeddingInit,
} from '@dlkit/nlp';
import type { Command } from 'commander';
import { requireMlmFolder } from '../util/bert-finetune-flags';
import { UsageError } from '../util/errors';
import { choiceFlag, describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { interruptMessage, onInterrupt } from '../util/interrupt';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const MAX_SENTENCES: IntRange = { min: 10, max: 10_000_000 };
const VOCAB_SIZE: IntRange = { min: 100, max: 100_000 };
const LAYERS: IntRange = { min: 1, max: 24 };

interface TrainFlags extends TrainingFlags {
  maxSentences?: number;
  vocabSize?: number;
  layers?: number;
  cased?: boolean;
  embeddingInit?: MlmEmbeddingInit;
  corpus?: MlmCorpus[];
  from?: string;
  wholeWords?: boolean;
}

/** Commander parser of --corpus: a comma-separated subset of MLM_CORPORA. */
function corpusFlag(value: string): MlmCorpus[] {
  const items = value.split(',').map((v) => v.trim());
  if (items.some((v) => !(MLM_CORPORA as readonly string[]).includes(v)))
    throw new UsageError(`--corpus must be a comma-separated list of ${MLM_CORPORA.join(', ')}, got '${value}'`);
  return [...new Set(items)] as MlmCorpus[];
}

/** With --from the architecture, vocabulary and case are the folder's: flags that would change them are usage errors. */
function checkFromFlags(flags: TrainFlags): void {
  if (flags.from === undefined) return;
  const clash = (
    [
      ['--vocab-size', flags.vocabSize],
      ['--layers', flags.layers],
      ['--cased', flags.cased],
      ['--embedding-init', flags.embeddingInit],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (clash.length > 0)
    throw new UsageError(
      `--from continues the folder's model (its vocabulary, layers and case): drop ${clash.map(([f]) => f).join(', ')}`,
    );
}

/** `dlkit mlm train`: masked-LM pretraining of a small BERT (WordNet's glosses, the Brown corpus, or continued from a folder), exported for transformers.js. */
export const mlmCommand: CliCommand = {
  name: 'mlm',
  register(program, run) {
    const mlm = program
      .command('mlm')
      .description(
        'BERT masked-language-model pretraining on WordNet glosses and/or the Brown corpus, served by transformers.js pipelines',
      );
    registerTrain(mlm, run);
  },
};

function registerTrain(mlm: Command, run: Run): void {
  const d = PRETRAIN_MLM_DEFAULTS;
  const command = mlm
    .command('train')
    .description(
      'pretrain a small BERT (15% masking, 80/10/10) and report masked-token accuracy on held-out sentences vs the unigram baseline',
    )
    .option(
      '--corpus <list>',
      `text to pretrain on, comma-separated: wordnet (WordNet's glosses) and/or brown (the Brown corpus: 57,340 sentences of 1961 news, fiction and prose, running text with the contexts names appear in) (default wordnet)`,
      corpusFlag,
    )
    .option(
      '--from <dir>',
      'continue pretraining an MLM folder written by dlkit mlm train (its weights, tokenizer and architecture) on --corpus, instead of starting a new model',
      textFlag('--from'),
    )
    .option(
      '--max-sentences <n>',
      `sentences used from each corpus (seeded shuffle; ${d.heldOutSentences} held out in all), ${describeInt(MAX_SENTENCES)} (default ${d.maxSentences})`,
      intFlag('--max-sentences', MAX_SENTENCES),
    )
    .option(
      '--vocab-size <n>',
      `WordPiece vocabulary trained on the training sentences, ${describeInt(VOCAB_SIZE)} (default ${d.vocabSize})`,
      intFlag('--vocab-size', VOCAB_SIZE),
    )
    .option(
      '--layers <n>',
      `transformer encoder layers (hidden ${BERT_TINY.hiddenSize}, ${BERT_TINY.numHeads} heads), ${describeInt(LAYERS)} (default ${BERT_TINY.numLayers})`,
      intFlag('--layers', LAYERS),
    )
    .option(
      '--cased',
      'keep case (for NER: capitalisation marks names; default lowercase); sentences then open with a capital, and "<name> is <definition>" sentences for WordNet\'s named things join the glosses',
    )
    .option(
      '--embedding-init <skipgram|random>',
      `start the word embeddings and the MLM decoder from skip-gram vectors of the sentences' sub-words, or from random weights (default ${d.embeddingInit})`,
      choiceFlag('--embedding-init', MLM_EMBEDDING_INITS),
    )
    .option(
      '--whole-words',
      'whole-word masking: all pieces of a chosen word are masked and predicted together (default: pieces alone, as the original BERT); held-out accuracy keeps per-piece masks',
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'mlm',
      seeds: 'the sentence shuffle, the masks, the initial weights and the batch order',
      learningRate: 'peak Adam learning rate, cosine-decayed to a tenth',
      batchSize: `packed sequences of ≤ ${d.maxLength} tokens per mini-batch`,
      resume: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/hf (config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, onnx/model.onnx:' +
        '\nfill-mask and feature-extraction in transformers.js), <out>/model (tfjs, for fine-tuning), <out>/checkpoint, <out>/history.json.' +
        '\n\nExample: dlkit mlm train --max-sentences 4000 --epochs 1 --json' +
        '\n         dlkit mlm train --from dlkit-out/mlm-cased --corpus brown --epochs 1 --learning-rate 0.0003 --out dlkit-out/mlm-cased-brown',
    )
    .action((flags: TrainFlags) =>
      run(async () => {
        const out = new Output(flags);
        checkFromFlags(flags);
        const from = flags.from === undefined ? undefined : requireMlmFolder('--from', flags.from);
        const outDir = resolveOutDir(flags.out, 'mlm');
        const release = onInterrupt(() => interruptMessage({ command: 'dlkit mlm train', outDir, resumable: true }));
        const corpus = flags.corpus ?? ['wordnet'];
        out.log(
          `${from ? `continuing ${from}'s` : 'pretraining a BERT'} masked language model on ${corpus.join(' + ')} ...`,
        );
        const r = await pretrainMlm({
          outDir,
          from,
          corpus,
          maxSentences: flags.maxSentences,
          vocabSize: flags.vocabSize,
          model: { numLayers: flags.layers },
          lowercase: !flags.cased,
          embeddingInit: flags.embeddingInit,
          wholeWordMasking: flags.wholeWords,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          learningRate: flags.learningRate,
          seed: flags.seed,
          resume: flags.resume,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
        }).finally(release);
        out.result(
          {
            task: r.task,
            maskedAccuracy: round(r.maskedAccuracy),
            model: r.model,
            unigramAccuracy: round(r.unigramAccuracy),
            embeddingInit: r.embeddingInit,
            wholeWordMasking: r.wholeWordMasking,
            maskedPositions: r.maskedPositions,
            tfjsModel: r.tfjsModel,
            trainSequences: r.trainSequences,
            heldOutSequences: r.heldOutSequences,
            tokensPerSec: Math.round(r.tokensPerSec),
            epochs: r.epochs,
            resumedFromEpoch: r.resumedFromEpoch,
            history: r.history,
            checkpoint: r.checkpoint,
            backend: r.backend,
            seconds: round(r.seconds, 1),
          },
          [
            `masked-token accuracy ${(r.maskedAccuracy * 100).toFixed(1)}% on ${r.maskedPositions} held-out masked tokens (unigram baseline ${(r.unigramAccuracy * 100).toFixed(1)}%)`,
            `${r.trainSequences} training sequences, ${r.epochs} epochs, ${Math.round(r.tokensPerSec)} tokens/s, ${r.backend}, ${r.seconds.toFixed(0)} s`,
            `model: ${r.model}`,
            `try:   dlkit similarity --model ${r.model} "a domestic cat" "a small house cat"`,
          ].join('\n'),
        );
      }),
    );
}
