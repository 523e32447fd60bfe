/**
 * Inverted dropout whose masks are reproducible and differ from call to call: mask k of a layer
 * with seed s is drawn with seed dropoutSeed(s) + k (BlockLayer.seededKwargs). tfjs's own Dropout
 * layer either draws from Math.random (no seed: runs differ) or, given a seed, draws the same mask
 * at every call. The identity at inference time, and in ONNX exports (TRANSFORMER_ONNX_EXPORTERS).
 *
 * @example
 * const drop = new SeededDropout({ rate: 0.1, seed: 7 });
 * drop.apply(x, { training: true }); // [B, T, D], a new mask each step, the same masks in every run
 */
import * as tf from '@tensorflow/tfjs';
import { BlockLayer, CallKwargs, checkRate, inputList, LayerArgs, shapeList, trainingDropout } from './block-layer';

export interface SeededDropoutConfig {
  /** Fraction of the units dropped while training, in [0, 1). */
  rate: number;
  /** Seed of the mask stream (unseeded: Math.random, as tfjs's Dropout). */
  seed?: number;
}

export class SeededDropout extends BlockLayer {
  static readonly className = 'DlkitSeededDropout';
  readonly rate: number;
  readonly seed: number | undefined;

  constructor(config: SeededDropoutConfig & LayerArgs) {
    const { rate, seed, ...args } = config;
    super(args, seed);
    this.rate = checkRate('SeededDropout', 'rate', rate);
    this.seed = seed;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: CallKwargs): tf.Tensor {
    return trainingDropout(inputList(inputs)[0], this.rate, this.seededKwargs(kwargs));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(SeededDropout);
