/**
 * The intent chatbot's corpus: intents with example utterances and answers, entities with values
 * and synonyms, slots an intent needs, a fallback answer and a confidence threshold. JSON close to
 * nlp.js's corpus (`data: [{ intent, utterances, answers }]` is read as `intents`, and nlp.js's
 * `entities: { name: { options: { value: [synonyms] } } }` as a list) and to Rasa NLU's
 * (intents with examples, entities with synonyms). Every validation error names the source file
 * and the intent or field: `help-desk.json: intent "train.images" has no utterances`.
 *
 * @example
 * const corpus = readChatCorpus(helpDeskCorpusPath());
 * corpus.intents.length; // 30
 */
import * as fs from 'fs';
import * as path from 'path';
import type { LabeledText } from '../classify/labeled-text';
import { normalizeText } from '../text/normalize';

/** A piece of information an intent needs before it can answer (`{{entity}}` in its answers). */
export interface ChatSlot {
  /** Name of an entity of the corpus. */
  entity: string;
  /** A required slot that is missing is asked for with `prompt`, and filled from the next message. */
  required?: boolean;
  /** The question asked when the slot is missing. */
  prompt?: string;
}

export interface ChatIntent {
  /** Its name, e.g. "train.images". */
  intent: string;
  /** Example user messages. */
  utterances: string[];
  /** Replies, one picked per turn; `{{entity}}` is replaced by the slot's value. */
  answers: string[];
  slots?: ChatSlot[];
}

export interface ChatEntityValue {
  /** The canonical value reported and put into answers. */
  value: string;
  /** Other ways of writing it (matched case-insensitively on word boundaries, as is the value). */
  synonyms?: string[];
}

export interface ChatEntity {
  name: string;
  values: ChatEntityValue[];
}

export interface ChatCorpus {
  name: string;
  /** Only "en" is supported (the tokenizer and stemmer are English). */
  locale: string;
  /** Answer when the best intent's confidence is below the threshold. */
  fallback: string;
  /** Confidence below which the fallback answers. */
  threshold: number;
  intents: ChatIntent[];
  entities: ChatEntity[];
}

