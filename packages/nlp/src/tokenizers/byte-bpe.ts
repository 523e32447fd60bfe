/**
 * A GPT-2 style byte-level BPE tokenizer (Sennrich et al. 2016; Radford et al. 2019): text split by
 * GPT-2's pre-tokenizer regex, each piece turned into bytes (written as printable characters, see
 * byte-level.ts), then merged by the learned merge rules, lowest rank first, leftmost first among
 * equals. Lossless: `decode(encode(text).ids) === text`. Offsets index the input (a word's leading
 * space belongs to its token, as in GPT-2). Saves as a Hugging Face folder (GPT2Tokenizer).
 *
 * @example
 * const tok = trainByteBpe(sentences, { vocabSize: 1000 });
 * const e = tok.encode('Hello world');
 * e.tokens;            // ['Hello', 'Ġworld'] (Ġ is the space byte)
 * tok.decode(e.ids);   // 'Hello world'
 */
import { HfBpeModel, HfTokenizerJson, readTokenizerFolder, specialAddedToken, TokenizerConfig } from '@dlkit/sequence';
import { fromByteLevel, GPT2_PRE_TOKENIZER, toByteLevel } from './byte-level';
import { TokenSpan } from './encoding';
import { SubwordTokenizer } from './subword-tokenizer';

export const BPE_END_OF_TEXT = '<|endoftext|>';

export interface ByteBpeOptions {
  /** Longest input the model takes (written as model_max_length). */
  modelMaxLength?: number;
}

export const BYTE_BPE_DEFAULTS = { modelMaxLength: 1024 } satisfies Required<ByteBpeOptions>;

const BYTE_LEVEL = { add_prefix_space: false, trim_offsets: true, use_regex: true };

/**
 * The Hugging Face folder content of a byte-level BPE: `vocab` holds the special tokens first, then
 * the 256 byte characters, then each merge's result in merge order. No post-processor: like GPT-2,
 * nothing is added around the text.
 */
export function byteBpeTokenizerJson(
  vocab: readonly string[],
  merges: readonly [string, string][],
  options: ByteBpeOptions = {},
): { tokenizer: HfTokenizerJson; config: TokenizerConfig } {
  const o = { ...BYTE_BPE_DEFAULTS, ...options };
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  if (ids[BPE_END_OF_TEXT] === undefined) throw new Error(`a byte-level BPE vocabulary needs ${BPE_END_OF_TEXT}`);
  const model: HfBpeModel = {
    type: 'BPE',
    dropout: null,
    unk_token: null,
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: false,
    byte_fallback: false,
    ignore_merges: false,
    vocab: ids,
    merges: merges.map(([a, b]) => [a, b]),
  };
  const tokenizer: HfTokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [specialAddedToken(BPE_END_OF_TEXT, ids[BPE_END_OF_TEXT])],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...BYTE_LEVEL },
    post_processor: null,
    decoder: { type: 'ByteLevel', ...BYTE_LEVEL },
    model,
  };
  const config: TokenizerConfig = {
    tokenizer_class: 'GPT2Tokenizer',
    model_max_length: o.modelMaxLength,
    clean_up_tokenization_spaces: false, // byte-level BPE is lossless; cleanup would change the text
    bos_token: BPE_END_OF_TEXT,
    eos_token: BPE_END_OF_TEXT,
    unk_token: BPE_END_OF_TEXT,
    pad_token: BPE_END_OF_TEXT,
  };
  return { tokenizer, config };
}

export class ByteBpeTokenizer extends SubwordTokenizer {
  private readonly ranks = new Map<string, number>();
  private readonly cache = new Map<string, string[]>();

  constructor(json: HfTokenizerJson, config: TokenizerConfig, where = 'tokenizer.json') {
    super(json, config);
    if (json.model.type !== 'BPE') throw new Error(`${where}: expected a BPE model, got ${json.model.type}`);
    if (json.pre_tokenizer?.type !== 'ByteLevel' || json.normalizer !== null)
      throw new Error(`${where}: expected a ByteLevel pre_tokenizer and no normalizer (a byte-level BPE)`);
    json.model.merges.forEach(([a, b], i) => this.ranks.set(a + ' ' + b, i));
  }

  static fromMerges(
    vocab: readonly string[],
    merges: readonly [string, string][],
    options: ByteBpeOptions = {},
  ): ByteBpeTokenizer {
    const { tokenizer, config } = byteBpeTokenizerJson(vocab, merges, options);
    return new ByteBpeTokenizer(tokenizer, config);
  }

  /** Loads a folder written by `save`. */
  static load(dir: string): ByteBpeTokenizer {
    const { tokenizer, config } = readTokenizerFolder(dir);
    return new ByteBpeTokenizer(tokenizer, config, `${dir}/tokenizer.json`);
  }

  protected spans(text: string): TokenSpan[] {
    const out: TokenSpan[] = [];
    for (const m of text.matchAll(GPT2_PRE_TOKENIZER)) {
      const at = m.index ?? 0;
      const bytes = toByteLevel(m[0]);
      let b = 0;
      for (const token of this.bpe(bytes.chars)) {
        const last = b + token.length - 1; // byte characters are single UTF-16 units
        out.push({ id: this.tokenToId(token) as number, start: at + bytes.start[b], end: at + bytes.end[last] });
        b = last + 1;
      }
    }
    return out;
  }

  /** Applies the merges to one pre-token: repeatedly the lowest-ranked adjacent pair, leftmost first. */
  private bpe(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const symbols = [...word];
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const r = this.ranks.get(symbols[i] + ' ' + symbols[i + 1]);
        if (r !== undefined && r < bestRank) [best, bestRank] = [i, r];
      }
      if (best < 0) break;
      symbols.splice(best, 2, symbols[best] + symbols[best + 1]);
    }
    if (this.cache.size < 10000) this.cache.set(word, symbols);
    return symbols;
  }

  protected joinTokens(tokens: string[]): string {
    // The ByteLevel decoder: runs of ordinary tokens become bytes then UTF-8; added tokens stay as written.
    let out = '';
    let run = '';
    for (const t of tokens) {
      const id = this.tokenToId(t) as number;
      if (this.isAdded(id)) {
        out += fromByteLevel(run) + t;
        run = '';
      } else run += t;
    }
    return out + fromByteLevel(run);
  }
}
