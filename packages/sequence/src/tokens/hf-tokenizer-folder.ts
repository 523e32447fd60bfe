/**
 * A Hugging Face tokenizer folder: `tokenizer.json`, `tokenizer_config.json` (the tokenizer class,
 * the special tokens by role, the maximum length) and `special_tokens_map.json` (the roles alone),
 * as transformers' `save_pretrained` writes them and `AutoTokenizer.from_pretrained(dir)` reads them.
 *
 * @example
 * writeTokenizerFolder('out/tok', { tokenizer: json, config: { tokenizer_class: 'BertTokenizer', unk_token: '[UNK]' } });
 * const { tokenizer, config } = readTokenizerFolder('out/tok');
 */
import * as path from 'path';
import { writeFileAtomic } from '@dlkit/core';
import {
  HfTokenizerJson,
  readJsonFile,
  readTokenizerJson,
  TokenizerFileError,
  writeTokenizerJson,
} from './hf-tokenizer-json';

export const TOKENIZER_JSON = 'tokenizer.json';
export const TOKENIZER_CONFIG_JSON = 'tokenizer_config.json';
export const SPECIAL_TOKENS_MAP_JSON = 'special_tokens_map.json';

/** Roles a special token can play; the keys of `special_tokens_map.json`. */
export const SPECIAL_TOKEN_ROLES = [
  'unk_token',
  'pad_token',
  'cls_token',
  'sep_token',
  'mask_token',
  'bos_token',
  'eos_token',
] as const;
export type SpecialTokenRole = (typeof SPECIAL_TOKEN_ROLES)[number];
export type SpecialTokensMap = Partial<Record<SpecialTokenRole, string>>;

/** `tokenizer_config.json`: snake_case because the file format is. */
export interface TokenizerConfig extends SpecialTokensMap {
  /** The transformers class to build (BertTokenizer, GPT2Tokenizer, Wav2Vec2CTCTokenizer, ...). */
  tokenizer_class: string;
  /** Longest input the model takes, in tokens. */
  model_max_length?: number;
  /** Remove spaces before punctuation when decoding (BERT: true; byte-level BPE: false, it is lossless). */
  clean_up_tokenization_spaces?: boolean;
  do_lower_case?: boolean;
  padding_side?: 'left' | 'right';
  /** Further fields a class reads (e.g. `word_delimiter_token` for CTC). */
  [field: string]: unknown;
}

export interface TokenizerFolder {
  tokenizer: HfTokenizerJson;
  config: TokenizerConfig;
}

/** The special tokens of a config, by role. */
export function specialTokensMap(config: TokenizerConfig): SpecialTokensMap {
  const map: SpecialTokensMap = {};
  for (const role of SPECIAL_TOKEN_ROLES) if (typeof config[role] === 'string') map[role] = config[role];
  return map;
}

function checkConfig(config: unknown, tokenizer: HfTokenizerJson, file: string): TokenizerConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new TokenizerFileError(file, 'expected a JSON object');
  const c = config as TokenizerConfig;
  if (typeof c.tokenizer_class !== 'string' || c.tokenizer_class === '')
    throw new TokenizerFileError(file, 'expected a string "tokenizer_class" (e.g. "BertTokenizer")');
  const known = new Set([...Object.keys(tokenizer.model.vocab), ...tokenizer.added_tokens.map((t) => t.content)]);
  for (const role of SPECIAL_TOKEN_ROLES) {
    const token = c[role];
    if (token !== undefined && !(typeof token === 'string' && known.has(token)))
      throw new TokenizerFileError(
        file,
        `expected "${role}" to be a token of tokenizer.json, got ${JSON.stringify(token)}`,
      );
  }
  return c;
}

/** Writes the three files (each atomically), after checking that every special token is in the vocabulary. */
export function writeTokenizerFolder(dir: string, folder: TokenizerFolder): string[] {
  const files = [TOKENIZER_JSON, TOKENIZER_CONFIG_JSON, SPECIAL_TOKENS_MAP_JSON].map((f) => path.join(dir, f));
  checkConfig(folder.config, folder.tokenizer, files[1]);
  writeTokenizerJson(files[0], folder.tokenizer);
  writeFileAtomic(files[1], JSON.stringify(folder.config, null, 2) + '\n');
  writeFileAtomic(files[2], JSON.stringify(specialTokensMap(folder.config), null, 2) + '\n');
  return files;
}

/** Reads and validates `tokenizer.json` and `tokenizer_config.json` of a folder. */
export function readTokenizerFolder(dir: string): TokenizerFolder {
  const tokenizer = readTokenizerJson(path.join(dir, TOKENIZER_JSON));
  const file = path.join(dir, TOKENIZER_CONFIG_JSON);
  return { tokenizer, config: checkConfig(readJsonFile(file), tokenizer, file) };
}
