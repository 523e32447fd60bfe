/**
 * The exporter table: tfjs layer class name → exporter. Adding a layer kind is one file in this
 * folder plus one row here. `InputLayer` is handled by the model walker (it becomes a graph input).
 */
import { activation, elu, leakyRelu, relu, softmax, thresholdedRelu } from './activation-layers';
import { batchNormalization } from './batch-normalization';
import { LayerExporter } from './context';
import { conv1d, conv2d, conv3d } from './conv';

import { cropping2d } from './cropping2d';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { embedding } from './embedding';
import { flatten } from './flatten';
import {
  globalAveragePooling1d,
  globalAveragePooling2d,
  globalMaxPooling1d,
  globalMaxPooling2d,
} from './global-pooling';
import { identity } from './identity';
import { layerNormalization } from './layer-normalization';
import { add, average, concatenate, maximum, minimum, multiply } from './merge';
import { permute } from './permute';
import {
  averagePooling1d,
  averagePooling2d,
  averagePooling3d,
  maxPooling1d,
  maxPooling2d,
  maxPooling3d,
} from './pooling';

import { prelu } from './prelu';
import { bidirectional, recurrent, timeDistributed } from './recurrent';
import { rescaling } from './rescaling';
import { reshape } from './reshape';
import { separableConv2d } from './separable-conv2d';
import { upSampling2d } from './upsampling2d';
import { zeroPadding2d } from './zero-padding2d';

export type { LayerExporter, LayerExportContext, WeightData } from './context';
export { ACTIVATIONS } from './activations';

export const LAYER_EXPORTERS: Readonly<Record<string, LayerExporter>> = {
  Activation: activation,
  Add: add,
  AlphaDropout: identity,
  Average: average,
  AveragePooling1D: averagePooling1d,
  AveragePooling2D: averagePooling2d,
  AveragePooling3D: averagePooling3d,
  BatchNormalization: batchNormalization,
  Bidirectional: bidirectional,
  Concatenate: concatenate,
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv3D: conv3d,
  Cropping2D: cropping2d,
  Dense: dense,
  DepthwiseConv2D: depthwiseConv2d,
  Dropout: identity,
  ELU: elu,
  Embedding: embedding,
  Flatten: flatten,
  GRU: recurrent,
  GaussianDropout: identity,
  GaussianNoise: identity,
  GlobalAveragePooling1D: globalAveragePooling1d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalMaxPooling1D: globalMaxPooling1d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  LSTM: recurrent,
  LayerNormalization: layerNormalization,
  LeakyReLU: leakyRelu,
  MaxPooling1D: maxPooling1d,
  MaxPooling2D: maxPooling2d,
  MaxPooling3D: maxPooling3d,
  Maximum: maximum,
  Minimum: minimum,
  Multiply: multiply,
  Permute: permute,
  PReLU: prelu,
  ReLU: relu,
  RNN: recurrent,
  Rescaling: rescaling,
  Reshape: reshape,
  SeparableConv2D: separableConv2d,
  SimpleRNN: recurrent,
  Softmax: softmax,
  SpatialDropout1D: identity,
  ThresholdedReLU: thresholdedRelu,
  TimeDistributed: timeDistributed,
  UpSampling2D: upSampling2d,
  ZeroPadding2D: zeroPadding2d,
};
