/**
 * `DynamicLogMelLayer`: LogMelLayer for inputs of any length, as speech recognition needs (a
 * wav2vec2-style graph takes `input_values` [batch, samples] with `samples` free). In tfjs the frame
 * indices and the DFT basis are rebuilt for each input length (SpectralLayer caches one length);
 * in ONNX the framing is a strided Conv whose kernels are the DFT basis columns, which needs no
 * length-dependent constant:
 *
 *   x [B, N] → Pad(nFft/2 zeros each side, as `center`) → [B, 1, N + nFft] → Conv(basis [2·bins, 1, nFft], stride hop)
 *     → [B, 2·bins, F] → Transpose → [B, F, 2·bins] → squared → the LogMelLayer graph
 *
 * Only `center: true` with constant padding (librosa's padding for `center`, and the default).
 *
 * @example
 * const audio = tf.input({ shape: [null] });                                    // any number of samples
 * const logMel = new DynamicLogMelLayer({ sampleRate: 16000, nFft: 400, hop: 160, nMels: 40 }).apply(audio); // [batch, null, 40]
 */
import * as tf from '@tensorflow/tfjs';
import { LogMelLayer, type LogMelLayerArgs } from '../graph/log-mel-layer';

export class DynamicLogMelLayer extends LogMelLayer {
  static override readonly className: string = 'DynamicLogMelLayer';

  constructor(args: LogMelLayerArgs) {
    super(args);
    if (!this.settings.center || this.settings.padMode !== 'constant')
      throw new Error(
        `DynamicLogMelLayer: only center: true with padMode 'constant' (a Conv frames it in ONNX), got center ${this.settings.center}, padMode '${this.settings.padMode}'`,
      );
  }

  /** Samples of the input, or null when the length is free. */
  protected samplesOrNull(inputShape: tf.Shape | tf.Shape[]): number | null {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    if (shape.length !== 2)
      throw new Error(`DynamicLogMelLayer '${this.name}': expected input [batch, samples], got [${shape}]`);
    return shape[1];
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const samples = this.samplesOrNull(inputShape);
    return [shape[0], samples === null ? null : this.framesOf(samples), this.outputChannels()];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const samples = this.samplesOrNull(inputShape);
    if (samples !== null) this.spectralConstants(samples);
    this.built = true;
  }
}
tf.serialization.registerClass(DynamicLogMelLayer);
