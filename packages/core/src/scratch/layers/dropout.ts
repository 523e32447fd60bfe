/**
 * Inverted dropout (DLS course 2 week 1; Srivastava et al. 2014): in training, D = 1[u < keepProb]
 * with u ~ U(0, 1), A = A_prev * D / keepProb, so the expected activation is unchanged and nothing
 * needs rescaling at test time; dA_prev = dA * D / keepProb. Identity when not training.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../data/rng';
import { toRng } from '../initializers';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

export interface DropoutOptions {
  /** Probability of keeping a unit, in (0, 1]. */
  keepProb: number;
  /** Seed or shared generator for the masks: the same seed gives the same sequence of masks. */
  seed?: number | Rng;
  name?: string;
}

/**
 * @example
 * const drop = new Dropout({ keepProb: 0.8, seed: 1 });
 * drop.forward(tf.ones([4, 10]), { training: true }); // about 20% zeros, the rest 1.25
 */
export class Dropout extends BaseLayer {
  readonly kind = 'dropout';
  readonly keepProb: number;
  private readonly rng: Rng;
  /** A mask used instead of random ones (gradient checking); owned by the layer. */
  private fixedMask: tf.Tensor | null = null;

  constructor(options: DropoutOptions) {
    super(options.name, 'dropout');
    if (!(options.keepProb > 0 && options.keepProb <= 1))
      throw new Error(`Dropout: keepProb must be in (0, 1], got ${options.keepProb}`);
    this.keepProb = options.keepProb;
    this.rng = toRng(options.seed);
  }

  /**
   * Uses `mask` (0/1 values, the shape of the input) on every training forward instead of drawing
   * one, e.g. for gradient checking; `null` goes back to random masks. The layer keeps a copy.
   */
  setFixedMask(mask: tf.Tensor | null): void {
    this.fixedMask?.dispose();
    this.fixedMask = mask ? tf.keep(mask.clone()) : null;
  }

  // A_prev [m, ...] -> A [m, ...]
  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    if (!ctx.training || this.keepProb === 1) {
      this.setCache({});
      return x.clone();
    }
    if (this.fixedMask && this.fixedMask.shape.join(',') !== x.shape.join(',')) {
      throw new Error(`${this.name}: fixed mask has shape [${this.fixedMask.shape}], input has [${x.shape}]`);
    }
    return tf.tidy(() => {
      // D = 1[u < keepProb]; drawn with a seed from our Rng so runs are reproducible
      const D = this.fixedMask
        ? this.fixedMask.clone()
        : tf.cast(tf.less(tf.randomUniform(x.shape, 0, 1, 'float32', this.rng.nextSeed()), this.keepProb), 'float32');
      this.setCache({ D });
      return tf.div(tf.mul(x, D), this.keepProb);
    });
  }

  // dA [m, ...] -> dA_prev [m, ...]; identity if the last forward was not training
  backward(dA: tf.Tensor): tf.Tensor {
    const D = this.cache.D;
    if (!D) return dA.clone();
    expectSameShape(this.name, dA, D.shape, 'dA');
    return tf.tidy(() => tf.div(tf.mul(dA, D), this.keepProb));
  }

  override dispose(): void {
    this.setFixedMask(null);
    super.dispose();
  }
}
