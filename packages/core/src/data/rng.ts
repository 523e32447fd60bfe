/**
 * A small seeded pseudo-random generator (mulberry32) used wherever dlkit shuffles, splits,
 * initialises or generates data, so that the same seed gives the same run.
 *
 * @example
 * const rng = new Rng(42);
 * rng.uniform();          // in [0, 1)
 * rng.normal();           // standard normal (Box-Muller)
 * rng.shuffle([1, 2, 3]); // in place, Fisher-Yates
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
    this.state = seed >>> 0;
  }

  /** Current internal state, so a generator can be checkpointed and restored. */
  getState(): number {
    return this.state;
  }

  setState(state: number): void {
    this.state = state >>> 0;
  }

  /** Uniform in [0, 1). mulberry32 by Tommy Ettinger (public domain). */
  uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [low, high). */
  range(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal sample (Box-Muller transform). */
  normal(mean = 0, std = 1): number {
    const u1 = Math.max(this.uniform(), 1e-12);
    const u2 = this.uniform();
    return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A shuffled permutation of 0..n-1. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** An integer seed derived from this generator, for seeding tfjs ops (tf.randomNormal(..., seed)). */
  nextSeed(): number {
    return Math.floor(this.uniform() * 2147483647);
  }
}

/**
 * Salts that derive the seed of one random stream of a run from the run's seed (`seed ^ salt`),
 * so that the streams of one run (shuffle, validation split, ...) never draw the same numbers.
 * The values are arbitrary but fixed: every measured number in the READMEs depends on them.
 */
export const SEED_SALTS = {
  /** Trainer's `validationSplit`: which examples are held out. */
  validationSplit: 0x5eed5,
  /** The stratified train/validation/test split of an image folder (vision `loadImageFolder`). */
  imageFolderSplit: 0x5eed1,
  /** Which training digits are held out for validation (vision `trainMnist`). */
  holdOut: 0x7a1d,
  /** The per-epoch order of freshly generated training scenes (vision `trainVoxels`). */
  sceneOrder: 0x3d3d,
} as const;

export type SeedStream = keyof typeof SEED_SALTS;

/**
 * The seed of the random stream `stream` of a run seeded `seed` (an unsigned 32-bit integer).
 * @example
 * new Rng(seedFor(7, 'holdOut')).permutation(100); // the same 100-permutation for every run with seed 7
 */
export function seedFor(seed: number, stream: SeedStream): number {
  return (seed ^ SEED_SALTS[stream]) >>> 0;
}

/** 2^32 / φ (golden ratio): Knuth's multiplicative-hashing constant (also TEA's delta). */
export const GOLDEN_RATIO_32 = 0x9e3779b9;
/** The two multipliers of MurmurHash3's 32-bit finaliser fmix32 (Appleby 2011). */
export const MURMUR3_FMIX_1 = 0x85ebca6b;
export const MURMUR3_FMIX_2 = 0xc2b2ae35;
/** The multiplier of Thomas Wang's 32-bit integer hash (hash32shiftmult). */
export const WANG_HASH_MULTIPLIER = 0x27d4eb2d;
/** 7919, the 1000th prime: spreads nearby run seeds far apart (seed · 7919 + 1). */
export const DROPOUT_SEED_MULTIPLIER = 7919;

/**
 * One 32-bit seed per (seed, epoch, example), a fixed hash mix: the random draws of one example
 * in one epoch (its augmentation) do not depend on the batch it lands in, so a run resumed from a
 * checkpoint draws exactly what an uninterrupted run draws.
 * @example
 * new Rng(exampleSeed(1, epoch, 17)).uniform(); // the same for example 17 in this epoch, whatever the batch
 */
export function exampleSeed(seed: number, epoch: number, example: number): number {
  return (
    Math.imul(seed ^ GOLDEN_RATIO_32, 31) ^
    Math.imul(epoch + 1, MURMUR3_FMIX_1) ^
    Math.imul(example + 1, MURMUR3_FMIX_2)
  );
}

/**
 * The seed of item `index` of the named stream `stream` (e.g. 'train', 'test') of run seed `seed`:
 * streams with different names never share seeds, whatever their lengths.
 * @example
 * const testSceneSeed = streamSeed(1, 'test', 0);
 */
export function streamSeed(seed: number, stream: string, index: number): number {
  let h = Math.imul(seed ^ GOLDEN_RATIO_32, MURMUR3_FMIX_1) >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), MURMUR3_FMIX_2) >>> 0;
  h = Math.imul(h ^ index, WANG_HASH_MULTIPLIER) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** The first seed of a model's dropout masks, apart from its initialisers' seeds (seed, seed + 1, ...). */
export function dropoutSeed(seed: number): number {
  return seed * DROPOUT_SEED_MULTIPLIER + 1;
}
