/**
 * The time grid of a trigger-word model: log-mel frames every `hop` samples, then a Conv1D of
 * `kernel` frames every `stride` frames (valid padding), whose outputs the GRUs and the sigmoid
 * keep. Labels, detections and plots all place output step i at the time of the last sample it
 * has heard (the right edge of its receptive field), so "a detection" is never earlier than the
 * audio that caused it.
 */

/** The feature front and the Conv1D's time geometry. */
export interface TriggerGeometryConfig {
  /** Audio rate (Hz). */
  sampleRate: number;
  /** Clip length the model takes (s). */
  clipSeconds: number;
  /** FFT size of the log-mel frames (samples; a centred Hann window). */
  nFft: number;
  /** Samples between log-mel frames. */
  hop: number;
  /** Mel bands. */
  nMels: number;
  /** Conv1D width in frames. */
  kernel: number;
  /** Conv1D stride in frames: sets the output rate. */
  stride: number;
}

/**
 * 16 kHz, 512-point FFT every 10 ms (1,001 frames per 10 s), 40 mel bands, Conv1D kernel 15
 * (the course's width) with stride 3: 329 output steps per 10 s, one every 30 ms. The course's
 * stride 4 over its 5,511 spectrogram columns gives 1,375 steps (7.3 ms apart); each GRU step costs
 * the same whatever its length, so 329 steps train ~4× faster, and 30 ms is still finer than the
 * 0.36 s label span (12 steps) and the 0.5 s tolerance of the evaluation.
 */
export const TRIGGER_GEOMETRY = {
  sampleRate: 16000,
  clipSeconds: 10,
  nFft: 512,
  hop: 160,
  nMels: 40,
  kernel: 15,
  stride: 3,
} satisfies TriggerGeometryConfig;

export interface TriggerGeometry extends TriggerGeometryConfig {
  /** Samples per clip. */
  samples: number;
  /** Log-mel frames per clip (centred framing: 1 + floor(samples / hop)). */
  frames: number;
  /** Model output steps per clip: floor((frames − kernel) / stride) + 1. */
  steps: number;
  /** Seconds between output steps (stride · hop / sampleRate). */
  stepSeconds: number;
}

/** The derived sizes of a geometry (validated). */
export function triggerGeometry(config: TriggerGeometryConfig = TRIGGER_GEOMETRY): TriggerGeometry {
  for (const key of ['sampleRate', 'nFft', 'hop', 'nMels', 'kernel', 'stride'] as const) {
    if (!(Number.isInteger(config[key]) && config[key] > 0))
      throw new Error(`trigger geometry: ${key} should be a positive integer, got ${config[key]}`);
  }
  const samples = Math.round(config.sampleRate * config.clipSeconds);
  const frames = 1 + Math.floor(samples / config.hop);
  if (frames < config.kernel)
    throw new Error(`trigger geometry: ${frames} frames per clip, fewer than the Conv1D kernel (${config.kernel})`);
  const steps = Math.floor((frames - config.kernel) / config.stride) + 1;
  return { ...config, samples, frames, steps, stepSeconds: (config.stride * config.hop) / config.sampleRate };
}

/**
 * Time (s, from the clip start) of the last sample output step `i` has heard: its last frame is
 * i·stride + kernel − 1, and a centred frame j ends at j·hop + nFft/2.
 * @example
 * stepTime(triggerGeometry(), 0); // 0.156: (14·160 + 256) / 16000
 */
export function stepTime(g: TriggerGeometryConfig, i: number): number {
  return ((i * g.stride + g.kernel - 1) * g.hop + g.nFft / 2) / g.sampleRate;
}
