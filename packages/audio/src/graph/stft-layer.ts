/**
 * `StftLayer`: raw audio [batch, samples] → power (|X|²) or magnitude (|X|) spectrogram
 * [batch, frames, nFft/2 + 1] inside a tfjs model, as frames × a DFT basis (spectral-layer.ts);
 * equal to `powerSpectrogram`/`magnitudeSpectrogram` of fft.js within float32 rounding.
 *
 * @example
 * const audio = tf.input({ shape: [16000] });
 * const spec = new StftLayer({ nFft: 512, hop: 160 }).apply(audio); // [batch, 101, 257]
 */
import * as tf from '@tensorflow/tfjs';
import { SpectralLayer, SpectralLayerArgs } from './spectral-layer';

export interface StftLayerArgs extends SpectralLayerArgs {
  /** 2: power spectrogram, 1: magnitude. */
  power?: 1 | 2;
}

export class StftLayer extends SpectralLayer {
  static readonly className: string = 'StftLayer';
  readonly power: 1 | 2;

  constructor(args: StftLayerArgs = {}) {
    super(args);
    this.power = args.power ?? 2;
    if (this.power !== 1 && this.power !== 2) throw new Error(`StftLayer: power should be 1 or 2, got ${args.power}`);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.framesOf(this.samplesOf(inputShape)), Math.floor(this.settings.nFft / 2) + 1];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = this.firstInput(inputs);
      const sq = this.squaredSpectrum(x); // [B·F, 2·bins]
      const bins = sq.shape[1] / 2;
      const power = tf.add(sq.slice([0, 0], [-1, bins]), sq.slice([0, bins], [-1, bins]));
      const out = this.power === 2 ? power : tf.sqrt(power);
      return out.reshape([x.shape[0], -1, bins]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), power: this.power };
  }
}
tf.serialization.registerClass(StftLayer);
