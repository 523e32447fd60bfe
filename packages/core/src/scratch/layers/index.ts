// The scratch layers: one file per layer, forward and backward side by side. The window and
// pooling geometry helpers stay inside this folder.
export { AvgPool2D } from './avg-pool2d';
export { BaseLayer, expectRank, expectSameShape } from './base';
export { BatchNorm } from './batch-norm';
export type { BatchNormOptions } from './batch-norm';
export { Conv2D } from './conv2d';
export type { Conv2DOptions } from './conv2d';
export { Dense } from './dense';
export type { DenseOptions } from './dense';
export { Dropout } from './dropout';
export type { DropoutOptions } from './dropout';
export { Flatten } from './flatten';
export { LeakyReLU } from './leaky-relu';
export { MaxPool2D } from './max-pool2d';
export type { Pool2DOptions } from './max-pool2d';
export { ReLU } from './relu';
export { Sigmoid } from './sigmoid';
export { Softmax } from './softmax';
export { Tanh } from './tanh';
export type { Padding } from './windows';
