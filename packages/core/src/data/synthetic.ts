/**
 * The curriculum's generated 2-D classification sets, seeded with `Rng` so a seed gives the same
 * points: the planar "flower" (DLS course 1 week 3), make_circles-like and make_moons-like sets
 * (scikit-learn generators used in course 2 weeks 1 and 2), and a noisy "football"-like set for
 * the regularization lab (course 2 week 1).
 */
import { Rng } from './rng';
import type { SyntheticDataset } from './synthetic-dataset';

export {
  concatSynthetic,
  positiveRate,
  syntheticRow,
  syntheticSubset,
  syntheticTensors,
  trainTestSplit,
} from './synthetic-dataset';
export type { SyntheticDataset, TrainTestSplitOptions } from './synthetic-dataset';

/** numpy.linspace(start, stop, n, endpoint). */
function linspace(start: number, stop: number, n: number, endpoint = true): number[] {
  const div = endpoint ? n - 1 : n;
  const step = div > 0 ? (stop - start) / div : 0;
  return Array.from({ length: n }, (_, i) => start + i * step);
}

function checkCount(fn: string, name: string, n: number, min = 2): void {
  if (!Number.isInteger(n) || n < min) throw new Error(`${fn}: ${name} must be an integer >= ${min}, got ${n}`);
}

function checkNoise(fn: string, noise: number): void {
  if (!(noise >= 0 && Number.isFinite(noise)))
    throw new Error(`${fn}: noise must be a finite number >= 0, got ${noise}`);
}

/** Builds a dataset from points and labels, shuffled by `rng` when given (sklearn's shuffle=True). */
function build(points: number[][], labels: number[], rng: Rng | null): SyntheticDataset {
  const m = points.length;
  const order = rng ? rng.permutation(m) : Array.from({ length: m }, (_, i) => i);
  const x = new Float32Array(m * 2);
  const y = new Float32Array(m);
  order.forEach((src, k) => {
    x[2 * k] = points[src][0];
    x[2 * k + 1] = points[src][1];
    y[k] = labels[src];
  });
  return { x, shape: [m, 2], y };
}

export interface PlanarFlowerOptions {
  /** Number of points, split evenly between the two classes. */
  m?: number;
  /** Petal length: the radius is a * sin(4 t). */
  a?: number;
  /** Std of the Gaussian noise added to the angle t and the radius r. */
  noise?: number;
  seed?: number;
}

const FLOWER_DEFAULTS: Required<PlanarFlowerOptions> = { m: 400, a: 4, noise: 0.2, seed: 1 };

/**
 * The "flower" of DLS course 1 week 3 (`load_planar_dataset`): for class j in {0, 1}, m/2 angles
 * t = linspace(3.12 j, 3.12 (j + 1)) + N(0, 0.2^2) and radii r = a sin(4t) + N(0, 0.2^2), point
 * (r sin t, r cos t). Classes alternate petals, so no line separates them (logistic regression
 * scores ~47% in the course, one tanh hidden layer of 4 units ~90%). Points are in class order,
 * as in the course; split with `trainTestSplit` (which shuffles).
 * @example
 * const ds = planarFlower({ seed: 1 }); // ds.shape = [400, 2]
 */
export function planarFlower(options: PlanarFlowerOptions = {}): SyntheticDataset {
  const { m, a, noise, seed } = { ...FLOWER_DEFAULTS, ...options };
  checkCount('planarFlower', 'm', m);
  checkNoise('planarFlower', noise);
  const rng = new Rng(seed);
  const points: number[][] = [];
  const labels: number[] = [];
  const perClass = [Math.floor(m / 2), m - Math.floor(m / 2)];
  for (let j = 0; j < 2; j++) {
    for (const t0 of linspace(j * 3.12, (j + 1) * 3.12, perClass[j])) {
      const t = t0 + rng.normal(0, noise);
      const r = a * Math.sin(4 * t) + rng.normal(0, noise);
      points.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(j);
    }
  }
  return build(points, labels, null);
}

export interface CirclesOptions {
  /** Number of points: floor(n/2) on the outer circle (label 0), the rest on the inner (label 1). */
  n?: number;
  /** Std of Gaussian noise added to each coordinate. */
  noise?: number;
  /** Inner radius relative to the outer (radius 1), in (0, 1). */
  factor?: number;
  seed?: number;
}

const CIRCLES_DEFAULTS: Required<CirclesOptions> = { n: 300, noise: 0.05, factor: 0.8, seed: 1 };

/**
 * Two concentric circles, like scikit-learn's `make_circles` (defaults as in DLS course 2 week 1
 * "Initialization": 300 points, noise 0.05, factor 0.8): angles linspace(0, 2 pi) without the
 * endpoint, outer radius 1 (label 0), inner radius `factor` (label 1), Gaussian noise, shuffled.
 * @example
 * const train = circles({ n: 300, seed: 1 });
 * const test = circles({ n: 100, seed: 2 });
 */
