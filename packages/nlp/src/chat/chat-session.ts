/**
 * One conversation with a ChatBot: a confidence threshold with the corpus's fallback answer, and
 * multi-turn slot filling. Entity values found in any message are remembered for later turns;
 * when an intent needs a required slot that is still unknown, the session answers with the slot's
 * prompt and fills it from the next message (then answers the waiting intent). A next message
 * without the entity that is confidently another intent drops the question.
 *
 * @example
 * const chat = new ChatSession(bot);
 * chat.reply('I want to run one of the course experiments').answer; // 'Which experiment? ...'
 * chat.reply('the optimization one').answer; // '... dlkit dls optimization ...'
 */
import { Rng } from '@dlkit/core';
import { fillAnswer, type ChatIntent } from './chat-corpus';
import { NO_INTENT, type ChatBot } from './chat-bot';
import type { EntityMatch } from './entity-extractor';

export interface ChatReply {
  /** The answered intent; NO_INTENT when the fallback answered. */
  intent: string;
  /** The classifier's confidence in its best intent for this message. */
  confidence: number;
  entities: EntityMatch[];
  answer: string;
  /** The entity the answer asks for (a prompt for a missing required slot). */
  missingSlot?: string;
  /** Slot values known after this turn. */
  slots: Record<string, string>;
}

export interface ChatSessionOptions {
  /** Seeds which of an intent's answers is picked. */
  seed?: number;
}

export class ChatSession {
  /** Entity values remembered across turns. */
  readonly slots: Record<string, string> = {};
  private waiting?: { intent: ChatIntent; entity: string };
  private readonly rng: Rng;

  constructor(
    readonly bot: ChatBot,
    options: ChatSessionOptions = {},
  ) {
    this.rng = new Rng(options.seed ?? 1);
  }

  /** Forgets the remembered slot values and any question waiting for an answer. */
  reset(): void {
    for (const k of Object.keys(this.slots)) delete this.slots[k];
    this.waiting = undefined;
  }

  reply(message: string): ChatReply {
    const { intent, confidence } = this.bot.classify(message);
    const entities = this.bot.entities(message);
    for (const e of entities) this.slots[e.entity] = e.value;
    const sure = intent !== NO_INTENT && confidence >= this.bot.corpus.threshold;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting && (entities.some((e) => e.entity === waiting.entity) || !sure || intent === waiting.intent.intent))
      return this.answer(waiting.intent, confidence, entities);
    if (!sure) return this.result(NO_INTENT, confidence, entities, this.bot.corpus.fallback);
    return this.answer(this.bot.intent(intent), confidence, entities);
  }

  /** The intent's answer, or the prompt of its first missing required slot. */
  private answer(intent: ChatIntent, confidence: number, entities: EntityMatch[]): ChatReply {
    const missing = (intent.slots ?? []).find((s) => s.required && this.slots[s.entity] === undefined);
    if (missing) {
      this.waiting = { intent, entity: missing.entity };
      return { ...this.result(intent.intent, confidence, entities, missing.prompt ?? ''), missingSlot: missing.entity };
    }
    const answer = intent.answers[this.rng.int(intent.answers.length)];
    return this.result(intent.intent, confidence, entities, fillAnswer(answer, this.slots));
  }

  private result(intent: string, confidence: number, entities: EntityMatch[], answer: string): ChatReply {
    return { intent, confidence, entities, answer, slots: { ...this.slots } };
  }
}