export const CHAT_CORPUS_DEFAULTS = {
  fallback: "Sorry, I did not understand that. Try rephrasing, or run 'dlkit --help'.",
  threshold: 0.5,
} as const;

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The names inside `{{...}}` placeholders of an answer. */
export function answerPlaceholders(answer: string): string[] {
  return [...answer.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Replaces each `{{name}}` by `values[name]` (left as is when missing). */
export function fillAnswer(answer: string, values: Readonly<Record<string, string>>): string {
  return answer.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** The folder of the shipped chat corpora (package data). */
function chatDataPath(file: string): string {
  // src/chat or dist/chat → package root
  return path.join(__dirname, '..', '..', 'data', 'chat', file);
}

/** `data/chat/help-desk.json`: the dlkit help desk, written for dlkit. */
export function helpDeskCorpusPath(): string {
  return chatDataPath('help-desk.json');
}

/** `data/chat/help-desk-heldout.json`: paraphrases written separately from the training utterances. */
export function helpDeskHeldOutPath(): string {
  return chatDataPath('help-desk-heldout.json');
}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseJson(content: string, source: string): Json {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) throw new Error(`${source}: expected a JSON object with "intents"`);
  return data;
}

/** A list of non-empty strings; `what` names it in errors. */
function stringList(x: unknown, what: string): string[] {
  if (!Array.isArray(x)) throw new Error(`${what} must be a list of strings`);
  return x.map((s, i) => {
    if (typeof s !== 'string') throw new Error(`${what}[${i}] must be a string, got ${JSON.stringify(s)}`);
    if (s.trim() === '') throw new Error(`${what}[${i}] is empty`);
    return s.trim();
  });
}

/** nlp.js's `{ name: { options: { value: [synonyms] } } }`, or our list of `{ name, values }`. */
function parseEntities(x: unknown, source: string): ChatEntity[] {
  if (x === undefined) return [];
  const list = isObject(x)
    ? Object.entries(x).map(([name, e]) => ({
        name,
        values: Object.entries(isObject(e) && isObject(e.options) ? e.options : {}).map(([value, synonyms]) => ({
          value,
          synonyms,
        })),
      }))
    : x;
  if (!Array.isArray(list)) throw new Error(`${source}: "entities" must be a list of { "name", "values" }`);
  const names = new Set<string>();
  return list.map((e: unknown, i) => {
    if (!isObject(e) || typeof e.name !== 'string' || e.name.trim() === '')
      throw new Error(`${source}: entities[${i}] has no "name"`);
    const name = e.name.trim();
    if (names.has(name)) throw new Error(`${source}: entity "${name}" is defined twice`);
    names.add(name);
    if (!Array.isArray(e.values) || e.values.length === 0) throw new Error(`${source}: entity "${name}" has no values`);
    const values = e.values.map((v: unknown, j) => {
      if (!isObject(v) || typeof v.value !== 'string' || v.value.trim() === '')
        throw new Error(`${source}: entity "${name}" values[${j}] has no "value"`);
      const synonyms =
        v.synonyms === undefined
          ? []
          : stringList(v.synonyms, `${source}: entity "${name}" value "${v.value}" synonyms`);
      return { value: v.value.trim(), synonyms };
    });
    return { name, values };
  });
}

function parseSlots(x: unknown, where: string, entities: ReadonlySet<string>): ChatSlot[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) throw new Error(`${where} "slots" must be a list of { "entity", "required", "prompt" }`);
  return x.map((s: unknown, i) => {
    if (!isObject(s) || typeof s.entity !== 'string') throw new Error(`${where} slots[${i}] has no "entity"`);
    if (!entities.has(s.entity)) throw new Error(`${where} slot "${s.entity}" names no entity of "entities"`);
    const required = s.required === true;
    const prompt = typeof s.prompt === 'string' && s.prompt.trim() !== '' ? s.prompt.trim() : undefined;
    if (required && !prompt) throw new Error(`${where} slot "${s.entity}" is required but has no "prompt"`);
    return { entity: s.entity, required, ...(prompt ? { prompt } : {}) };
  });
}

function parseIntent(x: unknown, i: number, source: string, entities: ReadonlySet<string>): ChatIntent {
  if (!isObject(x) || typeof x.intent !== 'string' || x.intent.trim() === '')
    throw new Error(`${source}: intents[${i}] has no "intent" name`);
  const where = `${source}: intent "${x.intent}"`;
  if (!Array.isArray(x.utterances) || x.utterances.length === 0) throw new Error(`${where} has no utterances`);
  const utterances = stringList(x.utterances, `${where} utterances`);
  if (!Array.isArray(x.answers) || x.answers.length === 0) throw new Error(`${where} has no answers`);
  const answers = stringList(x.answers, `${where} answers`);
  const slots = parseSlots(x.slots, where, entities);
  for (const a of answers) {
    for (const name of answerPlaceholders(a)) {
      if (!slots.some((s) => s.entity === name))
        throw new Error(`${where}: answer "${a}" uses {{${name}}}, which is not one of its slots`);
    }
  }
  return { intent: x.intent.trim(), utterances, answers, ...(slots.length ? { slots } : {}) };
}

/** The key two utterances are compared by: NFKC, lowercase, accents and punctuation dropped. */
export function utteranceKey(text: string): string {
  return normalizeText(text, { lowercase: true, stripAccents: true })
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Validates and reads a corpus; `source` (a file name) starts every error message. */
export function parseChatCorpus(content: string, source: string): ChatCorpus {
  const data = parseJson(content, source);
  const locale = typeof data.locale === 'string' ? data.locale : 'en';
  if (!/^en\b/i.test(locale)) throw new Error(`${source}: locale "${locale}" is not supported (only "en")`);
  const threshold = data.threshold ?? CHAT_CORPUS_DEFAULTS.threshold;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1))
    throw new Error(`${source}: "threshold" must be a number in [0, 1], got ${JSON.stringify(threshold)}`);
  if (data.fallback !== undefined && (typeof data.fallback !== 'string' || data.fallback.trim() === ''))
    throw new Error(`${source}: "fallback" must be a non-empty string`);
  const entities = parseEntities(data.entities, source);
  const rawIntents = data.intents ?? data.data;
  if (!Array.isArray(rawIntents) || rawIntents.length === 0)
    throw new Error(`${source}: no intents (expected "intents": [{ "intent", "utterances", "answers" }])`);
  const names = new Set(entities.map((e) => e.name));
  const intents = rawIntents.map((x, i) => parseIntent(x, i, source, names));
  if (intents.length < 2) throw new Error(`${source}: need at least 2 intents to classify, got ${intents.length}`);
  const owner = new Map<string, string>();
  for (const it of intents) {
    if (intents.filter((o) => o.intent === it.intent).length > 1)
      throw new Error(`${source}: intent "${it.intent}" is defined twice`);
    for (const u of it.utterances) {
      const other = owner.get(utteranceKey(u));
      if (other !== undefined && other !== it.intent)
        throw new Error(`${source}: intent "${it.intent}" utterance "${u}" is also an utterance of intent "${other}"`);
      owner.set(utteranceKey(u), it.intent);
    }
  }
  return {
    name: typeof data.name === 'string' ? data.name : path.basename(source, '.json'),
    locale,
    fallback: typeof data.fallback === 'string' ? data.fallback.trim() : CHAT_CORPUS_DEFAULTS.fallback,
    threshold,
    intents,
    entities,
  };
}

