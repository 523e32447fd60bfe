/**
 * `MfccLayer`: raw audio [batch, samples] → MFCCs [batch, frames, nMfcc] inside a tfjs model, equal
 * to `mfcc` (librosa.feature.mfcc): the log-mel layer's output × the orthonormal DCT-II matrix
 * (its first nMfcc rows, transposed), one more MatMul.
 *
 * @example
 * const audio = tf.input({ shape: [16000] });
 * const coeffs = new MfccLayer({ sampleRate: 16000, nFft: 512, hop: 160, nMels: 40, nMfcc: 13 }).apply(audio); // [batch, 101, 13]
 */
import * as tf from '@tensorflow/tfjs';
import { dctMatrix, MFCC_DEFAULTS } from '../features/mfcc';
import { LogMelLayer, LogMelLayerArgs } from './log-mel-layer';

export interface MfccLayerArgs extends LogMelLayerArgs {
  /** Coefficients kept per frame. */
  nMfcc?: number;
}

export class MfccLayer extends LogMelLayer {
  static override readonly className: string = 'MfccLayer';
  readonly nMfcc: number;

  constructor(args: MfccLayerArgs) {
    super(args);
    this.nMfcc = args.nMfcc ?? MFCC_DEFAULTS.nMfcc;
    dctMatrix(this.mel.nMels, this.nMfcc); // validates nMfcc against nMels
  }

  protected override outputChannels(): number {
    return this.nMfcc;
  }

  /** [nMels, nMfcc]: the DCT rows as columns. */
  dctMatrix(): Float32Array {
    const rows = dctMatrix(this.mel.nMels, this.nMfcc);
    const out = new Float32Array(this.mel.nMels * this.nMfcc);
    rows.forEach((row, k) => row.forEach((v, m) => (out[m * this.nMfcc + k] = v)));
    return out;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const logMel = this.logMel(this.firstInput(inputs)); // [B, F, nMels]
      const [b, f, m] = logMel.shape;
      return tf
        .matMul(logMel.reshape([b * f, m]), tf.tensor2d(this.dctMatrix(), [m, this.nMfcc]))
        .reshape([b, f, this.nMfcc]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), nMfcc: this.nMfcc };
  }
}
tf.serialization.registerClass(MfccLayer);
