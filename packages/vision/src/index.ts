// Public surface of @dlkit/vision. Issue 3 fills in classification, detection and style transfer;
// this holds what the MNIST end-to-end (core issue) needs.
export * from './augment/random-affine';
export * from './datasets/digit-dataset';
export * from './datasets/mnist';
export * from './models/mnist-cnn';
export * from './preprocess/greyscale-image';
export * from './tasks/train-mnist';
export * from './classify';
export * from './detection';
export * from './multitask';
export * from './style';
export * from './transfer';
export * from './voxels';
