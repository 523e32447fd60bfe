/**
 * What an ONNX op importer receives and returns. The importer walks the ONNX graph in order and
 * turns each node into tfjs layers applied to symbolic tensors (a functional tf.model).
 *
 * Layout: ONNX convolutions are channels-first (NCHW), tfjs layers channels-last (NHWC). Every
 * imported value records `perm`: ONNX axis i of the value is tfjs axis perm[i] of its symbolic
 * tensor (null = same order). A conv output is ONNX [N, C, H, W] stored as tfjs [N, H, W, C], so
 * perm = [0, 3, 1, 2]. Transpose nodes only change `perm` (no layer); a tfjs Permute layer is
 * inserted only where an op needs a layout the value is not in (see `inLayout`).
 */
import * as tf from '@tensorflow/tfjs';
import type { NodeProto } from '../proto/onnx-types';
import { invertPerm, isIdentityPerm } from '../layout';

export type Shape = (number | null)[];

/** A float constant (initializer or Constant node): row-major data and ONNX dims. */
export interface ConstantData {
  data: Float32Array;
  dims: number[];
}

export interface ImportedValue {
  /** The tfjs tensor; absent for constants. */
  sym?: tf.SymbolicTensor;
  /** ONNX axis i = tfjs axis perm[i]; null = identical order. */
  perm: number[] | null;
  /** Set for constants (initializers, Constant nodes). */
  constant?: ConstantData;
  /**
   * Set after a Flatten of a channels-first value done in the tfjs order (H, W, C): ONNX flat
   * index f is tfjs flat index rowOrder[f]. The next Gemm/MatMul permutes its weight rows instead
   * of transposing activations.
   */
  rowOrder?: Int32Array;
  /** A Dense layer whose output this is, with a bias the next Add may fill in (MatMul + Add). */
  denseBias?: { layer: tf.layers.Layer; units: number };
}

/** NCHW logical order of an NHWC tensor: ONNX axis i = tfjs axis CF[i]. */
export const CHANNELS_FIRST = [0, 3, 1, 2];

export interface ImportContext {
  node: NodeProto;
  /** Node name, or `<opType>_<index>` when the file leaves it empty. */
  nodeName: string;
  /** ai.onnx opset of the model. */
  opset: number;
  /** The value of input i (throws naming the node when missing). */
  input(i: number): ImportedValue;
  /** Whether input i is given (optional inputs may be absent or ''). */
  hasInput(i: number): boolean;
  /** The constant data of input i, or undefined when it is not a constant. */
  constant(i: number): ConstantData | undefined;
  /** Like `constant`, but throws naming the node and `what` when input i is not a constant. */
  requireConstant(i: number, what: string): ConstantData;
  /** A non-constant input (throws naming the node when it is a constant). */
  tensorInput(i: number): ImportedValue & { sym: tf.SymbolicTensor };
  attrInt(name: string, fallback: number): number;
  attrInts(name: string, fallback: number[]): number[];
  attrFloat(name: string, fallback: number): number;
  attrString(name: string, fallback: string): string;
  /** A fresh tfjs layer name derived from the node name (with an optional suffix). */
  layerName(suffix?: string): string;
  /** The symbolic tensor of `v` in layout `perm` (inserts a Permute layer when needed). */
  inLayout(v: ImportedValue, perm: number[] | null): tf.SymbolicTensor;
  /** The ONNX shape of a value (from its tfjs shape and perm). */
  onnxShape(v: ImportedValue): Shape;
  /** The nodes that consume output `outputIndex` of this node. */
  consumers(outputIndex?: number): NodeProto[];
  /** An error that names the file, the node and its op. */
  error(message: string): Error;
}

export type OpImporter = (ctx: ImportContext) => ImportedValue | ImportedValue[];

/** ONNX shape of a value: onnx[i] = tfjs[perm[i]]. */
export function onnxShapeOf(v: ImportedValue): Shape {
  if (v.constant) return v.constant.dims.slice();
  const s = v.sym!.shape;
  return v.perm ? v.perm.map((p) => s[p]) : s.slice();
}

/**
 * Permute dims that take a tensor stored with `from` to storage `to` (both relative to the same
 * ONNX tensor): tfjs out axis k = tfjs in axis from[to⁻¹[k]]. Keras Permute dims exclude batch.
 */
export function permuteDims(from: number[] | null, to: number[] | null, rank: number): number[] {
  const id = Array.from({ length: rank }, (_, i) => i);
  const f = from ?? id;
  const tInv = invertPerm(to ?? id);
  return id.map((k) => f[tInv[k]]);
}

export function normPerm(perm: number[] | null): number[] | null {
  return isIdentityPerm(perm) ? null : perm;
}

/** Known-positive integer check used for spatial sizes. */
export function knownSizes(sizes: Shape): sizes is number[] {
  return sizes.every((s) => typeof s === 'number' && s > 0);
}
