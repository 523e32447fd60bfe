/**
 * `LogMelLayer`: raw audio [batch, samples] → log-mel spectrogram in dB [batch, frames, nMels]
 * inside a tfjs model, equal to `logMelSpectrogram` (librosa's melspectrogram + power_to_db):
 *
 *   mel = (re², im²) × [Mᵀ; Mᵀ]   (the mel filterbank M stacked twice: re²·M + im²·M = |X|²·M, one MatMul)
 *   dB  = 10·log10(max(amin, mel)) − 10·log10(max(amin, ref)),  floored at max(dB) − topDb per example
 *
 * @example
 * const audio = tf.input({ shape: [16000] });
 * const logMel = new LogMelLayer({ sampleRate: 16000, nFft: 512, hop: 160, nMels: 40 }).apply(audio); // [batch, 101, 40]
 */
import * as tf from '@tensorflow/tfjs';
import { binCount } from '../features/dft-basis';
import { melFilterbank, MelOptions, melSettings } from '../features/mel-filterbank';
import { checkDbOptions, DB_DEFAULTS } from '../features/power-to-db';
import { SpectralLayer, SpectralLayerArgs } from './spectral-layer';

export interface LogMelLayerArgs extends SpectralLayerArgs, MelOptions {
  /** Power mapped to 0 dB (a number: inside a graph, 'max' would differ per batch). */
  ref?: number;
  amin?: number;
  /** Dynamic range kept below each example's maximum, dB; null keeps all. */
  topDb?: number | null;
}

export class LogMelLayer extends SpectralLayer {
  static readonly className: string = 'LogMelLayer';
  readonly mel: Required<MelOptions>;
  readonly db: { ref: number; amin: number; topDb: number | null };

  constructor(args: LogMelLayerArgs) {
    super(args);
    const { sampleRate, nMels, fMin, fMax, melScale, norm } = args;
    this.mel = melSettings({ sampleRate, nMels, fMin, fMax, melScale, norm });
    this.db = {
      ref: args.ref ?? (DB_DEFAULTS.ref as number),
      amin: args.amin ?? DB_DEFAULTS.amin,
      topDb: args.topDb === undefined ? DB_DEFAULTS.topDb : args.topDb,
    };
    checkDbOptions(this.db);
  }

  /** Channels per frame of the output. */
  protected outputChannels(): number {
    return this.mel.nMels;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.framesOf(this.samplesOf(inputShape)), this.outputChannels()];
  }

  /** [2·bins, nMels]: the filterbank transposed, stacked for the re² and im² columns. */
  melMatrix(): Float32Array {
    const fb = melFilterbank({ ...this.mel, nFft: this.settings.nFft }); // [nMels][bins]
    const bins = binCount(this.settings.nFft);
    const nMels = fb.length;
    const out = new Float32Array(2 * bins * nMels);
    for (let k = 0; k < bins; k++) {
      for (let m = 0; m < nMels; m++) {
        out[k * nMels + m] = fb[m][k];
        out[(bins + k) * nMels + m] = fb[m][k];
      }
    }
    return out;
  }

  /** x [B, N] → log-mel dB [B, F, nMels]. */
  protected logMel(x: tf.Tensor): tf.Tensor3D {
    const sq = this.squaredSpectrum(x); // [B·F, 2·bins]
    const { nMels } = this.mel;
    const mel = tf.matMul(sq, tf.tensor2d(this.melMatrix(), [sq.shape[1], nMels])); // [B·F, nMels]
    const { ref, amin, topDb } = this.db;
    // 10·log10(v) = (10 / ln 10)·ln(v)
    let db = tf.sub(tf.mul(tf.log(tf.maximum(mel, amin)), 10 / Math.LN10), 10 * Math.log10(Math.max(amin, ref)));
    db = db.reshape([x.shape[0], -1, nMels]);
    if (topDb !== null) db = tf.maximum(db, tf.sub(tf.max(db, [1, 2], true), topDb));
    return db as tf.Tensor3D;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => this.logMel(this.firstInput(inputs)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.mel, ...this.db };
  }
}
tf.serialization.registerClass(LogMelLayer);
