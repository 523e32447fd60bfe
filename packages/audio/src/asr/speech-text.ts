/**
 * The closed-vocabulary text of speech-to-text (issue 13 §5): digit strings and short commands
 * built from ~100 first names and ~50 command and everyday words ("call anna at seven", "stop the
 * music"). Every sentence the templates can make is enumerated once; a seeded split then holds
 * out test sentences, so the test set is made of new combinations of words the training set has,
 * never of sentences it has (`splitSentences` checks it). Words with double letters (anna, call,
 * three, coffee, hello, ...) test that the CTC blank keeps repeated characters.
 */
import { Rng } from '@dlkit/core';

/** First names, lower case (common English names; several with double letters). */
export const SPEECH_NAMES = [
  'anna', 'emma', 'ella', 'otto', 'molly', 'holly', 'harry', 'jimmy', 'tommy', 'sally',
  'kelly', 'terry', 'larry', 'bobby', 'betty', 'penny', 'jenny', 'danny', 'billy', 'lily',
  'james', 'john', 'robert', 'michael', 'david', 'richard', 'joseph', 'thomas', 'charles', 'daniel',
  'matthew', 'mark', 'paul', 'steven', 'andrew', 'kevin', 'brian', 'george', 'edward', 'ryan',
  'jacob', 'gary', 'eric', 'jason', 'frank', 'scott', 'peter', 'henry', 'adam', 'sam',
  'mary', 'linda', 'susan', 'karen', 'lisa', 'nancy', 'sarah', 'laura', 'amy', 'julia',
  'helen', 'kate', 'ruth', 'emily', 'rose', 'alice', 'grace', 'olivia', 'sophia', 'mia',
  'chloe', 'zoe', 'lucy', 'ruby', 'ivy', 'nora', 'clara', 'maya', 'eva', 'leo',
  'max', 'jack', 'luke', 'owen', 'noah', 'liam', 'ethan', 'oscar', 'felix', 'hugo',
  'victor', 'walter', 'oliver', 'william', 'nick', 'tony', 'fred', 'ben', 'tim', 'joe',
]; // prettier-ignore

/** Digits as spoken. */
export const SPEECH_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Objects of commands ("stop the music"), with the verbs that go with them. */
const THINGS: Record<string, string[]> = {
  music: ['play', 'stop', 'pause'],
  radio: ['play', 'stop', 'pause'],
  song: ['play', 'stop', 'pause'],
  lights: ['turn on', 'turn off', 'check'],
  heating: ['turn on', 'turn off', 'check'],
  door: ['open', 'close', 'lock', 'check'],
  window: ['open', 'close', 'check'],
  alarm: ['set', 'stop', 'check'],
  timer: ['set', 'stop', 'check'],
  coffee: ['make', 'order'],
  dinner: ['make', 'order'],
};
const PLACES = ['kitchen', 'office', 'garden', 'hall'];
const TIMES = ['today', 'tomorrow', 'tonight'];
const GREETINGS = ['hello', 'good morning', 'good night'];

/** Every word the sentences use (names, digits, command and everyday words), sorted. */
export function speechWords(): string[] {
  return [...new Set(allSentences().flatMap((s) => s.split(' ')))].sort();
}

/** Every sentence of the templates, in a fixed order (14,466). */
export function allSentences(): string[] {
  const out: string[] = [];
  for (const name of SPEECH_NAMES) {
    for (const d of SPEECH_DIGITS) out.push(`call ${name} at ${d}`, `meet ${name} at ${d}`);
    for (const t of TIMES) out.push(`call ${name} ${t}`, `text ${name} ${t}`);
    for (const g of GREETINGS) out.push(`${g} ${name}`);
    out.push(`call ${name}`, `send ${name} a message`, `remind ${name}`);
  }
  for (const [thing, verbs] of Object.entries(THINGS)) {
    for (const verb of verbs) {
      out.push(`${verb} the ${thing}`);
      for (const t of TIMES) out.push(`${verb} the ${thing} ${t}`);
      for (const p of PLACES) out.push(`${verb} the ${thing} in the ${p}`);
    }
  }
  for (const a of SPEECH_DIGITS) out.push(`set the timer for ${a} minutes`);
  // digit strings: three and four digits (1,000 + 10,000 of them)
  for (let n = 0; n < 1000; n++) out.push(digitString(n, 3));
  for (let n = 0; n < 10000; n++) out.push(digitString(n, 4));
  return out;
}

function digitString(n: number, digits: number): string {
  return String(n)
    .padStart(digits, '0')
    .split('')
    .map((c) => SPEECH_DIGITS[Number(c)])
    .join(' ');
}

export interface SentenceSplit {
  train: string[];
  validation: string[];
  test: string[];
}

export interface SentenceSplitOptions {
  seed: number;
  /** Sentences drawn for each set (distinct within a set; sets disjoint). */
  train: number;
  validation: number;
  test: number;
  /** Share of digit strings among the drawn sentences. */
  digitShare?: number;
}

/**
 * Seeded, disjoint train / validation / test sentences: commands and digit strings are shuffled
 * separately and dealt out, so no test sentence is a training sentence; held-out sentences are
 * drawn only among those whose every word is a training word (a word only in test would be an
 * open-vocabulary problem).
 */
export function splitSentences(o: SentenceSplitOptions): SentenceSplit {
  const rng = new Rng(o.seed);
  const all = allSentences();
  const isDigits = (s: string) => s.split(' ').every((w) => SPEECH_DIGITS.includes(w));
  const shuffled = (xs: string[]) => rng.permutation(xs.length).map((i) => xs[i]);
  const digits = shuffled(all.filter(isDigits));
  const commands = shuffled(all.filter((s) => !isDigits(s)));
  const share = o.digitShare ?? 0.25;
  const take = (n: number, allowed: (s: string) => boolean) => {
    const nd = Math.round(share * n);
    const from = (pool: string[], k: number) => {
      const picked: string[] = [];
      for (let i = 0; i < pool.length && picked.length < k;)
        if (allowed(pool[i])) picked.push(...pool.splice(i, 1));
        else i++;
      return picked;
    };
    const set = [...from(digits, nd), ...from(commands, n - nd)];
    return rng.permutation(set.length).map((i) => set[i]);
  };
  const train = take(o.train, () => true);
  const trainWords = new Set(train.flatMap((s) => s.split(' ')));
  // held-out sentences are new combinations of training words (a word never heard would be open vocabulary)
  const known = (s: string) => s.split(' ').every((w) => trainWords.has(w));
  const split = { train, validation: take(o.validation, known), test: take(o.test, known) };
  const seen = new Set(train);
  for (const s of [...split.validation, ...split.test])
    if (seen.has(s)) throw new Error(`splitSentences: "${s}" is in training and held-out sets`);
  return split;
}
