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
