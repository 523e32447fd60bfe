/**
 * A trained chatbot: the intent classifier, the entity extractor and the corpus's answers, slots,
 * fallback and threshold. `classify` and `entities` answer for one message; ChatSession holds a
 * conversation. A model folder holds the classifier's files plus `chat.json` (the corpus).
 *
 * @example
 * const bot = await trainChatBot(readChatCorpus(helpDeskCorpusPath()), { seed: 1 });
 * bot.classify('what does --resume do?'); // { intent: 'train.resume', confidence: 0.9... }
 * await bot.save('out/chat/model');
 * bot.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import type { LabeledText } from '../classify/labeled-text';
import type { FitTextOptions } from '../classify/softmax-classifier';
import { stripUndefined, writeFileAtomic } from '@dlkit/core';
import { corpusExamples, parseChatCorpus, type ChatCorpus, type ChatIntent } from './chat-corpus';
import { EntityExtractor, type EntityMatch } from './entity-extractor';
import { IntentClassifier, type IntentClassifierOptions } from './intent-classifier';
import { IntentFeaturizer, type IntentFeatureOptions } from './intent-features';

/** The intent reported when the message is below the threshold or has no known word (nlp.js's name). */
export const NO_INTENT = 'None';

const CHAT_JSON = 'chat.json';

export interface IntentResult {
  /** The best intent, or NO_INTENT when the message has no word the model knows. */
  intent: string;
  /** Its softmax probability (0 when nothing was known). */
  confidence: number;
}

export interface IntentEvaluation {
  /** Fraction whose best intent is right (threshold ignored). */
  accuracy: number;
  /** Fraction right and at or above the threshold (answered, not given the fallback). */
  answeredAccuracy: number;
  /** Fraction whose best intent was below the threshold (they would get the fallback). */
  fallbackRate: number;
  count: number;
  errors: { text: string; expected: string; predicted: string; confidence: number }[];
}

export interface TrainChatBotOptions extends IntentClassifierOptions, FitTextOptions {
  features?: IntentFeatureOptions;
  /** Networks trained (seeded seed, seed + 1, ...) whose softmax probabilities are averaged; 1 for a single one. */
  ensemble?: number;
}

/** Chosen on validation splits of the training utterances (bench/chat-validation.js), not on the held-out file. */
export const TRAIN_CHAT_BOT_DEFAULTS = {
  epochs: 100,
  batchSize: 32,
  learningRate: 0.01,
  seed: 1,
  ensemble: 5,
} satisfies TrainChatBotOptions;

export class ChatBot {
  readonly extractor: EntityExtractor;

  constructor(
    readonly classifier: IntentClassifier,
    readonly corpus: ChatCorpus,
  ) {
    this.extractor = new EntityExtractor(corpus.entities);
  }

  /** The intent of one message; unknown words are skipped, a message of only unknown words gives NO_INTENT. */
  classify(message: string): IntentResult {
    if (this.classifier.features.knownCount(message) === 0) return { intent: NO_INTENT, confidence: 0 };
    const p = this.classifier.probabilities([message])[0];
    const best = p.indexOf(Math.max(...p));
    return { intent: this.classifier.labels[best], confidence: p[best] };
  }

  entities(message: string): EntityMatch[] {
    return this.extractor.extract(message);
  }

  intent(name: string): ChatIntent {
    const it = this.corpus.intents.find((i) => i.intent === name);
    if (!it) throw new Error(`no intent "${name}" in the corpus "${this.corpus.name}"`);
    return it;
  }

  /** Intent accuracy of the best intent (threshold ignored) on labelled messages. */
  evaluate(rows: readonly LabeledText[]): IntentEvaluation {
    const errors: IntentEvaluation['errors'] = [];
    let low = 0;
    let answered = 0;
    for (const r of rows) {
      const { intent, confidence } = this.classify(r.text);
      const sure = confidence >= this.corpus.threshold;
      if (!sure) low++;
      if (intent !== r.label) errors.push({ text: r.text, expected: r.label, predicted: intent, confidence });
      else if (sure) answered++;
    }
    const n = Math.max(rows.length, 1);
    return {
      accuracy: (rows.length - errors.length) / n,
      answeredAccuracy: answered / n,
      fallbackRate: low / n,
      count: rows.length,
      errors,
    };
  }

  async save(dir: string): Promise<void> {
    await this.classifier.save(dir);
    writeFileAtomic(path.join(dir, CHAT_JSON), JSON.stringify(this.corpus, null, 1));
  }

  /** Reads a folder written by save; a missing or corrupt file is an error that names it. */
  static async load(dir: string): Promise<ChatBot> {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${dir}: no such model folder`);
    const file = path.join(dir, CHAT_JSON);
    if (!fs.existsSync(file)) throw new Error(`${file}: not found (expected a chatbot folder written by ChatBot.save)`);
    const corpus = parseChatCorpus(fs.readFileSync(file, 'utf8'), file);
    const classifier = await IntentClassifier.load(dir);
    const names = corpus.intents.map((i) => i.intent);
    if (names.join('\n') !== classifier.labels.join('\n')) {
      classifier.dispose();
      throw new Error(`${file}: its intents differ from the model's labels in ${dir}`);
    }
    return new ChatBot(classifier, corpus);
  }

  dispose(): void {
    this.classifier.dispose();
  }
}

/** Trains the intent model (`ensemble` seeded networks, averaged) on every utterance of the corpus. */
export async function trainChatBot(corpus: ChatCorpus, options: TrainChatBotOptions = {}): Promise<ChatBot> {
  const o = { ...TRAIN_CHAT_BOT_DEFAULTS, ...stripUndefined(options) };
  if (!(Number.isInteger(o.ensemble) && o.ensemble >= 1))
    throw new Error(`ensemble must be a positive integer, got ${o.ensemble}`);
  const rows = corpusExamples(corpus);
  const features = IntentFeaturizer.fit(
    rows.map((r) => r.text),
    o.features,
  );
  const labels = corpus.intents.map((i) => i.intent);
  const members: IntentClassifier[] = [];
  try {
    for (let k = 0; k < o.ensemble; k++) {
      const seed = o.seed + k;
      members.push(new IntentClassifier(features, labels, { hidden: o.hidden, l2: o.l2, seed }));
      await members[k].fit(rows, { epochs: o.epochs, batchSize: o.batchSize, learningRate: o.learningRate, seed });
    }
  } catch (err) {
    members.forEach((m) => m.dispose());
    throw err;
  }
  return new ChatBot(IntentClassifier.average(members), corpus);
}
