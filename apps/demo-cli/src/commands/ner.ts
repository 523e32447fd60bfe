import {
  bertMaxTokens,
  checkBertFolder,
  compromiseBaseline,
  FINETUNE_NER_DEFAULTS,
  finetuneNer,
  finetuneNerSoup,
  loadTokenizer,
  type NerDecoding,
  nerSubwordPooling,
  readConll,
  type SubwordPooling,
  tagEntities,
  tokenLabelProbabilities,
} from '@dlkit/nlp';
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
import { choiceFlag, intFlag, numberFlag, textFlag } from '../util/flags';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';
import type { CliCommand, Run } from './types';

const DECODINGS: readonly NerDecoding[] = ['viterbi', 'argmax'];
const SUBWORD_POOLINGS: readonly SubwordPooling[] = ['first', 'all'];

/** `dlkit ner`'s flags (`--no-opener-rule` sets openerRule false). */
type NerFlags = { model?: string; json?: boolean; decoding: NerDecoding; openerRule: boolean };

/** `dlkit ner`: BERT token classification (PER/LOC/ORG/MISC) fine-tuned from an MLM folder, served by transformers.js. */
export const nerCommand: CliCommand = {
  name: 'ner',
  register(program, run) {
    const ner = program
      .command('ner')
      .description('named entities (PER, LOC, ORG, MISC) with a fine-tuned BERT, via the transformers.js pipeline')
      .argument('[text]', 'the text to tag')
      .option(
        '--model <dir>',
        'a token-classification folder (dlkit ner train writes <out>/hf; default ./dlkit-out/ner/hf)',
        textFlag('--model'),
      )
      .option(
        '--decoding <viterbi|argmax>',
        "viterbi (default): the most probable valid BIO tagging; argmax: each word's top label, as the pipeline gives",
        choiceFlag('--decoding', DECODINGS),
        'viterbi',
      )
      .option(
        '--no-opener-rule',
        'keep the model\'s reading of a capitalised function word that opens a sentence ("Only", "From", "Neither"; by default read O)',
      )
      .option('--json', 'print one JSON object on stdout')
      .addHelpText('after', '\nExample: dlkit ner --model dlkit-out/ner/hf "Ann Kowalski flew to Lima." --json')
      .action((text: string | undefined, flags: NerFlags) =>
        run(async () => {
          const out = new Output(flags);
          if (text === undefined || text.trim() === '')
            throw new UsageError('ner: give the text to tag (or: dlkit ner train)');
          const model = servingFolder(flags.model, 'dlkit-out/ner/hf', 'token-classification');
          const tokenizer = loadTokenizer(model);
          const folder = checkBertFolder(model, 'token-classification');
          const maxTokens = bertMaxTokens(folder);
          const encoding = tokenizer.encode(text, { maxLength: maxTokens });
          const tagged = encoding.offsets[encoding.offsets.length - 2][1]; // the last token before [SEP]
          if (tagged < text.trimEnd().length)
            out.log(
              `warning: the text is longer than the model's ${maxTokens} tokens; truncated, tagged up to character ${tagged}`,
            );
          // every label's probability per token from transformers.js's model; each word read as in
          // training: at its first sub-word, or over all its sub-words when config.json says
          // subword_pooling "all"
          const { labels, probabilities } = await tokenLabelProbabilities(model, text.slice(0, tagged));
          const pooling = nerSubwordPooling(folder.config);
          const { decoding, openerRule } = flags;
          const entities = tagEntities(
            text,
            encoding.offsets,
            probabilities,
            labels,
            decoding,
            pooling,
            openerRule,
          ).map((e) => ({
            word: e.text,
            entity: e.label,
            score: round(e.score, 4),
            start: e.start,
            end: e.end,
          }));
          out.result(
            { entities },
            entities.map((e) => `${e.entity}\t${e.word}\t[${e.start}, ${e.end})\t${e.score}`).join('\n') ||
              '(no entities)',
          );
        }),
      );
    registerTrain(ner, run);
  },
};

