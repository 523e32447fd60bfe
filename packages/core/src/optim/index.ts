// Optimizers for the scratch engine and the learning-rate schedules they share with the Trainer.
export * from './schedules';
export * from './gradientDescent';
export * from './momentum';
export * from './rmsprop';
export * from './adam';
export { Slots } from './slots';
