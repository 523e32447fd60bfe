/**
 * The Hugging Face `tokenizer.json` format (the `tokenizers` library's serialisation, read by
 * transformers and transformers.js): types for the parts dlkit writes, reading with validation
 * (errors name the file and what was expected), and atomic writing. The models dlkit uses are
 * WordPiece (BERT), BPE (GPT-2 byte-level) and WordLevel (one id per token, e.g. the characters of
 * a CTC tokenizer); normalizers, pre-tokenizers, post-processors and decoders are kept as typed
 * records with a `type` field, passed through as they are.
 *
 * @example
 * const json = readTokenizerJson('model/tokenizer.json'); // throws TokenizerFileError on a bad file
 * json.model.vocab['[CLS]'];
 * writeTokenizerJson('copy/tokenizer.json', json);
 */
import * as fs from 'fs';
import { writeFileAtomic } from '@dlkit/core';

/** One entry of `added_tokens`: tokens matched before normalisation (special tokens among them). */
export interface HfAddedToken {
  id: number;
  content: string;
  single_word: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

/** A normalizer, pre-tokenizer, post-processor or decoder: a `type` plus its own fields. */
export interface HfComponent {
  type: string;
  [field: string]: unknown;
}

export interface HfWordPieceModel {
  type: 'WordPiece';
  unk_token: string;
  continuing_subword_prefix: string;
  max_input_chars_per_word: number;
  vocab: Record<string, number>;
}

export interface HfBpeModel {
  type: 'BPE';
  dropout: null;
  unk_token: string | null;
  continuing_subword_prefix: string | null;
  end_of_word_suffix: string | null;
  fuse_unk: boolean;
  byte_fallback: boolean;
  ignore_merges: boolean;
  vocab: Record<string, number>;
  /** Merge rules in priority order, each a pair of tokens. */
  merges: [string, string][];
}

export interface HfWordLevelModel {
  type: 'WordLevel';
  unk_token: string;
  vocab: Record<string, number>;
}

export type HfTokenizerModel = HfWordPieceModel | HfBpeModel | HfWordLevelModel;

export interface HfTokenizerJson {
  version: '1.0';
  truncation: null;
  padding: null;
  added_tokens: HfAddedToken[];
  normalizer: HfComponent | null;
  pre_tokenizer: HfComponent | null;
  post_processor: HfComponent | null;
  decoder: HfComponent | null;
  model: HfTokenizerModel;
}

/** A tokenizer file that cannot be read, is not JSON, or does not hold what the format needs. */
export class TokenizerFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'TokenizerFileError';
  }
}

const MODEL_TYPES = ['WordPiece', 'BPE', 'WordLevel'];

/** An added-token entry for a special token (matched verbatim, never normalised or split). */
export function specialAddedToken(content: string, id: number): HfAddedToken {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}

/** Reads a JSON file, naming the file when it is missing or not JSON. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new TokenizerFileError(file, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new TokenizerFileError(file, `expected JSON: ${(err as Error).message}`);
  }
}

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function checkComponent(file: string, json: Record<string, unknown>, key: string): void {
  const c = json[key];
  if (c === undefined) throw new TokenizerFileError(file, `expected a "${key}" field (an object or null)`);
  if (c !== null && !(isRecord(c) && typeof c.type === 'string'))
    throw new TokenizerFileError(file, `expected "${key}" to be null or an object with a string "type"`);
}

/** Checks that the vocabulary's ids are distinct integers 0..n-1 (the format's invariant). */
function checkVocab(file: string, vocab: unknown): void {
  if (!isRecord(vocab) || Object.keys(vocab).length === 0)
    throw new TokenizerFileError(file, 'expected "model.vocab" to be a non-empty object of token → id');
  const entries = Object.entries(vocab);
  const seen = new Set<number>();
  for (const [token, id] of entries) {
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) >= entries.length || seen.has(id as number))
      throw new TokenizerFileError(
        file,
        `expected "model.vocab" ids to be distinct integers 0..${entries.length - 1}, ` +
          `got ${JSON.stringify(id)} for ${JSON.stringify(token)}`,
      );
    seen.add(id as number);
  }
}

/** Validates parsed `tokenizer.json` content; `file` names the source in errors. */
export function validateTokenizerJson(json: unknown, file: string): HfTokenizerJson {
  if (!isRecord(json)) throw new TokenizerFileError(file, 'expected a JSON object');
  const model = json.model;
  if (!isRecord(model) || !MODEL_TYPES.includes(model.type as string))
    throw new TokenizerFileError(
      file,
      `expected "model.type" to be one of ${MODEL_TYPES.join(', ')}, got ${JSON.stringify(isRecord(model) ? model.type : model)}`,
    );
  checkVocab(file, model.vocab);
  const vocab = model.vocab as Record<string, number>;
  if (model.type === 'WordPiece' && typeof model.continuing_subword_prefix !== 'string')
    throw new TokenizerFileError(file, 'expected a string "model.continuing_subword_prefix" for WordPiece');
  if (model.type !== 'BPE' && !(typeof model.unk_token === 'string' && has(vocab, model.unk_token)))
    throw new TokenizerFileError(
      file,
      `expected "model.unk_token" to be a token of the vocabulary, got ${JSON.stringify(model.unk_token)}`,
    );
  if (model.type === 'BPE') {
    if (!Array.isArray(model.merges))
      throw new TokenizerFileError(file, 'expected "model.merges" to be an array for BPE');
    model.merges.forEach((m: unknown, i) => {
      const pair = typeof m === 'string' ? m.split(' ') : m;
      if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((t) => typeof t === 'string' && has(vocab, t)))
        throw new TokenizerFileError(
          file,
          `expected merge ${i} to be a pair of vocabulary tokens, got ${JSON.stringify(m)}`,
        );
    });
  }
  for (const key of ['normalizer', 'pre_tokenizer', 'post_processor', 'decoder']) checkComponent(file, json, key);
  if (!Array.isArray(json.added_tokens)) throw new TokenizerFileError(file, 'expected an "added_tokens" array');
  json.added_tokens.forEach((t: unknown, i) => {
    if (!isRecord(t) || typeof t.content !== 'string' || !Number.isInteger(t.id))
      throw new TokenizerFileError(file, `expected added_tokens[${i}] to have a string "content" and an integer "id"`);
    if (has(vocab, t.content) && vocab[t.content] !== t.id)
      throw new TokenizerFileError(
        file,
        `added token ${JSON.stringify(t.content)} has id ${t.id} but the vocabulary says ${vocab[t.content]}`,
      );
  });
  return json as unknown as HfTokenizerJson;
}

/** Reads and validates a `tokenizer.json` file. */
export function readTokenizerJson(file: string): HfTokenizerJson {
  return validateTokenizerJson(readJsonFile(file), file);
}

/** Validates, then writes atomically (a reader never sees half a file). */
export function writeTokenizerJson(file: string, json: HfTokenizerJson): void {
  validateTokenizerJson(json, file);
  writeFileAtomic(file, JSON.stringify(json, null, 2) + '\n');
}
