/**
 * A BERT-style WordPiece tokenizer (Schuster & Nakajima 2012; Devlin et al. 2019): text normalised
 * (NFKC, optionally lowercased and accent-stripped), split on whitespace and punctuation, then each
 * word split greedily into the longest vocabulary pieces, continuation pieces prefixed with `##`;
 * a word that cannot be split becomes [UNK]. Encodings are [CLS] A [SEP] (pairs: [CLS] A [SEP] B
 * [SEP], type ids 0 then 1), with offsets into the input. Saves as a Hugging Face folder that
 * transformers.js and transformers load as a BertTokenizer.
 *
 * @example
 * const tok = trainWordPiece(sentences, { vocabSize: 2000 });
 * const e = tok.encode('The cat sat.', { maxLength: 16, padding: 'max_length' });
 * e.ids; e.attentionMask; e.offsets; // [[0, 0], [0, 3], ...]
 * tok.decode(e.ids, { skipSpecialTokens: true }); // 'the cat sat.'
 * tok.save('out/wordpiece');
 */
import {
  HfComponent,
  HfTokenizerJson,
  HfWordPieceModel,
  readTokenizerFolder,
  specialAddedToken,
  TokenizerConfig,
} from '@dlkit/sequence';
import { NormalizeOptions } from '../text/normalize';
import { normalizeWithOffsets } from '../text/normalize-offsets';
import { TokenSpan } from './encoding';
import { cleanUpTokenization, SubwordTokenizer } from './subword-tokenizer';

export const WORDPIECE_SPECIALS = { pad: '[PAD]', unk: '[UNK]', cls: '[CLS]', sep: '[SEP]', mask: '[MASK]' } as const;
export const WORDPIECE_PREFIX = '##';

// BertPreTokenizer: runs of non-space non-punctuation, or one punctuation character. Punctuation is
// Unicode P plus every ASCII symbol, as in BERT's BasicTokenizer and the tokenizers library.
const PUNCT = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
export const BERT_PRE_TOKENIZER = new RegExp(`[^\\s${PUNCT}]+|[${PUNCT}]`, 'gu');

export interface WordPieceOptions extends NormalizeOptions {
  /** Longer words become [UNK] without being split. */
  maxInputCharsPerWord?: number;
  /** Longest input the model takes (written as model_max_length). */
  modelMaxLength?: number;
}

export const WORDPIECE_DEFAULTS = {
  lowercase: true,
  stripAccents: true,
  maxInputCharsPerWord: 100,
  modelMaxLength: 512,
} satisfies Required<WordPieceOptions>;

/** The normalizer that reproduces normalizeText in the tokenizers format. */
export function normalizerJson(o: NormalizeOptions): HfComponent {
  const steps: HfComponent[] = [{ type: 'NFKC' }];
  if (o.lowercase) steps.push({ type: 'Lowercase' });
  if (o.stripAccents) steps.push({ type: 'NFD' }, { type: 'StripAccents' }, { type: 'NFC' });
  return { type: 'Sequence', normalizers: steps };
}

/** The Hugging Face folder content of a WordPiece vocabulary (specials first, as written by trainWordPiece). */
export function wordPieceTokenizerJson(
  vocab: readonly string[],
  options: WordPieceOptions = {},
): { tokenizer: HfTokenizerJson; config: TokenizerConfig } {
  const o = { ...WORDPIECE_DEFAULTS, ...options };
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const S = WORDPIECE_SPECIALS;
  for (const s of Object.values(S))
    if (ids[s] === undefined) throw new Error(`a WordPiece vocabulary needs the special token ${s}`);
  const special = (t: string, typeId: number) => ({ SpecialToken: { id: t, type_id: typeId } });
  const seq = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  const tokenizer: HfTokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: Object.values(S).map((t) => specialAddedToken(t, ids[t])),
    normalizer: normalizerJson(o),
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(S.cls, 0), seq('A', 0), special(S.sep, 0)],
      pair: [special(S.cls, 0), seq('A', 0), special(S.sep, 0), seq('B', 1), special(S.sep, 1)],
      special_tokens: Object.fromEntries([S.cls, S.sep].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: WORDPIECE_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: S.unk,
      continuing_subword_prefix: WORDPIECE_PREFIX,
      max_input_chars_per_word: o.maxInputCharsPerWord,
      vocab: ids,
    },
  };
  const config: TokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: o.lowercase,
    strip_accents: o.stripAccents,
    model_max_length: o.modelMaxLength,
    clean_up_tokenization_spaces: true,
    unk_token: S.unk,
    pad_token: S.pad,
    cls_token: S.cls,
    sep_token: S.sep,
    mask_token: S.mask,
  };
  return { tokenizer, config };
}

