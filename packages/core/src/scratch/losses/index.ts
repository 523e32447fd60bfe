export * from './binaryCrossEntropy';
export * from './categoricalCrossEntropy';
export * from './meanSquaredError';
export * from './projectionLoss';
export * from './softmaxCrossEntropy';
export * from './types';
export { sumFloat64 } from './util';
