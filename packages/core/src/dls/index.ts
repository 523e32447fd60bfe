// The DLS experiments (`dlkit dls <name>`): one file per course lab, one row per experiment here.
// Public as `@dlkit/core/dls` and as the `dls` namespace of `@dlkit/core`.
import { runGradcheck } from './gradcheck';
import { runInit } from './init';
import { runOptimization } from './optimization';
import { runPlanar } from './planar';
import { runRegularization } from './regularization';
import type { DlsExperiment } from './types';

export type { DlsAccuracy, DlsExperiment, DlsResult, DlsRunOptions } from './types';
export { assertDlsResult } from './validate';
export { binaryAccuracy, fitScratch } from './train';
export type { ScratchFitOptions, ScratchFitResult } from './train';
export { sigmoidCrossEntropy } from './sigmoid-cross-entropy';
export { runGradcheck, runInit, runOptimization, runPlanar, runRegularization };
export type { GradcheckRow } from './gradcheck';
export { CATCH_UP_POINTS } from './optimization';
// The curriculum's generated 2-D sets (planar flower, circles, moons, the football field), with a
// seeded train/test split and batch-first tensors.
export { circles, footballLike, moons, planarFlower, syntheticTensors, trainTestSplit } from '../data/synthetic';
export type {
  CirclesOptions,
  FootballLikeOptions,
  MoonsOptions,
  PlanarFlowerOptions,
  SyntheticDataset,
  TrainTestSplitOptions,
} from '../data/synthetic';

/** Name -> experiment. Adding an experiment = one file plus one row. */
export const DLS_EXPERIMENTS: Record<string, DlsExperiment> = {
  planar: {
    name: 'planar',
    description: 'course 1 week 3: logistic regression vs one hidden tanh layer on the flower',
    defaultSeed: 1,
    accuracy: true,
    run: runPlanar,
  },
  init: {
    name: 'init',
    description: 'course 2 week 1: zeros vs large random vs He initialisation on circles',
    defaultSeed: 1,
    accuracy: true,
    run: runInit,
  },
  regularization: {
    name: 'regularization',
    description: 'course 2 week 1: no regularization vs L2 vs dropout on a noisy 2-D set',
    defaultSeed: 1,
    accuracy: true,
    run: runRegularization,
  },
  optimization: {
    name: 'optimization',
    description: 'course 2 week 2: mini-batch GD vs momentum vs Adam vs GD with LR decay on moons',
    defaultSeed: 3,
    accuracy: true,
    run: runOptimization,
  },
  gradcheck: {
    name: 'gradcheck',
    description: 'course 2 week 1: numeric vs analytic gradients for every scratch layer kind',
    defaultSeed: 0,
    accuracy: false,
    run: runGradcheck,
  },
};
