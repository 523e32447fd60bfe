// The DLS from-scratch engine: layers with explicit forward/backward, losses, initializers,
// a Sequential model, one training step, optimizers, and gradient checking. It does not work with
// the Trainer (that trains tfjs-layers models); reach it as a namespace or a subpath:
//   import { scratch } from '@dlkit/core';  new scratch.Dense({ units: 4 })
//   import { Dense, trainStep } from '@dlkit/core/scratch';
// Losses take (yTrue, yPred), as in tfjs and Keras.
export { autodiffCheck } from './autodiff-check';
export type { AutodiffCheckOptions, AutodiffComparison, ReferenceForward } from './autodiff-check';
export { gradcheckReport } from './gradcheck-report';
export type { GradcheckReportOptions, GradcheckReportRow } from './gradcheck-report';
export { GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, gradientCheck, relativeDifference } from './gradient-check';
export type {
  GradientCheckEntry,
  GradientCheckOptions,
  GradientCheckResult,
  GradientCheckTarget,
} from './gradient-check';
// resolveInitializer and toRng: for layers written outside core (the recurrent cells in @dlkit/sequence).
export { he, randomScaled, resolveInitializer, toRng, xavier, zeros } from './initializers';
export type { Initializer, InitializerName } from './initializers';
export { l2Penalty } from './l2-penalty';
export type { L2PenaltyResult } from './l2-penalty';
export {
  AvgPool2D,
  BaseLayer,
  BatchNorm,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  LeakyReLU,
  MaxPool2D,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
  expectRank,
  expectSameShape,
} from './layers';
export type { BatchNormOptions, Conv2DOptions, DenseOptions, DropoutOptions, Padding, Pool2DOptions } from './layers';
export {
  LOSS_EPSILON,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  meanSquaredError,
  projectionLoss,
  softmaxCrossEntropy,
} from './losses';
export type { LossFn, LossResult } from './losses';
export { ScratchSequential } from './sequential';
export { trainStep } from './train-step';
export type { TrainStepOptions, TrainStepResult } from './train-step';
export type { ForwardContext, Grads, Params, ScratchLayer, ScratchOptimizer } from './types';
// The optimizers live in ../optim beside the schedules they share with the Trainer.
export { Adam, GradientDescent, Momentum, RMSprop } from '../optim';
export type { AdamOptions, GradientDescentOptions, MomentumOptions, RmspropOptions } from '../optim';
// The course's random_mini_batches (course 2 week 2): shuffled index lists, last batch kept.
export { miniBatches } from '../data/batches';
