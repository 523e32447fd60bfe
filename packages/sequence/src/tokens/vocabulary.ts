/**
 * A token vocabulary: tokens (characters, note events, ...) ↔ integer ids, with optional special
 * tokens first (e.g. padding, start, end). Unknown tokens are an error that names the token and
 * where it came from, never a silent id 0.
 *
 * @example
 * const vocab = Vocabulary.fromCorpus(['anna', 'bob'], { specials: ['<pad>', '\n'] });
 * vocab.encode('bob');   // [ids...]
 * vocab.decode([3, 4]);  // ['b', 'n']
 */
export interface VocabularyOptions {
  /** Tokens given the first ids, in this order (padding usually first, id 0). */
  specials?: readonly string[];
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

export class Vocabulary {
  private readonly ids = new Map<string, number>();

  constructor(readonly tokens: readonly string[]) {
    if (tokens.length === 0) throw new Error('a vocabulary needs at least one token');
    tokens.forEach((t, i) => {
      if (this.ids.has(t))
        throw new Error(`duplicate token ${JSON.stringify(t)} in vocabulary (ids ${this.ids.get(t)} and ${i})`);
      this.ids.set(t, i);
    });
  }

  /** Specials first, then every distinct token of the corpus (sorted, so the ids do not depend on corpus order). */
  static fromCorpus(items: Iterable<Iterable<string>>, options: VocabularyOptions = {}): Vocabulary {
    const specials = options.specials ?? [];
    const seen = new Set<string>();
    for (const item of items) for (const token of item) seen.add(token);
    for (const s of specials) seen.delete(s);
    return new Vocabulary([...specials, ...[...seen].sort()]);
  }

  /** Rebuilds a vocabulary saved with `toJSON()`. */
  static fromJSON(json: { tokens: string[] }): Vocabulary {
    if (!json || !Array.isArray(json.tokens)) throw new Error('vocabulary JSON needs a "tokens" array');
    return new Vocabulary(json.tokens);
  }

  get size(): number {
    return this.tokens.length;
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  id(token: string, context = 'the input'): number {
    const id = this.ids.get(token);
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

  toJSON(): { tokens: string[] } {
    return { tokens: [...this.tokens] };
  }
}
