// The scratch losses, all (yTrue, yPred) -> { loss, dA } as in tfjs and Keras (target first).
export { binaryCrossEntropy } from './binary-cross-entropy';
export { categoricalCrossEntropy } from './categorical-cross-entropy';
export { meanSquaredError } from './mean-squared-error';
export { projectionLoss } from './projection-loss';
export { softmaxCrossEntropy } from './softmax-cross-entropy';
export { LOSS_EPSILON } from './types';
export type { LossFn, LossResult } from './types';
