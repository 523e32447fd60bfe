// The DLS from-scratch engine: layers with explicit forward/backward, losses, initializers,
// a Sequential model, one training step, optimizers, and gradient checking. It does not work with
// the Trainer (that trains tfjs-layers models); reach it as a namespace or a subpath:
//   import { scratch } from '@dlkit/core';  new scratch.Dense({ units: 4 })
//   import { Dense, trainStep } from '@dlkit/core/scratch';
// Losses take (yTrue, yPred), as in tfjs and Keras.
export { autodiffCheck } from './autodiffCheck';
export type { AutodiffCheckOptions, AutodiffComparison, ReferenceForward } from './autodiffCheck';
export { gradcheckReport } from './gradcheckReport';
export type { GradcheckReportOptions, GradcheckReportRow } from './gradcheckReport';
export { GRADCHECK_EPSILON, GRADCHECK_THRESHOLD, gradientCheck, relativeDifference } from './gradientCheck';
export type { GradientCheckEntry, GradientCheckOptions, GradientCheckResult, GradientCheckTarget } from './gradientCheck';
// resolveInitializer and toRng: for layers written outside core (the recurrent cells in @dlkit/sequence).
export { he, randomScaled, resolveInitializer, toRng, xavier, zeros } from './initializers';
export type { Initializer, InitializerName } from './initializers';
export { l2Penalty } from './l2Penalty';
export type { L2PenaltyResult } from './l2Penalty';
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
export { LOSS_EPSILON, binaryCrossEntropy, categoricalCrossEntropy, meanSquaredError, projectionLoss, softmaxCrossEntropy } from './losses';
export type { LossFn, LossResult } from './losses';
export { ScratchSequential } from './sequential';
export { trainStep } from './trainStep';
export type { TrainStepOptions, TrainStepResult } from './trainStep';
export type { ForwardContext, Grads, Params, ScratchLayer, ScratchOptimizer } from './types';
// The optimizers live in ../optim beside the schedules they share with the Trainer.
export { Adam, GradientDescent, Momentum, RMSprop } from '../optim';
export type { AdamOptions, GradientDescentOptions, MomentumOptions, RmspropOptions } from '../optim';
// The course's random_mini_batches (course 2 week 2): shuffled index lists, last batch kept.
export { miniBatches } from '../data/batches';
