/**
 * The shared front of the in-graph feature layers: raw audio [batch, samples] → frames → DFT, as
 * plain tensor ops, because tfjs-backend-wasm has no FFT kernel (`tf.signal.stft` throws there) and
 * because plain ops export to ONNX:
 *
 *   x [B, N] → pad one zero column [B, N + 1] → gather frame indices [F, nFft] → frames [B, F, nFft]
 *     → frames × DFT basis (window folded in) [nFft, 2·bins] → squared [B, F, 2·bins] (re², im²)
 *
 * The gather indices come from `frameIndices` (the same layout as `frame`/`stft`, centring and
 * padding included; a padding zero points at the appended zero column), the basis from `dftBasis`.
 * Both depend on the number of samples, so the layer needs a fixed input length. No weights: the
 * constants follow from the config and are rebuilt by `build` (and by the ONNX exporters).
 *
 * @example
 * const { frames, bins } = new StftLayer({ nFft: 512, hop: 160 }).spectralConstants(16000); // 101 frames, 257 bins
 */
import * as tf from '@tensorflow/tfjs';
import { binCount, dftBasis } from '../features/dft-basis';
import { frameCount, FRAME_DEFAULTS, frameIndices, PadMode } from '../features/frame';
import { windowFunction, WindowName } from '../features/window';
import { STFT_DEFAULTS } from '../features/stft';

export interface SpectralLayerArgs {
  /** FFT size = frame length. */
  nFft?: number;
  hop?: number;
  window?: WindowName;
  center?: boolean;
  padMode?: PadMode;
  name?: string;
  /** Fixed number of samples, when this is the model's first layer. */
  inputShape?: [number];
  batchInputShape?: [number | null, number];
}

/** The framing/DFT settings with defaults, as stored in a layer's config. */
export interface SpectralSettings {
  nFft: number;
  hop: number;
  window: WindowName;
  center: boolean;
  padMode: PadMode;
}

/** Constants of one input length: gather indices and the DFT basis, float32 as the graph uses them. */
export interface SpectralConstants {
  samples: number;
  frames: number;
  bins: number;
  /** [frames, nFft] indices into the input padded with one zero at index `samples`. */
  indices: Int32Array;
  /** [nFft, 2·bins]: window·cos columns, then −window·sin columns. */
  basis: Float32Array;
}

export abstract class SpectralLayer extends tf.layers.Layer {
  readonly settings: SpectralSettings;
  protected constants: SpectralConstants | undefined;

  constructor(args: SpectralLayerArgs) {
    super(args);
    const { inputShape: _i, batchInputShape: _b, name: _n, ...rest } = args;
    const s: SpectralSettings = {
      nFft: rest.nFft ?? STFT_DEFAULTS.nFft,
      hop: rest.hop ?? STFT_DEFAULTS.hop,
      window: rest.window ?? 'hann',
      center: rest.center ?? FRAME_DEFAULTS.center,
      padMode: rest.padMode ?? FRAME_DEFAULTS.padMode,
    };
    const cls = this.getClassName();
    if (!Number.isInteger(s.nFft) || s.nFft < 2)
      throw new Error(`${cls}: nFft should be an integer >= 2, got ${s.nFft}`);
    if (!Number.isInteger(s.hop) || s.hop < 1)
      throw new Error(`${cls}: hop should be a positive integer, got ${s.hop}`);
    if (s.window !== 'hann' && s.window !== 'hamming')
      throw new Error(`${cls}: window should be 'hann' or 'hamming', got ${s.window}`);
    if (s.padMode !== 'constant' && s.padMode !== 'reflect')
      throw new Error(`${cls}: padMode should be 'constant' or 'reflect', got ${s.padMode}`);
    this.settings = s;
  }

  /** Input [batch, samples]: the sample count must be fixed. */
  protected samplesOf(inputShape: tf.Shape | tf.Shape[]): number {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const samples = shape[1];
    if (shape.length !== 2 || typeof samples !== 'number') {
      throw new Error(
        `${this.getClassName()} '${this.name}': expected input [batch, samples] with a fixed number of samples, got [${shape}]`,
      );
    }
    return samples;
  }

  /** Frames of a given input length. */
  protected framesOf(samples: number): number {
    return frameCount(samples, this.settings.nFft, this.settings.hop, this.settings);
  }

  /** Gather indices and DFT basis for `samples` inputs (computed once per length). */
  spectralConstants(samples: number): SpectralConstants {
    if (this.constants?.samples === samples) return this.constants;
    const { nFft, hop, window } = this.settings;
    const indices = frameIndices(samples, nFft, hop, this.settings).map((i) => (i < 0 ? samples : i));
    const frames = indices.length / nFft;
    this.constants = {
      samples,
      frames,
      bins: binCount(nFft),
      indices,
      basis: Float32Array.from(dftBasis(nFft, windowFunction(window, nFft))),
    };
    return this.constants;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    this.spectralConstants(this.samplesOf(inputShape));
    super.build(inputShape);
  }

  /** x [B, N] → squared DFT parts [B·F, 2·bins] (re² then im² columns); F frames per example. */
  protected squaredSpectrum(x: tf.Tensor): tf.Tensor2D {
    const { indices, frames, basis, bins } = this.spectralConstants(x.shape[1] as number);
    const { nFft } = this.settings;
    const padded = tf.pad(x as tf.Tensor2D, [
      [0, 0],
      [0, 1],
    ]); // [B, N + 1], index N is the zero
    const idx = tf.tensor2d(indices, [frames, nFft], 'int32');
    const framed = tf.gather(padded, idx, 1).reshape([-1, nFft]) as tf.Tensor2D; // [B·F, nFft]
    const spectrum = tf.matMul(framed, tf.tensor2d(basis, [nFft, 2 * bins])); // [B·F, 2·bins]
    return tf.square(spectrum) as tf.Tensor2D;
  }

  protected firstInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return Array.isArray(inputs) ? inputs[0] : inputs;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.settings };
  }
}