export function readChatCorpus(file: string): ChatCorpus {
  return parseChatCorpus(readText(file), file);
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Every utterance of the corpus as a labelled row (label = intent name). */
export function corpusExamples(corpus: ChatCorpus): LabeledText[] {
  return corpus.intents.flatMap((it) => it.utterances.map((text) => ({ text, label: it.intent })));
}

/**
 * A held-out file: `{ "intents": [{ "intent", "utterances" }] }` (answers not needed). Each intent
 * must be one of the corpus's; an utterance that is also a training utterance (after
 * normalisation, see utteranceKey) is an error, so the score measures paraphrases.
 */
export function parseHeldOut(content: string, source: string, corpus: ChatCorpus): LabeledText[] {
  const data = parseJson(content, source);
  const raw = data.intents ?? data.data;
  if (!Array.isArray(raw) || raw.length === 0)
    throw new Error(`${source}: no intents (expected "intents": [{ "intent", "utterances" }])`);
  const known = new Set(corpus.intents.map((i) => i.intent));
  const training = new Map(corpusExamples(corpus).map((r) => [utteranceKey(r.text), r.label]));
  return raw.flatMap((x: unknown, i) => {
    if (!isObject(x) || typeof x.intent !== 'string') throw new Error(`${source}: intents[${i}] has no "intent" name`);
    const where = `${source}: intent "${x.intent}"`;
    if (!known.has(x.intent)) throw new Error(`${where} is not an intent of the corpus "${corpus.name}"`);
    if (!Array.isArray(x.utterances) || x.utterances.length === 0) throw new Error(`${where} has no utterances`);
    return stringList(x.utterances, `${where} utterances`).map((text) => {
      const same = training.get(utteranceKey(text));
      if (same !== undefined) throw new Error(`${where} utterance "${text}" is a training utterance of "${same}"`);
      return { text, label: x.intent as string };
    });
  });
}

export function readHeldOut(file: string, corpus: ChatCorpus): LabeledText[] {
  return parseHeldOut(readText(file), file, corpus);
}
