/**
 * The importer table: ONNX op type → importer. Adding an op is one function plus one row here.
 * Constant, Identity and Dropout (inference) are handled here too; initializers by the walker.
 */
import { OpImporter } from '../context';
import {
  clip,
  elu,
  hardSigmoid,
  identity,
  leakyRelu,
  relu,
  selu,
  sigmoid,
  softmax,
  softplus,
  softsign,
  tanh,
  thresholdedRelu,
} from './activations';
import { add, div, max, mean, min, mul, prelu, sub, sum } from './arithmetic';
import { batchNormalization } from './batch-normalization';
import { conv } from './conv';
import { gemm, matMul } from './dense';
import { averagePool, globalAveragePool, globalMaxPool, maxPool, reduceMax, reduceMean } from './pool';
import { concat, flatten, pad, reshape, resize, slice, transpose } from './shape';

export const OP_IMPORTERS: Readonly<Record<string, OpImporter>> = {
  Add: add,
  AveragePool: averagePool,
  BatchNormalization: batchNormalization,
  Clip: clip,
  Concat: concat,
  Conv: conv,
  Div: div,
  Dropout: identity,
  Elu: elu,
  Flatten: flatten,
  Gemm: gemm,
  GlobalAveragePool: globalAveragePool,
  GlobalMaxPool: globalMaxPool,
  HardSigmoid: hardSigmoid,
  Identity: identity,
  LeakyRelu: leakyRelu,
  MatMul: matMul,
  Max: max,
  MaxPool: maxPool,
  Mean: mean,
  Min: min,
  Mul: mul,
  Pad: pad,
  PRelu: prelu,
  ReduceMax: reduceMax,
  ReduceMean: reduceMean,
  Relu: relu,
  Reshape: reshape,
  Resize: resize,
  Selu: selu,
  Sigmoid: sigmoid,
  Slice: slice,
  Softmax: softmax,
  Softplus: softplus,
  Softsign: softsign,
  Sub: sub,
  Sum: sum,
  Tanh: tanh,
  ThresholdedRelu: thresholdedRelu,
  Transpose: transpose,
};
