/**
 * The speech-to-text model: raw 16 kHz audio of any length in, character logits per 20 ms out, so
 * that it is served exactly like wav2vec2 (`input_values` [batch, samples] → `logits` [batch,
 * frames, vocab]):
 *
 *   audio [B, N] → DynamicLogMelLayer (25 ms windows every 10 ms, 40 mel bands) [B, F, 40]
 *     → batch norm → Conv1D (kernel 5, stride 2, ReLU) [B, ⌈F/2⌉, filters]
 *     → layers × bidirectional GRU (concatenated) [B, ⌈F/2⌉, 2·units] → Dense [B, ⌈F/2⌉, vocab] logits
 *
 * The layout of Deep Speech 2 (Amodei et al. 2016: spectrogram, strided convolution, bidirectional
 * GRUs, CTC over characters), shrunk for 2 cores.
 *
 * @example
 * const model = buildSpeechModel({ vocab: 30 });     // [batch, samples] → [batch, frames, 30]
 * speechFrames(16000);                               // 51 frames for 1 s
 */
import * as tf from '@tensorflow/tfjs';
import { DynamicLogMelLayer } from './dynamic-log-mel-layer';

export interface SpeechModelConfig {
  /** Output classes (blank included). */
  vocab: number;
  sampleRate?: number;
  nMels?: number;
  /** Filters of the strided convolution. */
  filters?: number;
  /** Units of each GRU direction. */
  units?: number;
  /** Bidirectional GRU layers. */
  layers?: number;
  seed?: number;
}

export const SPEECH_MODEL_DEFAULTS = {
  sampleRate: 16000,
  nMels: 40,
  filters: 96,
  units: 96,
  layers: 2,
  seed: 1,
} satisfies Partial<SpeechModelConfig>;

/** Front-end framing: 25 ms windows every 10 ms (Kaldi's and wav2vec2's frame rate ×2), then stride 2. */
export const SPEECH_FRAMING = { nFft: 400, hop: 160, stride: 2 };

/** Output frames for `samples` input samples. */
export function speechFrames(samples: number): number {
  const logMelFrames = 1 + Math.floor(samples / SPEECH_FRAMING.hop);
  return Math.ceil(logMelFrames / SPEECH_FRAMING.stride);
}

/** Seconds per output frame at `sampleRate`. */
export function speechFrameSeconds(sampleRate = SPEECH_MODEL_DEFAULTS.sampleRate): number {
  return (SPEECH_FRAMING.hop * SPEECH_FRAMING.stride) / sampleRate;
}

/** Batch-norm momentum, as the keyword model (few steps per epoch). */
const BN_MOMENTUM = 0.9;

export function buildSpeechModel(config: SpeechModelConfig): tf.LayersModel {
  const c = { ...SPEECH_MODEL_DEFAULTS, ...config };
  let seed = c.seed;
  const glorot = () => tf.initializers.glorotUniform({ seed: seed++ });
  const audio = tf.input({ shape: [null], name: 'input_values' }); // [B, N]
  let x = new DynamicLogMelLayer({
    sampleRate: c.sampleRate,
    nFft: SPEECH_FRAMING.nFft,
    hop: SPEECH_FRAMING.hop,
    nMels: c.nMels,
    name: 'log_mel',
  }).apply(audio) as tf.SymbolicTensor; // [B, F, nMels]
  x = tf.layers.batchNormalization({ momentum: BN_MOMENTUM, name: 'feature_norm' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .conv1d({
      filters: c.filters,
      kernelSize: 5,
      strides: SPEECH_FRAMING.stride,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: tf.initializers.heNormal({ seed: seed++ }),
      name: 'conv',
    })
    .apply(x) as tf.SymbolicTensor; // [B, ⌈F/2⌉, filters]
  for (let i = 0; i < c.layers; i++) {
    x = tf.layers
      .bidirectional({
        layer: tf.layers.gru({
          units: c.units,
          returnSequences: true,
          kernelInitializer: glorot(),
          recurrentInitializer: tf.initializers.orthogonal({ seed: seed++ }),
        }) as tf.RNN,
        mergeMode: 'concat',
        name: `bigru_${i}`,
      })
      .apply(x) as tf.SymbolicTensor; // [B, T, 2·units]
  }
  const logits = tf.layers
    .dense({ units: c.vocab, kernelInitializer: glorot(), name: 'logits' })
    .apply(x) as tf.SymbolicTensor; // [B, T, vocab]
  return tf.model({ inputs: audio, outputs: logits, name: 'speech_ctc' });
}
