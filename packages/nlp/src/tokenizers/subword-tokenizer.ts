/**
 * What the WordPiece and byte-level BPE tokenizers share: the vocabulary of a Hugging Face
 * `tokenizer.json`, special (added) tokens matched verbatim before anything else, the
 * TemplateProcessing post-processor ([CLS] $A [SEP], pairs with type ids), truncation and padding,
 * offsets into the input, decoding, and saving as a Hugging Face folder. Each subclass supplies
 * how a stretch of ordinary text becomes token spans, and how tokens join back into text. The
 * behaviour follows transformers.js 4.3 (`@huggingface/tokenizers` 0.2), which the parity test checks.
 */
import { HfTokenizerJson, TokenizerConfig, writeTokenizerFolder } from '@dlkit/sequence';
import {
  DecodeOptions,
  ENCODE_DEFAULTS,
  EncodeOptions,
  Encoding,
  padEncoding,
  TokenSpan,
  truncatePair,
} from './encoding';

type TemplateItem =
  { SpecialToken: { id: string; type_id: number } } | { Sequence: { id: 'A' | 'B'; type_id: number } };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** transformers' clean_up_tokenization: no space before . ? ! , and English contractions. */
export function cleanUpTokenization(text: string): string {
  return text
    .replace(/ \./g, '.')
    .replace(/ \?/g, '?')
    .replace(/ !/g, '!')
    .replace(/ ,/g, ',')
    .replace(/ ' /g, "'")
    .replace(/ n't/g, "n't")
    .replace(/ 'm/g, "'m")
    .replace(/ 's/g, "'s")
    .replace(/ 've/g, "'ve")
    .replace(/ 're/g, "'re");
}

export abstract class SubwordTokenizer {
  private readonly ids = new Map<string, number>();
  private readonly vocabTokens: string[] = [];
  private readonly specialIds = new Set<number>();
  private readonly addedIds = new Set<number>();
  /** Matches any added token (longest first), or null when there are none. */
  private readonly addedPattern: RegExp | null;
  private readonly template: { single: TemplateItem[]; pair: TemplateItem[] } | null;

  constructor(
    readonly json: HfTokenizerJson,
    readonly config: TokenizerConfig,
  ) {
    for (const [token, id] of Object.entries(json.model.vocab)) this.setToken(token, id);
    for (const t of json.added_tokens) {
      this.setToken(t.content, t.id);
      this.addedIds.add(t.id);
      if (t.special) this.specialIds.add(t.id);
    }
    const added = json.added_tokens.map((t) => t.content).sort((a, b) => b.length - a.length);
    this.addedPattern = added.length ? new RegExp(added.map(escapeRegExp).join('|'), 'g') : null;
    const pp = json.post_processor;
    this.template = pp?.type === 'TemplateProcessing' ? (pp as unknown as SubwordTokenizer['template']) : null;
  }

  private setToken(token: string, id: number): void {
    this.ids.set(token, id);
    this.vocabTokens[id] = token;
  }

  /** The token spans of ordinary text (no added tokens in it); offsets index `text`. */
  protected abstract spans(text: string): TokenSpan[];

  /** Joins tokens (special ones included unless skipped) into text, as the format's decoder does. */
  protected abstract joinTokens(tokens: string[]): string;

  get vocabSize(): number {
    return this.vocabTokens.length;
  }

  tokenToId(token: string): number | undefined {
    return this.ids.get(token);
  }

  idToToken(id: number): string {
    const t = this.vocabTokens[id];
    if (t === undefined) throw new Error(`token id ${id} is outside the vocabulary (size ${this.vocabSize})`);
    return t;
  }

  /** An added token: matched verbatim in the input, kept verbatim by decoders. */
  isAdded(id: number): boolean {
    return this.addedIds.has(id);
  }

  isSpecial(id: number): boolean {
    return this.specialIds.has(id);
  }

  /** Tokens of a text without special tokens, with offsets into it. */
  tokenize(text: string): TokenSpan[] {
    const out: TokenSpan[] = [];
    const plain = (from: number, to: number): void => {
      if (to > from)
        for (const s of this.spans(text.slice(from, to)))
          out.push({ id: s.id, start: s.start + from, end: s.end + from });
    };
    let last = 0;
    if (this.addedPattern)
      for (const m of text.matchAll(this.addedPattern)) {
        const at = m.index ?? 0;
        plain(last, at);
        out.push({ id: this.ids.get(m[0]) as number, start: at, end: at + m[0].length });
        last = at + m[0].length;
      }
    plain(last, text.length);
    return out;
  }

  encode(text: string, options: EncodeOptions = {}): Encoding {
    return this.build(this.tokenize(text), null, options);
  }

  /** Two texts in one encoding (question and context, sentence pairs): type ids 0 then 1. */
  encodePair(text: string, pair: string, options: EncodeOptions = {}): Encoding {
    return this.build(this.tokenize(text), this.tokenize(pair), options);
  }

  /** Encodes each text; `padding: 'longest'` pads them all to the longest. */
  encodeBatch(texts: readonly string[], options: EncodeOptions = {}): Encoding[] {
    const { padding, ...rest } = options;
    const out = texts.map((t) => this.encode(t, { ...rest, padding: padding === 'max_length' ? padding : false }));
    if (padding === 'longest') {
      const longest = Math.max(0, ...out.map((e) => e.ids.length));
      for (const e of out) padEncoding(e, longest, this.padId(), this.idToToken(this.padId()));
    }
    return out;
  }

  decode(ids: readonly number[], options: DecodeOptions = {}): string {
    const kept = options.skipSpecialTokens ? ids.filter((id) => !this.isSpecial(id)) : ids;
    const text = this.joinTokens(kept.map((id) => this.idToToken(id)));
    return this.config.clean_up_tokenization_spaces === false ? text : cleanUpTokenization(text);
  }

  /** Writes `tokenizer.json`, `tokenizer_config.json` and `special_tokens_map.json`; returns the files. */
  save(dir: string): string[] {
    return writeTokenizerFolder(dir, { tokenizer: this.json, config: this.config });
  }

  private padId(): number {
    const pad = this.config.pad_token;
    const id = pad === undefined ? undefined : this.ids.get(pad);
    if (id === undefined) throw new Error('padding needs a pad_token in tokenizer_config.json');
    return id;
  }

  private build(a: TokenSpan[], b: TokenSpan[] | null, options: EncodeOptions): Encoding {
    const o = { ...ENCODE_DEFAULTS, ...options };
    const items: TemplateItem[] =
      o.addSpecialTokens && this.template
        ? this.template[b ? 'pair' : 'single']
        : [{ Sequence: { id: 'A', type_id: 0 } }, ...(b ? [{ Sequence: { id: 'B' as const, type_id: 1 } }] : [])];
    if (o.maxLength !== undefined) {
      if (!Number.isInteger(o.maxLength) || o.maxLength < 1)
        throw new Error(`maxLength must be a positive integer, got ${o.maxLength}`);
      [a, b] = truncatePair(a, b, o.maxLength - items.filter((i) => 'SpecialToken' in i).length);
    }
    const e: Encoding = { ids: [], tokens: [], attentionMask: [], typeIds: [], offsets: [] };
    const push = (id: number, typeId: number, offset: [number, number]): void => {
      e.ids.push(id);
      e.tokens.push(this.idToToken(id));
      e.attentionMask.push(1);
      e.typeIds.push(typeId);
      e.offsets.push(offset);
    };
    for (const item of items) {
      if ('SpecialToken' in item) push(this.ids.get(item.SpecialToken.id) as number, item.SpecialToken.type_id, [0, 0]);
      else
        for (const s of (item.Sequence.id === 'A' ? a : b) ?? []) push(s.id, item.Sequence.type_id, [s.start, s.end]);
    }
    if (o.padding === 'max_length') {
      if (o.maxLength === undefined) throw new Error("padding 'max_length' needs maxLength");
      padEncoding(e, o.maxLength, this.padId(), this.idToToken(this.padId()));
    }
    return e;
  }
}
