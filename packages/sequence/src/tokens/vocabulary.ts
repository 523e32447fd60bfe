/**
 * A token vocabulary: tokens (characters, note events, words, ...) ↔ integer ids, with optional
 * special tokens first (e.g. padding, start, end). By default an unknown token is an error that
 * names the token and where it came from, never a silent id 0 (what character models want); a
 * word-level model names an `unknownToken` instead, and may drop rare tokens when built from a
 * corpus (`minCount`, `maxSize`).
 *
 * @example
 * const vocab = Vocabulary.fromCorpus(['anna', 'bob'], { specials: ['<pad>', '\n'] });
 * vocab.encode('bob');   // [ids...]
 * vocab.decode([3, 4]);  // ['b', 'n']
 * const words = Vocabulary.fromCorpus([['a', 'cat'], ['a', 'dog']], { unknownToken: '[UNK]', minCount: 2 });
 * words.encode(['a', 'cow']); // [1, 0]: 'cow' (and 'cat', 'dog', seen once) map to [UNK]
 */
export interface VocabularyOptions {
  /** Tokens given the first ids, in this order (padding usually first, id 0). */
  specials?: readonly string[];
  /**
   * Token that stands for every token outside the vocabulary. Unset (the default), an unknown token
   * is an UnknownTokenError. When set and not among `specials`, it gets the first id after them.
   */
  unknownToken?: string;
  /** Keep only corpus tokens seen at least this many times (specials are always kept). */
  minCount?: number;
  /** Upper bound on the vocabulary size, specials included: the most frequent tokens win, ties by token order. */
  maxSize?: number;
}

export class UnknownTokenError extends Error {
  constructor(
    readonly token: string,
    context: string,
  ) {
    super(`unknown token ${JSON.stringify(token)} in ${context}: it is not in the model's vocabulary`);
    this.name = 'UnknownTokenError';
  }
}

/** What `toJSON()` writes; `unknownToken` only when the vocabulary has one. */
export interface VocabularyJson {
  tokens: string[];
  unknownToken?: string;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Id of the unknown token, or undefined when unknown tokens are errors. */
  readonly unknownId: number | undefined;

  constructor(
    readonly tokens: readonly string[],
    options: Pick<VocabularyOptions, 'unknownToken'> = {},
  ) {
    if (tokens.length === 0) throw new Error('a vocabulary needs at least one token');
    tokens.forEach((t, i) => {
      if (this.ids.has(t))
        throw new Error(`duplicate token ${JSON.stringify(t)} in vocabulary (ids ${this.ids.get(t)} and ${i})`);
      this.ids.set(t, i);
    });
    const unk = options.unknownToken;
    if (unk !== undefined && !this.ids.has(unk))
      throw new Error(`the unknown token ${JSON.stringify(unk)} is not one of the vocabulary's tokens`);
    this.unknownId = unk === undefined ? undefined : this.ids.get(unk);
  }

  /**
   * Specials first (then the unknown token, if it is not among them), then the distinct tokens of
   * the corpus that pass `minCount`/`maxSize`, sorted so the ids do not depend on corpus order.
   */
  static fromCorpus(items: Iterable<Iterable<string>>, options: VocabularyOptions = {}): Vocabulary {
    const { specials = [], unknownToken, minCount = 1, maxSize = Infinity } = options;
    if (!Number.isInteger(minCount) || minCount < 1)
      throw new Error(`minCount must be an integer >= 1, got ${minCount}`);
    const head = [...specials];
    if (unknownToken !== undefined && !head.includes(unknownToken)) head.push(unknownToken);
    if (!(maxSize >= head.length + 1))
      throw new Error(`maxSize must leave room for a corpus token after ${head.length} special tokens, got ${maxSize}`);
    const counts = new Map<string, number>();
    for (const item of items) for (const token of item) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const s of head) counts.delete(s);
    let kept = [...counts].filter(([, n]) => n >= minCount);
    // An empty corpus with specials alone stays valid for character models (their historic behaviour).
    if (kept.length === 0 && (counts.size > 0 || head.length === 0 || unknownToken !== undefined)) {
      const seen = counts.size === 0 ? 'the corpus has no tokens' : `none of its ${counts.size} distinct tokens`;
      throw new Error(
        `vocabulary from corpus: ${seen}${counts.size ? ` occurs at least minCount=${minCount} times` : ''}`,
      );
    }
    if (kept.length > maxSize - head.length) {
      kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      kept = kept.slice(0, maxSize - head.length);
    }
    return new Vocabulary([...head, ...kept.map(([t]) => t).sort()], { unknownToken });
  }

  /** Rebuilds a vocabulary saved with `toJSON()`. */
  static fromJSON(json: VocabularyJson): Vocabulary {
    if (!json || !Array.isArray(json.tokens)) throw new Error('vocabulary JSON needs a "tokens" array');
    return new Vocabulary(json.tokens, { unknownToken: json.unknownToken });
  }

  get size(): number {
    return this.tokens.length;
  }

  /** The unknown token, or undefined when unknown tokens are errors. */
  get unknownToken(): string | undefined {
    return this.unknownId === undefined ? undefined : this.tokens[this.unknownId];
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  id(token: string, context = 'the input'): number {
    const id = this.ids.get(token) ?? this.unknownId;
    if (id === undefined) throw new UnknownTokenError(token, context);
    return id;
  }

  token(id: number): string {
    const t = this.tokens[id];
    if (t === undefined) throw new Error(`token id ${id} is outside the vocabulary (size ${this.size})`);
    return t;
  }

  /** Ids of a sequence of tokens (a string is split into characters). */
  encode(tokens: Iterable<string>, context?: string): number[] {
    return [...tokens].map((t) => this.id(t, context));
  }

  decode(ids: readonly number[]): string[] {
    return ids.map((i) => this.token(i));
  }

  toJSON(): VocabularyJson {
    const unk = this.unknownToken;
    return unk === undefined ? { tokens: [...this.tokens] } : { tokens: [...this.tokens], unknownToken: unk };
  }
}
