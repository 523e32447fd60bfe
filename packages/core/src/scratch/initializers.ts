/**
 * Weight initializers of the scratch engine (DLS course 2, week 1, "Initialization"), all seeded:
 * values are drawn from dlkit's `Rng` in JavaScript, so the same seed gives the same weights on
 * every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../data/rng';

/**
 * Makes a weight tensor of `shape`. `fanIn` is the number of inputs of one unit
 * (n[l-1] for Dense, f*f*nC_prev for Conv2D).
 */
export type Initializer = (shape: number[], fanIn: number, rng: Rng) => tf.Tensor;

export type InitializerName = 'zeros' | 'xavier' | 'he' | 'random' | 'large';

/** All zeros: fails to break symmetry, every unit of a layer learns the same function (course 2 week 1). */
export const zeros: Initializer = (shape) => tf.zeros(shape);

/** randn * scale. The course uses scale 10 for its "large random" experiment and 0.01 in course 1. */
export function randomScaled(scale: number): Initializer {
  if (!Number.isFinite(scale)) throw new Error(`randomScaled: scale must be a finite number, got ${scale}`);
  return (shape, _fanIn, rng) => normalTensor(shape, scale, rng);
}

/** Xavier as the course writes it: randn * sqrt(1 / fanIn) (Glorot & Bengio 2010 use 2 / (fanIn + fanOut)). */
export const xavier: Initializer = (shape, fanIn, rng) => normalTensor(shape, Math.sqrt(1 / checkFanIn(fanIn)), rng);

/** He init: randn * sqrt(2 / fanIn), He et al. 2015 ("Delving deep into rectifiers"), for ReLU networks. */
export const he: Initializer = (shape, fanIn, rng) => normalTensor(shape, Math.sqrt(2 / checkFanIn(fanIn)), rng);

/** The table behind initializer names in layer options. */
export const INITIALIZERS: Record<InitializerName, Initializer> = {
  zeros,
  xavier,
  he,
  random: randomScaled(0.01),
  large: randomScaled(10),
};

/** Resolves an initializer given by name or as a function. */
export function resolveInitializer(init: Initializer | InitializerName): Initializer {
  if (typeof init === 'function') return init;
  const found = INITIALIZERS[init];
  if (!found)
    throw new Error(
      `unknown initializer '${init}', expected one of ${Object.keys(INITIALIZERS).join(', ')} or a function`,
    );
  return found;
}

/** A seed given as a number makes a fresh generator; a generator is used (and advanced) as is. */
export function toRng(seed: number | Rng | undefined, fallback = 0): Rng {
  if (seed instanceof Rng) return seed;
  return new Rng(seed ?? fallback);
}

function normalTensor(shape: number[], std: number, rng: Rng): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
  return tf.tensor(values, shape, 'float32');
}

function checkFanIn(fanIn: number): number {
  if (!(Number.isInteger(fanIn) && fanIn > 0)) throw new Error(`fanIn must be a positive integer, got ${fanIn}`);
  return fanIn;
}