/** Reads the normalisation steps back from a normalizer this project wrote. */
function normalizeOptionsOf(json: HfTokenizerJson, where: string): NormalizeOptions {
  const n = json.normalizer as { type: string; normalizers?: HfComponent[] } | null;
  const steps = n?.type === 'Sequence' ? (n.normalizers ?? []).map((s) => s.type) : [];
  const o = { lowercase: steps.includes('Lowercase'), stripAccents: steps.includes('StripAccents') };
  if (JSON.stringify(normalizerJson(o)) !== JSON.stringify(n))
    throw new Error(
      `${where}: expected the normalizer this project writes (NFKC, Lowercase, NFD+StripAccents+NFC), got ${JSON.stringify(n)}`,
    );
  return o;
}

export class WordPieceTokenizer extends SubwordTokenizer {
  private readonly normalize: NormalizeOptions;
  private readonly model: HfWordPieceModel;

  constructor(json: HfTokenizerJson, config: TokenizerConfig, where = 'tokenizer.json') {
    super(json, config);
    if (json.model.type !== 'WordPiece')
      throw new Error(`${where}: expected a WordPiece model, got ${json.model.type}`);
    if (json.pre_tokenizer?.type !== 'BertPreTokenizer')
      throw new Error(`${where}: expected a BertPreTokenizer pre_tokenizer, got ${JSON.stringify(json.pre_tokenizer)}`);
    this.model = json.model;
    this.normalize = normalizeOptionsOf(json, where);
  }

  static fromVocab(vocab: readonly string[], options: WordPieceOptions = {}): WordPieceTokenizer {
    const { tokenizer, config } = wordPieceTokenizerJson(vocab, options);
    return new WordPieceTokenizer(tokenizer, config);
  }

  /** Loads a folder written by `save` (validated by sequence's readTokenizerFolder). */
  static load(dir: string): WordPieceTokenizer {
    const { tokenizer, config } = readTokenizerFolder(dir);
    return new WordPieceTokenizer(tokenizer, config, `${dir}/tokenizer.json`);
  }

  /** Ids of the continuation pieces ("##ing"): what whole-word masking joins to the piece before. */
  continuationIds(): number[] {
    const prefix = this.model.continuing_subword_prefix;
    return Object.entries(this.model.vocab).flatMap(([piece, id]) => (piece.startsWith(prefix) ? [id] : []));
  }

  protected spans(text: string): TokenSpan[] {
    const n = normalizeWithOffsets(text, this.normalize);
    const out: TokenSpan[] = [];
    for (const m of n.text.matchAll(BERT_PRE_TOKENIZER)) {
      const at = m.index ?? 0;
      const span = (from: number, to: number): [number, number] => [n.start[at + from], n.end[at + to - 1]];
      for (const [id, from, to] of this.wordPieces(m[0])) {
        const [start, end] = span(from, to);
        out.push({ id, start, end });
      }
    }
    return out;
  }

  /** Greedy longest-match-first pieces of one word: [id, start, end) in UTF-16 units of the word. */
  private wordPieces(word: string): [number, number, number][] {
    const unk: [number, number, number][] = [[this.tokenToId(this.model.unk_token) as number, 0, word.length]];
    const chars = [...word];
    if (chars.length > this.model.max_input_chars_per_word) return unk;
    const unitAt = [0]; // UTF-16 offset of each character boundary
    for (const c of chars) unitAt.push(unitAt[unitAt.length - 1] + c.length);
    const pieces: [number, number, number][] = [];
    for (let start = 0; start < chars.length;) {
      let end = chars.length;
      let id: number | undefined;
      for (; end > start; end--) {
        const piece = (start > 0 ? this.model.continuing_subword_prefix : '') + word.slice(unitAt[start], unitAt[end]);
        if ((id = this.tokenToId(piece)) !== undefined) break;
      }
      if (id === undefined) return unk;
      pieces.push([id, unitAt[start], unitAt[end]]);
      start = end;
    }
    return pieces;
  }

  protected joinTokens(tokens: string[]): string {
    // The WordPiece decoder: pieces glue onto the previous token, words get a space; cleanup per token.
    const prefix = this.model.continuing_subword_prefix;
    return tokens
      .map((t, i) => (i === 0 ? t : t.startsWith(prefix) ? t.slice(prefix.length) : ' ' + t))
      .map((t) => (this.json.decoder?.cleanup ? cleanUpTokenization(t) : t))
      .join('');
  }
}