export function circles(options: CirclesOptions = {}): SyntheticDataset {
  const { n, noise, factor, seed } = { ...CIRCLES_DEFAULTS, ...options };
  checkCount('circles', 'n', n);
  checkNoise('circles', noise);
  if (!(factor > 0 && factor < 1)) throw new Error(`circles: factor must be in (0, 1), got ${factor}`);
  const rng = new Rng(seed);
  const nOut = Math.floor(n / 2);
  const points: number[][] = [];
  const labels: number[] = [];
  for (const t of linspace(0, 2 * Math.PI, nOut, false)) {
    points.push([Math.cos(t), Math.sin(t)]);
    labels.push(0);
  }
  for (const t of linspace(0, 2 * Math.PI, n - nOut, false)) {
    points.push([factor * Math.cos(t), factor * Math.sin(t)]);
    labels.push(1);
  }
  for (const p of points) {
    p[0] += rng.normal(0, noise);
    p[1] += rng.normal(0, noise);
  }
  return build(points, labels, rng);
}

export interface MoonsOptions {
  /** Number of points: floor(n/2) on the upper moon (label 0), the rest on the lower (label 1). */
  n?: number;
  /** Std of Gaussian noise added to each coordinate. */
  noise?: number;
  seed?: number;
}

const MOONS_DEFAULTS: Required<MoonsOptions> = { n: 300, noise: 0.2, seed: 3 };

/**
 * Two interleaving half circles, like scikit-learn's `make_moons` (defaults as in DLS course 2
 * week 2 "Optimization methods": 300 points, noise 0.2): upper moon (cos s, sin s), lower moon
 * (1 - cos s, 1 - sin s - 0.5) for s in linspace(0, pi), Gaussian noise, shuffled.
 * @example
 * const ds = moons({ n: 300, noise: 0.2, seed: 3 });
 */
export function moons(options: MoonsOptions = {}): SyntheticDataset {
  const { n, noise, seed } = { ...MOONS_DEFAULTS, ...options };
  checkCount('moons', 'n', n);
  checkNoise('moons', noise);
  const rng = new Rng(seed);
  const nOut = Math.floor(n / 2);
  const points: number[][] = [];
  const labels: number[] = [];
  for (const s of linspace(0, Math.PI, nOut)) {
    points.push([Math.cos(s), Math.sin(s)]);
    labels.push(0);
  }
  for (const s of linspace(0, Math.PI, n - nOut)) {
    points.push([1 - Math.cos(s), 1 - Math.sin(s) - 0.5]);
    labels.push(1);
  }
  for (const p of points) {
    p[0] += rng.normal(0, noise);
    p[1] += rng.normal(0, noise);
  }
  return build(points, labels, rng);
}

export interface FootballLikeOptions {
  /** Number of points. */
  n?: number;
  /** Probability that a label is flipped, anywhere on the field (the "outliers"). */
  flip?: number;
  /** Width of the fuzzy band around the boundary: p(y = 1) = sigmoid(signed distance / width). */
  width?: number;
  seed?: number;
}

const FOOTBALL_DEFAULTS: Required<FootballLikeOptions> = { n: 200, flip: 0.08, width: 0.03, seed: 1 };

/** The wavy boundary of `footballLike`: label 1 (mostly) above x2 = boundary(x1). */
export function footballBoundary(x1: number): number {
  return 0.15 * Math.sin(6 * x1) + 0.25 * x1;
}

/**
 * A stand-in for the "2D football dataset" of DLS course 2 week 1 "Regularization" (positions on
 * a field where the ball was headed by one team, label 1, or the other, label 0). The course's
 * points are real and not redistributable, so this generates the same kind of problem: points
 * uniform on the field [-0.75, 0.45] x [-0.75, 0.65], a wavy, non-linear boundary
 * (`footballBoundary`), a fuzzy band around it, and a fraction `flip` of labels flipped
 * anywhere. A large network fits the flipped points as little islands (overfits); L2 or dropout
 * smooth them away.
 * @example
 * const train = footballLike({ n: 200, seed: 1 });
 * const test = footballLike({ n: 200, seed: 2 });
 */
export function footballLike(options: FootballLikeOptions = {}): SyntheticDataset {
  const { n, flip, width, seed } = { ...FOOTBALL_DEFAULTS, ...options };
  checkCount('footballLike', 'n', n);
  if (!(flip >= 0 && flip < 0.5)) throw new Error(`footballLike: flip must be in [0, 0.5), got ${flip}`);
  if (!(width > 0)) throw new Error(`footballLike: width must be positive, got ${width}`);
  const rng = new Rng(seed);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rng.range(-0.75, 0.45);
    const x2 = rng.range(-0.75, 0.65);
    const pAbove = 1 / (1 + Math.exp(-(x2 - footballBoundary(x1)) / width));
    let label = rng.uniform() < pAbove ? 1 : 0;
    if (rng.uniform() < flip) label = 1 - label;
    points.push([x1, x2]);
    labels.push(label);
  }
  return build(points, labels, null);
}
