/**
 * A table of word vectors with the queries of word2vec and GloVe: cosine similarity, nearest
 * neighbours, and analogies a : b :: c : ? by 3CosAdd (Mikolov et al. 2013: the word closest to
 * b − a + c) or 3CosMul (Levy & Goldberg 2014), the question words excluded from the answers.
 *
 * @example
 * const wv = new WordVectors(['man', 'woman', 'king', 'queen'], vectors, 50); // vectors: Float32Array [4 * 50]
 * wv.similarity('king', 'queen');
 * wv.nearest('king', { k: 3 }); // [{ word, similarity }, ...]
 * wv.analogy('man', 'king', 'woman'); // [{ word: 'queen', score }]
 */
export interface NearestOptions {
  /** How many neighbours. */
  k?: number;
  /** Words never returned (the query word itself is always excluded when the query is a word). */
  exclude?: Iterable<string>;
}

export interface AnalogyOptions {
  /** 'add' = 3CosAdd, 'mul' = 3CosMul. */
  method?: 'add' | 'mul';
  /** How many answers. */
  k?: number;
}

export interface ScoredWord {
  word: string;
  /** Cosine similarity (nearest) or the analogy method's score. */
  score: number;
}

/** Levy & Goldberg (2014) add ε = 0.001 to 3CosMul's denominator. */
const COSMUL_EPSILON = 1e-3;

export class WordVectors {
  private readonly index: Map<string, number>;
  private unitRows?: Float32Array;

  /**
   * @param words one per row, no duplicates
   * @param vectors [words.length * dim], row-major
   */
  constructor(
    readonly words: string[],
    readonly vectors: Float32Array,
    readonly dim: number,
  ) {
    if (!(Number.isInteger(dim) && dim >= 1)) throw new Error(`dim must be a positive integer, got ${dim}`);
    if (vectors.length !== words.length * dim)
      throw new Error(`expected ${words.length} × ${dim} = ${words.length * dim} values, got ${vectors.length}`);
    this.index = new Map();
    words.forEach((w, i) => {
      if (this.index.has(w)) throw new Error(`duplicate word '${w}' at rows ${this.index.get(w)} and ${i}`);
      this.index.set(w, i);
    });
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Row of a word; an unknown word is an error that names it. */
  id(word: string): number {
    const i = this.index.get(word);
    if (i === undefined) throw new Error(`unknown word '${word}' (not among the ${this.size} words of the vectors)`);
    return i;
  }

  /** A copy of a word's vector, [dim]. */
  vector(word: string): Float32Array {
    const i = this.id(word);
    return this.vectors.slice(i * this.dim, (i + 1) * this.dim);
  }

  /** Every row scaled to unit length (zero rows stay zero), [size * dim]; computed once. */
  unitVectors(): Float32Array {
    if (!this.unitRows) this.unitRows = unitRows(this.vectors, this.dim);
    return this.unitRows;
  }

  /** A copy whose rows have unit length. */
  normalized(): WordVectors {
    return new WordVectors(this.words.slice(), this.unitVectors().slice(), this.dim);
  }

  similarity(a: string, b: string): number {
    const u = this.unitVectors();
    const i = this.id(a) * this.dim;
    const j = this.id(b) * this.dim;
    let s = 0;
    for (let d = 0; d < this.dim; d++) s += u[i + d] * u[j + d];
    return s;
  }

  /** Cosine similarity of every word to `query` ([dim], any length), [size]. */
  similarities(query: Float32Array): Float32Array {
    const u = this.unitVectors();
    const dim = this.dim;
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += query[d] * query[d];
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const out = new Float32Array(this.size);
    for (let i = 0, o = 0; i < out.length; i++, o += dim) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += u[o + d] * query[d];
      out[i] = s * scale;
    }
    return out;
  }

  /** The k words most similar to a word or to a vector [dim]. */
  nearest(query: string | Float32Array, options: NearestOptions = {}): ScoredWord[] {
    const exclude = new Set(options.exclude ?? []);
    if (typeof query === 'string') exclude.add(query);
    const vector = typeof query === 'string' ? this.vector(query) : query;
    return this.top(this.similarities(vector), options.k ?? 10, exclude);
  }

  /** Answers to a : b :: c : ? (e.g. man : king :: woman : queen), question words excluded. */
  analogy(a: string, b: string, c: string, options: AnalogyOptions = {}): ScoredWord[] {
    const { method = 'add', k = 1 } = options;
    const [va, vb, vc] = [a, b, c].map((w) =>
      this.unitVectors().subarray(this.id(w) * this.dim, (this.id(w) + 1) * this.dim),
    );
    let scores: Float32Array;
    if (method === 'add') {
      const target = new Float32Array(this.dim);
      for (let d = 0; d < this.dim; d++) target[d] = vb[d] - va[d] + vc[d];
      scores = this.similarities(target);
    } else if (method === 'mul') {
      // cosines shifted to [0, 1] as Levy & Goldberg do, so that the product is meaningful
      const [sa, sb, sc] = [va, vb, vc].map((v) => this.similarities(v));
      scores = new Float32Array(this.size);
      for (let i = 0; i < scores.length; i++)
        scores[i] = (((sb[i] + 1) / 2) * ((sc[i] + 1) / 2)) / ((sa[i] + 1) / 2 + COSMUL_EPSILON);
    } else {
      throw new Error(`analogy method must be 'add' or 'mul', got '${String(method)}'`);
    }
    return this.top(scores, k, new Set([a, b, c]));
  }

  private top(scores: Float32Array, k: number, exclude: Set<string>): ScoredWord[] {
    if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be a positive integer, got ${k}`);
    const best: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (best.length === k && scores[i] <= scores[best[k - 1]]) continue;
      if (exclude.has(this.words[i])) continue;
      let p = best.length < k ? best.length : k - 1;
      while (p > 0 && scores[best[p - 1]] < scores[i]) p--;
      best.splice(p, 0, i);
      if (best.length > k) best.pop();
    }
    return best.map((i) => ({ word: this.words[i], score: scores[i] }));
  }
}

/** Rows of `vectors` ([rows * dim]) scaled to unit length; zero rows stay zero. */
export function unitRows(vectors: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(vectors.length);
  for (let o = 0; o < vectors.length; o += dim) {
    let n = 0;
    for (let d = 0; d < dim; d++) n += vectors[o + d] * vectors[o + d];
    const s = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let d = 0; d < dim; d++) out[o + d] = vectors[o + d] * s;
  }
  return out;
}
