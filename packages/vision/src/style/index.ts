// Barrel of vision/style: neural style transfer (Gatys et al. 2016) with pluggable feature networks.
export * from './costs';
export * from './demo-images';
export * from './feature-net';
export * from './random-feature-net';
export * from './rgb-image';
export * from './style-task';
export * from './style-transfer';
