// Public surface of the training loop (picked by name in core's index.ts): the Trainer, its
// callbacks, history and learning curves, and the course 3 tools (bias/variance, random search).
// Loss, metric and optimizer tables, checkpoint files and the worker protocol stay inside.
export { diagnoseBiasVariance } from './bias-variance';
export type { BiasVarianceInput, BiasVarianceReport, Diagnosis } from './bias-variance';
export type { BatchLogs, Callback, CallbackState, TrainingContext } from './callback';
export { Checkpoint } from './checkpoint';
export type { CheckpointOptions } from './checkpoint';
export { EarlyStopping } from './early-stopping';
export type { EarlyStoppingOptions } from './early-stopping';
export { NonFiniteLossError } from './errors';
export { formatEpochLogs } from './format';
export { History } from './history';
export type { EpochLogs } from './history';
// TRAIN_COLOR and VALIDATION_COLOR: so that other charts of a run match the learning curves.
export { TRAIN_COLOR, VALIDATION_COLOR, learningCurvesSvg, renderLearningCurves } from './learning-curves';
export type { LearningCurvesOptions } from './learning-curves';
export { LearningRateScheduler } from './learning-rate-scheduler';
export type { LossKind, LossName, LossSpec, TrainerLossFn } from './losses';
export type { MetricSpec, TrainerMetric, TrainerMetricFn } from './metrics';
export type { OptimizerName } from './optimizers';
export { defaultTrainingWorkers } from './parallel';
export { averageModelWeights } from './model-soup';
export { intUniform, linUniform, logUniform, oneOf, randomSearch } from './random-search';
export type { RandomSearchOptions, Sampler, SearchParams, SearchSpace, Trial } from './random-search';
export { Trainer, fit } from './trainer';
export type { TrainData, TrainerOptions } from './trainer';
export { TrainingTimer } from './training-timer';
