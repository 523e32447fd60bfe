// Public surface of the training loop: `export * from './train';` in core's index.
export * from '../data/dataset';
export * from '../data/split';
export * from './biasVariance';
export * from './callback';
export * from './checkpoint';
export * from './earlyStopping';
export * from './errors';
export * from './format';
export * from './history';
export * from './learningCurves';
export * from './learningRateScheduler';
export * from './losses';
export * from './metrics';
export * from './optimizers';
export * from './progressBar';
export * from './randomSearch';
export * from './trainer';
