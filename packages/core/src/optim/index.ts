// Optimizers for the scratch engine (exported by `@dlkit/core/scratch`) and the learning-rate
// schedules they share with the Trainer (exported at the top of `@dlkit/core`).
export { constantLr, cosineWithWarmup, exponentialDecay, inverseTimeDecay, stepDecay } from './schedules';
export type { LearningRateSchedule } from './schedules';
export { GradientDescent } from './gradient-descent';
export type { GradientDescentOptions } from './gradient-descent';
export { Momentum } from './momentum';
export type { MomentumOptions } from './momentum';
export { RMSprop } from './rmsprop';
export type { RmspropOptions } from './rmsprop';
export { Adam } from './adam';
export type { AdamOptions } from './adam';
