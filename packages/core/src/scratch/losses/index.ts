// The scratch losses, all (yTrue, yPred) -> { loss, dA } as in tfjs and Keras (target first).
export { binaryCrossEntropy } from './binaryCrossEntropy';
export { categoricalCrossEntropy } from './categoricalCrossEntropy';
export { meanSquaredError } from './meanSquaredError';
export { projectionLoss } from './projectionLoss';
export { softmaxCrossEntropy } from './softmaxCrossEntropy';
export { LOSS_EPSILON } from './types';
export type { LossFn, LossResult } from './types';
