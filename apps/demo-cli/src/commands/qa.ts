import * as fs from 'fs';
import { answerInWindows, FINETUNE_QA_DEFAULTS, finetuneQa, readSquad, WINDOWED_QA_DEFAULTS } from '@dlkit/nlp';
import type { Command } from 'commander';
import {
  addFinetuneOptions,
  dataFile,
  finetuneRunOptions,
  type FinetuneFlags,
  mlmStart,
  servingFolder,
} from '../util/bert-finetune-flags';
import { UsageError } from '../util/errors';
import { intFlag, numberFlag, textFlag } from '../util/flags';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';
import type { CliCommand, Run } from './types';

interface AskFlags {
  model?: string;
  context?: string;
  question?: string;
  docStride: number;
  sentencePrior: number;
  json?: boolean;
}

/** `dlkit qa`: extractive question answering with a fine-tuned BERT, served by transformers.js. */
export const qaCommand: CliCommand = {
  name: 'qa',
  register(program, run) {
    const qa = program
      .command('qa')
      .description('extractive question answering with a fine-tuned BERT, via the transformers.js pipeline')
      .option(
        '--model <dir>',
        'a question-answering folder (dlkit qa train writes <out>/hf; default ./dlkit-out/qa/hf)',
        textFlag('--model'),
      )
      .option('--context <file|text>', 'the passage: a file, or the text itself', textFlag('--context'))
      .option('--question <text>', 'the question', textFlag('--question'))
      .option(
        '--doc-stride <n>',
        'a context longer than the model takes is split into windows sharing this many tokens',
        intFlag('--doc-stride', { min: 1, max: 256 }),
        WINDOWED_QA_DEFAULTS.docStride,
      )
      .option(
        '--sentence-prior <w>',
        "weight of the prior towards the sentence sharing most words with the question (0: the model's spans alone)",
        numberFlag('--sentence-prior', { min: 0, max: 50 }),
        WINDOWED_QA_DEFAULTS.sentencePrior,
      )
      .option('--json', 'print one JSON object on stdout')
      .addHelpText(
        'after',
        '\nExample: dlkit qa --model dlkit-out/qa/hf --context "Lima is the capital of Peru." --question "What is the capital of Peru?" --json',
      )
      .action((flags: AskFlags) =>
        run(async () => {
          const out = new Output(flags);
          if (flags.question === undefined || flags.question.trim() === '')
            throw new UsageError('qa: --question is required (or: dlkit qa train)');
          if (flags.context === undefined) throw new UsageError('qa: --context FILE|TEXT is required');
          const context =
            fs.existsSync(flags.context) && fs.statSync(flags.context).isFile()
              ? fs.readFileSync(flags.context, 'utf8')
              : flags.context;
          if (context.trim() === '') throw new UsageError('--context: empty context');
          const model = servingFolder(flags.model, 'dlkit-out/qa/hf', 'question-answering');
          // windows of the context through transformers.js's model (its pipeline has no stride)
          const a = await answerInWindows(model, flags.question, context, {
            docStride: flags.docStride,
            sentencePrior: flags.sentencePrior,
          });
          if (a.windows > 1)
            out.log(`note: the context is longer than the model takes; answered over ${a.windows} windows`);
          const answer = a.answer;
          out.result(
            { answer, score: round(a.score, 4), start: a.start, end: a.end },
            `${answer}\t(score ${a.score.toFixed(4)})`,
          );
        }),
      );
    registerTrain(qa, run);
  },
};

function registerTrain(qa: Command, run: Run): void {
  const d = FINETUNE_QA_DEFAULTS;
  const command = qa
    .command('train')
    .description(
      'fine-tune BERT for extractive QA (start/end logits, doc-stride windows) and report SQuAD EM/F1 on held-out questions vs the overlap baseline',
    );
  addFinetuneOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed, lrDecay: d.lrDecay },
    'qa',
    `SQuAD v1.1 JSON training file; default: ${d.trainCount} generated questions`,
  )
    .addHelpText('after', '\nExample: dlkit qa train --from dlkit-out/mlm --epochs 1 --json')
    // the parent command has --json too: read it with the subcommand's own flags
    .action((_flags: FinetuneFlags, cmd: Command) =>
      run(async () => {
        const flags = cmd.optsWithGlobals() as FinetuneFlags;
        const out = new Output(flags);
        const outDir = resolveOutDir(flags.out, 'qa');
        const file = dataFile(flags, 'a SQuAD v1.1 JSON file');
        const data = file === undefined ? undefined : readSquad(file);
        const from = await mlmStart(flags, out);
        out.log(`fine-tuning BERT for question answering from ${from} ...`);
        const options = { ...finetuneRunOptions(flags, from, outDir, out), data };
        const r = await finetuneQa(options);
        const random = flags.compareRandom
          ? await finetuneQa({ ...options, outDir: `${outDir}-random`, randomInit: true, resume: false })
          : undefined;
        const o = r.baselines.overlap;
        const alone = r.readerAlone;
        out.result(
          {
            task: 'qa',
            exactMatch: round(r.exactMatch, 2),
            f1: round(r.f1, 2),
            readerAlone: { exactMatch: round(alone.exactMatch, 2), f1: round(alone.f1, 2) },
            baselines: { overlap: { exactMatch: round(o.exactMatch, 2), f1: round(o.f1, 2) } },
            ...(random ? { randomInit: { exactMatch: round(random.exactMatch, 2), f1: round(random.f1, 2) } } : {}),
            model: r.model,
            from,
            questions: r.total,
            trainWindows: r.trainWindows,
            epochs: r.epochs,
            resumedFromEpoch: r.resumedFromEpoch,
            seconds: round(r.seconds, 1),
          },
          [
            `SQuAD EM ${r.exactMatch.toFixed(1)}, F1 ${r.f1.toFixed(1)} on ${r.total} held-out questions (overlap baseline: EM ${o.exactMatch.toFixed(1)}, F1 ${o.f1.toFixed(1)})`,
            `without the sentence prior: EM ${alone.exactMatch.toFixed(1)}, F1 ${alone.f1.toFixed(1)}`,
            ...(random ? [`from random weights: EM ${random.exactMatch.toFixed(1)}, F1 ${random.f1.toFixed(1)}`] : []),
            `model: ${r.model}`,
            `try:   dlkit qa --model ${r.model} --context "Lima is the capital of Peru." --question "What is the capital of Peru?"`,
          ].join('\n'),
        );
      }),
    );
}
