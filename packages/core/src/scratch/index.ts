// The DLS from-scratch engine: layers with explicit forward/backward, losses, initializers,
// a Sequential model, one training step, and gradient checking.
export * from './autodiffCheck';
export * from './gradcheckReport';
export * from './gradientCheck';
export * from './initializers';
export * from './l2Penalty';
export * from './layers';
export * from './losses';
export * from './sequential';
export * from './trainStep';
export * from './types';
