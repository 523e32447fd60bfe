export * from './confusion-matrix-png';
export * from './metrics';
export * from './misclassified-grid';
