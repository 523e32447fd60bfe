/**
 * What a layer exporter receives and returns. An exporter is one small function per tfjs layer
 * class (`Dense`, `Conv2D`, ...) that appends nodes and initializers to the graph builder and
 * returns the ONNX values of the layer's outputs; `ops/index.ts` maps class names to exporters.
 */
import type * as tf from '@tensorflow/tfjs';
import type { GraphBuilder, OnnxValue, Shape } from '../graph-builder';

/** A layer weight read out of tfjs: row-major float32 data and its tfjs shape. */
export interface WeightData {
  data: Float32Array;
  shape: number[];
}

export interface LayerExportContext {
  g: GraphBuilder;
  layer: tf.layers.Layer;
  /** tfjs class name, e.g. 'Conv2D'. */
  className: string;
  /** Layer name; the prefix of every value and node name this layer creates. */
  name: string;
  /** `layer.getConfig()`. */
  config: Record<string, unknown>;
  /** ONNX values of the layer's inputs for this call (several for merge layers). */
  inputs: OnnxValue[];
  /** tfjs output shapes of this call. */
  outputShapes: Shape[];
  /** A weight by its tfjs short name ('kernel', 'bias', 'gamma', 'moving_mean', ...). */
  weight(shortName: string): WeightData | undefined;
  /** Like `weight`, but throws naming the layer when it is missing. */
  requireWeight(shortName: string): WeightData;
}

export type LayerExporter = (ctx: LayerExportContext) => OnnxValue | OnnxValue[];

/** An error that names the layer, its class and the problem. */
export function layerError(ctx: Pick<LayerExportContext, 'name' | 'className'>, message: string): Error {
  return new Error(`ONNX export of layer '${ctx.name}' (${ctx.className}): ${message}`);
}

/** A config entry given as a number or a tuple, as a tuple of length n (`kernelSize: 3` → [3, 3]). */
export function tupleOf(ctx: LayerExportContext, key: string, n: number, fallback?: number[]): number[] {
  const v = ctx.config[key] ?? fallback;
  const arr = typeof v === 'number' ? new Array<number>(n).fill(v) : Array.isArray(v) ? (v as number[]) : undefined;
  if (!arr || arr.length !== n || !arr.every((x) => Number.isInteger(x) && x > 0)) {
    throw layerError(ctx, `config '${key}' should be a positive integer or ${n} of them, got ${JSON.stringify(v)}`);
  }
  return arr.slice();
}

/** A numeric config entry with a default. */
export function numberOf(ctx: LayerExportContext, key: string, fallback: number): number {
  const v = ctx.config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw layerError(ctx, `config '${key}' should be a number, got ${JSON.stringify(v)}`);
  return v;
}

/** The single input of a one-input layer. */
export function singleInput(ctx: LayerExportContext): OnnxValue {
  if (ctx.inputs.length !== 1) throw layerError(ctx, `expected 1 input, got ${ctx.inputs.length}`);
  return ctx.inputs[0];
}

/** The tfjs shape of the (first) output. */
export function outputShape(ctx: LayerExportContext): Shape {
  return ctx.outputShapes[0];
}