function registerTrain(ner: Command, run: Run): void {
  const d = FINETUNE_NER_DEFAULTS;
  const command = ner
    .command('train')
    .description(
      'fine-tune BERT for NER (BIO tags on first sub-words) and report entity F1 on held-out generated and hand-labelled sentences vs compromise',
    );
  addFinetuneOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed, lrDecay: d.lrDecay },
    'ner',
    `CoNLL-2003 training file (word ... tag per line, blank line between sentences); default: ${d.trainCount} generated sentences`,
  )
    .option(
      '--all-names',
      'train on every name of the entity lists, the held-out part too: the model to ship (f1 then scores unseen sentence frames, not unseen names)',
    )
    .option(
      '--lexicon-orgs <rate>',
      `share of organisation slots filled with compromise's lexicon organisations ("Boeing", "Real Madrid"); default ${d.lexiconOrgRate}`,
      numberFlag('--lexicon-orgs', { min: 0, max: 1 }),
    )
    .option(
      '--mlm-weight <w>',
      `multi-task fine-tuning: add w × a masked-LM loss on Brown corpus sentences (${d.mlmShare} per NER sentence in each batch) to the NER loss, so the encoder keeps modelling running text; default ${d.mlmWeight} (off)`,
      numberFlag('--mlm-weight', { min: 0, max: 10 }),
    )
    .option(
      '--subword-labels <first|all>',
      `first: each word labelled and read at its first sub-word (Hugging Face's recipe); all: every sub-word labelled, word types pooled over them; default ${d.subwordLabels}`,
      choiceFlag('--subword-labels', SUBWORD_POOLINGS),
    )
    .option(
      '--soup <n>',
      'fine-tune n times (seeds seed..seed+n-1, into <out>/ingredient-k) and ship the mean of their weights (a model soup: one model to serve, n times the training); default 1',
      intFlag('--soup', { min: 1, max: 16 }),
    )
    .addHelpText('after', '\nExample: dlkit ner train --from dlkit-out/mlm --epochs 1 --json')
    // the parent command has --json too: read it with the subcommand's own flags
    .action((_flags: FinetuneFlags, cmd: Command) =>
      run(async () => {
        const flags = cmd.optsWithGlobals() as FinetuneFlags & {
          allNames?: boolean;
          lexiconOrgs?: number;
          mlmWeight?: number;
          subwordLabels?: SubwordPooling;
          soup?: number;
        };
        if (flags.allNames && flags.data !== undefined)
          throw new UsageError('ner train: --all-names is for the generated sentences; leave it out with --data');
        if (flags.lexiconOrgs !== undefined && flags.data !== undefined)
          throw new UsageError('ner train: --lexicon-orgs is for the generated sentences; leave it out with --data');
        const out = new Output(flags);
        const outDir = resolveOutDir(flags.out, 'ner');
        const file = dataFile(flags, 'a CoNLL-2003 file');
        const data = file === undefined ? undefined : readConll(file);
        const from = await mlmStart(flags, out, { cased: true }); // keep capitalisation, the cue for unseen names
        out.log(`fine-tuning BERT for NER from ${from} ...`);
        const options = {
          ...finetuneRunOptions(flags, from, outDir, out),
          data,
          allNames: flags.allNames,
          lexiconOrgRate: flags.lexiconOrgs,
          mlmWeight: flags.mlmWeight,
          subwordLabels: flags.subwordLabels,
        };
        const soup = flags.soup ?? 1;
        const souped =
          soup > 1
            ? await finetuneNerSoup({
                ...options,
                soup,
                onIngredient: (k, of, seed) => out.log(`run ${k} of ${of} of the soup (seed ${seed}) ...`),
              })
            : undefined;
        const r = souped ?? (await finetuneNer(options));
        const ingredients = souped?.ingredients;
        const random = flags.compareRandom
          ? await finetuneNer({ ...options, outDir: `${outDir}-random`, randomInit: true, resume: false })
          : undefined;
        const c = compromiseBaseline();
        const f1s = (perType: Record<string, { f1: number }>) =>
          Object.fromEntries(Object.entries(perType).map(([k, v]) => [k, round(v.f1)]));
        out.result(
          {
            task: 'ner',
            f1: round(r.f1),
            handF1: round(r.handF1),
            ...(r.namesHeldOut ? {} : { namesHeldOut: false }),
            perType: f1s(r.perType),
            handPerType: f1s(r.handPerType),
            perLocOrg: { f1: round(r.perLocOrg.f1), handF1: round(r.perLocOrg.handF1) },
            baselines: {
              compromise: {
                f1: round(c.f1),
                handF1: round(c.handF1),
                perType: f1s(c.perType),
                handPerType: f1s(c.handPerType),
              },
            },
            ...(random ? { randomInit: { f1: round(random.f1), handF1: round(random.handF1) } } : {}),
            ...(ingredients
              ? {
                  soup: ingredients.map((i) => ({
                    seed: i.seed,
                    f1: round(i.f1),
                    handF1: round(i.handF1),
                    perLocOrg: { f1: round(i.perLocOrg.f1), handF1: round(i.perLocOrg.handF1) },
                    model: i.model,
                  })),
                }
              : {}),
            model: r.model,
            from,
            epochs: r.epochs,
            resumedFromEpoch: r.resumedFromEpoch,
            seconds: round(r.seconds, 1),
          },
          [
            `entity F1 ${r.f1.toFixed(3)} on held-out generated sentences${r.namesHeldOut ? '' : ' (names seen in training)'}, ${r.handF1.toFixed(3)} hand-labelled`,
            `on PER/LOC/ORG: ${r.perLocOrg.f1.toFixed(3)}, ${r.perLocOrg.handF1.toFixed(3)} (compromise: ${c.f1.toFixed(3)}, ${c.handF1.toFixed(3)})`,
            ...(random ? [`from random weights: ${random.f1.toFixed(3)}, ${random.handF1.toFixed(3)}`] : []),
            ...(ingredients
              ? [
                  `the soup's runs alone: ${ingredients.map((i) => `${i.f1.toFixed(3)}, ${i.handF1.toFixed(3)} (seed ${i.seed})`).join('; ')}`,
                ]
              : []),
            `model: ${r.model}`,
            `try:   dlkit ner --model ${r.model} "Ann Kowalski flew to Lima."`,
          ].join('\n'),
        );
      }),
    );
}
