/**
 * DLS course 2 week 1, "Regularization": a network big enough to fit the label noise of a small
 * 2-D set overfits; L2 weight decay and (inverted) dropout each trade training accuracy for better
 * test accuracy. The course trains [2, 20, 3, 1] (relu, relu, sigmoid) with full-batch gradient
 * descent (learning rate 0.3, 30,000 iterations), lambda = 0.7, keep_prob = 0.86, and reports
 * (train / test) baseline 94.8% / 91.5%, L2 93.8% / 93%, dropout 92.9% / 95% on its "football" data.
 *
 * Kept: 211 training points, a non-linear boundary with label noise (`footballLike`, a generated
 * stand-in for the course's data), full-batch updates, ReLU hidden layers with dropout after each,
 * L2 over all weights with lambda = 0.7, the same initial weights for all three variants.
 * Changed, after measuring on the wasm backend (seeds 1-4):
 * - [2, 20, 3, 1] with gradient descent did not overfit reliably in 10,000 iterations (train
 *   ~87%, regularization helped on some seeds and hurt on others), and 30,000 iterations x 3
 *   variants is ~40 s here. A wider, deeper [2, 50, 50, 1] trained with Adam (lr 0.01, 2,000
 *   full-batch steps) memorizes the noise (train ~98-100%, test ~72-80%), the overfitting the lab
 *   is about, in a few seconds.
 * - keep_prob 0.5 (Hinton et al. 2012's value for hidden units) instead of 0.86: with 50-unit
 *   layers, 0.86 still memorizes on some seeds.
 * - a 1,000-point test set (the course has 200) so that differences of a few points are not noise.
 * Measured here (wasm, seeds 1-5, train / test): baseline 0.97-0.99 / 0.72-0.83, L2 0.85-0.90 /
 * 0.86-0.87, dropout 0.87-0.91 / 0.84-0.88 (default seed 1: 0.799, 0.866, 0.845 on test).
 */
import { footballLike } from '../data/synthetic';
import { Rng } from '../data/rng';
import { Adam } from '../optim/adam';
import { GradientDescent } from '../optim/gradient-descent';
import { xavier } from '../scratch/initializers';
import { Dense } from '../scratch/layers/dense';
import { Dropout } from '../scratch/layers/dropout';
import { ReLU } from '../scratch/layers/relu';
import { ScratchSequential } from '../scratch/sequential';
import type { ScratchLayer } from '../scratch/types';
import { splitTensors } from './data';
import { fitAndScore } from './train';
import type { DlsResult, DlsRunOptions } from './types';

export const REGULARIZATION_CONFIG = {
  trainPoints: 211,
  testPoints: 1000,
  /** Fraction of labels flipped anywhere, and the width of the fuzzy band, of `footballLike`. */
  flip: 0.1,
  width: 0.01,
  layers: [2, 50, 50, 1],
  /** 'adam' here; 'gd' is the course's choice (see above why not). */
  optimizer: 'adam' as 'gd' | 'adam',
  learningRate: 0.01,
  /** Full-batch steps. */
  iterations: 2000,
  lambda: 0.7,
  keepProb: 0.5,
};

type Variant = { l2: number; keepProb: number };

function net(layers: number[], keepProb: number, rng: Rng): ScratchSequential {
  const stack: ScratchLayer[] = [];
  for (let l = 1; l < layers.length; l++) {
    stack.push(new Dense({ units: layers[l], inputDim: layers[l - 1], initializer: xavier, seed: rng }));
    if (l < layers.length - 1) {
      stack.push(new ReLU());
      if (keepProb < 1) stack.push(new Dropout({ keepProb, seed: rng.nextSeed() }));
    }
  }
  return new ScratchSequential(stack); // last layer: logits (sigmoid fused in the loss)
}

export type RegularizationConfig = typeof REGULARIZATION_CONFIG;

export async function runRegularization(
  options: DlsRunOptions & { config?: Partial<RegularizationConfig> } = {},
): Promise<DlsResult> {
  const seed = options.seed ?? 1;
  const c = { ...REGULARIZATION_CONFIG, ...options.config };
  const data = splitTensors(
    footballLike({ n: c.trainPoints, flip: c.flip, width: c.width, seed }),
    footballLike({ n: c.testPoints, flip: c.flip, width: c.width, seed: seed + 1 }),
  );
  const variants: [string, Variant][] = [
    ['baseline', { l2: 0, keepProb: 1 }],
    ['l2', { l2: c.lambda, keepProb: 1 }],
    ['dropout', { l2: 0, keepProb: c.keepProb }],
  ];
  const results: DlsResult['results'] = {};
  const finalCost: Record<string, number> = {};
  try {
    for (const [name, v] of variants) {
      const model = net(c.layers, v.keepProb, new Rng(seed + 100)); // same initial weights for every variant
      const opt =
        c.optimizer === 'adam'
          ? new Adam({ learningRate: c.learningRate })
          : new GradientDescent({ learningRate: c.learningRate });
      const score = fitAndScore(model, opt, data, { epochs: c.iterations, l2: v.l2 });
      finalCost[name] = score.finalCost;
      results[name] = { train: score.train, test: score.test };
    }
    return { experiment: 'regularization', results, finalCost, seed, config: c };
  } finally {
    data.dispose();
  }
}
