// Public surface of the training loop (picked by name in core's index.ts): the Trainer, its
// callbacks, history and learning curves, and the course 3 tools (bias/variance, random search).
// Loss, metric and optimizer tables, checkpoint files and the worker protocol stay inside.
export { diagnoseBiasVariance } from './biasVariance';
export type { BiasVarianceInput, BiasVarianceReport, Diagnosis } from './biasVariance';
export type { BatchLogs, Callback, CallbackState, TrainingContext } from './callback';
export { Checkpoint } from './checkpoint';
export type { CheckpointOptions } from './checkpoint';
export { EarlyStopping } from './earlyStopping';
export type { EarlyStoppingOptions } from './earlyStopping';
export { NonFiniteLossError } from './errors';
export { formatEpochLogs } from './format';
export { History } from './history';
export type { EpochLogs } from './history';
// TRAIN_COLOR and VALIDATION_COLOR: so that other charts of a run match the learning curves.
export { TRAIN_COLOR, VALIDATION_COLOR, learningCurvesSvg, renderLearningCurves } from './learningCurves';
export type { LearningCurvesOptions } from './learningCurves';
export { LearningRateScheduler } from './learningRateScheduler';
export type { LossKind, LossName, LossSpec, TrainerLossFn } from './losses';
export type { MetricSpec, TrainerMetric, TrainerMetricFn } from './metrics';
export type { OptimizerName } from './optimizers';
export { defaultTrainingWorkers } from './parallel';
export { intUniform, linUniform, logUniform, oneOf, randomSearch } from './randomSearch';
export type { RandomSearchOptions, Sampler, SearchParams, SearchSpace, Trial } from './randomSearch';
export { Trainer, fit } from './trainer';
export type { TrainData, TrainerOptions } from './trainer';
export { TrainingTimer } from './trainingTimer';
