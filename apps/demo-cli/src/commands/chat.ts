/**
 * `dlkit chat train` and `dlkit chat --model DIR [--message TEXT]`: the intent chatbot of
 * @dlkit/nlp (intents, entity slots, a confidence threshold with a fallback answer). Without
 * --message it is a REPL: on a terminal with line editing and history, on piped stdin one answer
 * per input line; `/quit` (or end of input) leaves, `/reset` forgets the remembered slots.
 */
import * as path from 'path';
import * as readline from 'readline';
import {
  ChatBot,
  ChatSession,
  TRAIN_CHAT_BOT_DEFAULTS,
  defaultHeldOut,
  helpDeskCorpusPath,
  recordedBaselines,
  trainChat,
  type ChatReply,
} from '@dlkit/nlp';
import { initBackend } from '@dlkit/core';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import { textFlag } from '../util/flags';
import { defaultOutDir, resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { requireDir, requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const COMMAND = 'chat';
const CORPUS_HELP = 'a chat corpus JSON file (intents with utterances and answers; see packages/nlp/README.md)';

interface TrainFlags extends TrainingFlags {
  corpus?: string;
  heldout?: string;
}

interface ChatFlags {
  model?: string;
  message?: string;
  seed?: number;
  json?: boolean;
}

export const chatCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const command = program
      .command(COMMAND)
      .description(
        'intent chatbot with entity slots and a fallback answer: talk to a model trained by `dlkit chat train` (a REPL, or one --message)',
      )
      .option(
        '--model <dir>',
        `chatbot folder written by \`dlkit chat train\` (default ./dlkit-out/${COMMAND}/model)`,
        textFlag('--model'),
      )
      .option('--message <text>', 'answer this one message and exit (for scripts) instead of starting the REPL')
      .option('--json', 'with --message: print {"intent","confidence","entities":[...],"answer"} on stdout')
      .addHelpText(
        'after',
        `\nREPL: /quit (or Ctrl-D) leaves, /reset forgets remembered slot values; line editing and history on a terminal,` +
          `\none answer per line when stdin is piped.\n\nExamples:\n  dlkit ${COMMAND} train\n  dlkit ${COMMAND} --message "what does --resume do?" --json\n  dlkit ${COMMAND}`,
      )
      .action((flags: ChatFlags) => run(() => chat(flags)));
    registerTrain(command, run);
  },
};

function registerTrain(command: Command, run: Run): void {
  const d = TRAIN_CHAT_BOT_DEFAULTS;
  const train = command
    .command('train')
    .description(
      "train the intent model on a corpus's utterances (default: the shipped dlkit help desk, 31 intents) and score it on held-out paraphrases",
    )
    .option('--corpus <file.json>', `${CORPUS_HELP} (default: the shipped help desk)`, textFlag('--corpus'))
    .option(
      '--heldout <file.json>',
      'held-out paraphrases { "intents": [{ "intent", "utterances" }] } to score (default: the shipped ones for the shipped corpus)',
      textFlag('--heldout'),
    );
  addTrainingOptions(
    train,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    { out: COMMAND, outNote: 'the chatbot goes to <out>/model', seeds: 'the initial weights and the shuffling' },
  )
    .addHelpText(
      'after',
      '\nJSON: {"task":"chat","intents":N,"heldOutAccuracy":x,"baselines":{"nlpjs":x},"model":"<dir>",...}; the nlp.js figure' +
        '\ncomes from packages/nlp/bench/chat-vs-nlpjs.js (null when it was not run for this corpus).' +
        `\nThen: dlkit ${COMMAND} --model <out>/model`,
    )
    // `--json` after `train` is also the parent's option: read both (as translate-date does)
    .action((_flags: TrainFlags, cmd: Command) => run(() => trainCommand(cmd.optsWithGlobals() as TrainFlags)));
}

async function trainCommand(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  const corpus = flags.corpus ?? helpDeskCorpusPath();
  if (flags.corpus !== undefined) requireFile('--corpus', flags.corpus, CORPUS_HELP);
  if (flags.heldout !== undefined) requireFile('--heldout', flags.heldout, 'a held-out JSON file');
  const outDir = resolveOutDir(flags.out, COMMAND);
  await initBackend();
  out.log(`training the intent model on ${path.basename(corpus)} ...`);
  const r = await trainChat({
    corpus,
    heldOut: flags.heldout ?? defaultHeldOut(corpus),
    outDir,
    epochs: flags.epochs,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    seed: flags.seed,
  });
  const nlpjs = recordedBaselines(corpus)?.nlpjs ?? null;
  const heldOutAccuracy = r.heldOut ? round(r.heldOut.accuracy) : null;
  out.result(
    {
      task: r.task,
      intents: r.intents,
      heldOutAccuracy,
      baselines: { nlpjs },
      model: r.model,
      utterances: r.utterances,
      trainAccuracy: round(r.trainAccuracy),
      heldOut: r.heldOut
        ? {
            file: r.heldOut.file,
            count: r.heldOut.count,
            answeredAccuracy: round(r.heldOut.answeredAccuracy),
            fallbackRate: round(r.heldOut.fallbackRate),
          }
        : null,
      seconds: round(r.seconds, 1),
    },
    [
      `${r.intents} intents, ${r.utterances} training utterances, training accuracy ${pct(r.trainAccuracy)}`,
      r.heldOut
        ? `held-out accuracy ${pct(r.heldOut.accuracy)} on ${r.heldOut.count} paraphrases (nlp.js: ${nlpjs === null ? 'run packages/nlp/bench/chat-vs-nlpjs.js' : pct(nlpjs)})`
        : 'no held-out file: pass --heldout FILE.json to score paraphrases',
      `model: ${r.model}`,
      `try:   dlkit ${COMMAND} --model ${r.model}`,
    ].join('\n'),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The reply as the --json contract gives it. */
function replyJson(r: ChatReply): object {
  return {
    intent: r.intent,
    confidence: round(r.confidence),
    entities: r.entities,
    answer: r.answer,
    ...(r.missingSlot ? { missingSlot: r.missingSlot } : {}),
    slots: r.slots,
  };
}

async function chat(flags: ChatFlags): Promise<void> {
  if (flags.json && flags.message === undefined)
    throw new UsageError('--json needs --message (the REPL prints answers as text)');
  if (flags.message !== undefined && flags.message.trim() === '') throw new UsageError('--message is empty');
  const dir = path.resolve(flags.model ?? path.join(defaultOutDir(COMMAND), 'model'));
  requireDir(flags.model ? '--model' : undefined, dir, `a chatbot folder: run \`dlkit ${COMMAND} train\` first`);
  await initBackend();
  const bot = await ChatBot.load(dir);
  try {
    const session = new ChatSession(bot);
    if (flags.message !== undefined) {
      const r = session.reply(flags.message);
      new Output(flags).result(replyJson(r), r.answer);
      return;
    }
    await repl(session);
  } finally {
    bot.dispose();
  }
}

/** Reads lines until /quit or the end of input; each line gets its answer on stdout. */
async function repl(session: ChatSession): Promise<void> {
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal, historySize: 500 });
  if (terminal) {
    process.stdout.write(`${session.bot.corpus.name}: ask me something (/quit to leave)\n`);
    rl.setPrompt('you> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/reset') {
      session.reset();
      process.stdout.write('(slots forgotten)\n');
    } else if (text !== '') {
      process.stdout.write(`${session.reply(text).answer}\n`);
    }
    if (terminal) rl.prompt();
  }
  rl.close();
}
