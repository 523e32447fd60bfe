/**
 * The `dlkit chat train` task: read and validate a corpus (the shipped help desk by default),
 * train the intent model on all its utterances, score it on a held-out file of paraphrases (the
 * shipped one for the shipped corpus), save the model folder.
 *
 * @example
 * const r = await trainChat({ outDir: 'out/chat' });
 * r.heldOut?.accuracy; // intent accuracy on the held-out paraphrases
 */
import * as fs from 'fs';
import * as path from 'path';
import { ChatBot, trainChatBot, type IntentEvaluation, type TrainChatBotOptions } from './chat-bot';
import { corpusExamples, helpDeskCorpusPath, helpDeskHeldOutPath, readChatCorpus, readHeldOut } from './chat-corpus';

export interface TrainChatOptions extends TrainChatBotOptions {
  /** Corpus JSON file (default: the shipped help desk). */
  corpus?: string;
  /** Held-out JSON file; default the shipped paraphrases for the shipped corpus, none otherwise. */
  heldOut?: string;
  /** The model goes to `<outDir>/model`. */
  outDir: string;
}

export interface TrainChatResult {
  task: 'chat';
  corpus: string;
  intents: number;
  utterances: number;
  /** Held-out file and its scores, when there is one. */
  heldOut?: IntentEvaluation & { file: string };
  /** Accuracy on the training utterances. */
  trainAccuracy: number;
  model: string;
  seconds: number;
}

/** The held-out file used by default: the shipped one for the shipped corpus. */
export function defaultHeldOut(corpusFile: string): string | undefined {
  return path.resolve(corpusFile) === path.resolve(helpDeskCorpusPath()) ? helpDeskHeldOutPath() : undefined;
}

/**
 * The nlp.js figures recorded for a corpus by `bench/chat-vs-nlpjs.js --write` (`<corpus>-nlpjs.json`
 * beside it), or undefined when the script was not run for it.
 */
export function recordedBaselines(corpusFile: string): { nlpjs: number } | undefined {
  const file = corpusFile.replace(/\.json$/i, '') + '-nlpjs.json';
  if (!fs.existsSync(file)) return undefined;
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof json.nlpjs === 'number' ? { nlpjs: json.nlpjs } : undefined;
  } catch {
    return undefined;
  }
}

export async function trainChat(options: TrainChatOptions): Promise<TrainChatResult> {
  const started = Date.now();
  const corpusFile = options.corpus ?? helpDeskCorpusPath();
  const corpus = readChatCorpus(corpusFile);
  const heldOutFile = options.heldOut ?? defaultHeldOut(corpusFile);
  // read before training, so a bad held-out file fails fast
  const heldOutRows = heldOutFile ? readHeldOut(heldOutFile, corpus) : undefined;
  const bot: ChatBot = await trainChatBot(corpus, options);
  try {
    const model = path.join(options.outDir, 'model');
    await bot.save(model);
    const train = bot.evaluate(corpusExamples(corpus));
    return {
      task: 'chat',
      corpus: corpusFile,
      intents: corpus.intents.length,
      utterances: train.count,
      ...(heldOutRows && heldOutFile ? { heldOut: { ...bot.evaluate(heldOutRows), file: heldOutFile } } : {}),
      trainAccuracy: train.accuracy,
      model,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    bot.dispose();
  }
}
