import * as fs from 'fs';
import * as path from 'path';
import { loadOnnx, type OnnxSession } from '@dlkit/core';
import { readWav, toMono } from '../io/read-wav';
import { writeWav } from '../io/write-wav';
import { resample } from '../resample/resample';
import { insertChimes } from './chime';
import { detectTriggers, type TriggerEvent } from './trigger-events';
import { triggerFeatures } from './trigger-features';
import { stepTime, triggerGeometry, type TriggerGeometry, type TriggerGeometryConfig } from './trigger-geometry';
import { renderTriggerPlot } from './trigger-plot';

/** Files of a trained trigger-word model directory (the `--out` of `dlkit trigger train`). */
export const TRIGGER_MODEL_FILES = { onnx: 'trigger.onnx', config: 'trigger.json' };

/** What trigger.json holds. */
export interface TriggerModelInfo {
  word: string;
  geometry: TriggerGeometryConfig;
  /** The threshold chosen on validation clips (0.5 when not tuned). */
  threshold: number;
  minGapSeconds: number;
}

/** A detection curve over a whole recording. */
export interface TriggerCurve {
  /** Seconds from the start of the recording, one per output step. */
  times: Float64Array;
  probs: Float32Array;
}

export interface TriggerFileResult {
  detections: { time: number; score: number }[];
  /** The input with a chime at each detection (same rate and channels). */
  output: string;
  /** Spectrogram and detection curve. */
  plot: string;
}

/**
 * Serves a trained trigger-word model through onnxruntime-node. Recordings of any length are cut
 * into windows of the model's clip length that overlap by half (aligned to the output steps);
 * each output step is read from the latest window that has heard at least half a window before
 * it (the first window gives its whole curve), so every word shorter than half a window is heard
 * whole, and no step relies on a GRU state longer than training ever saw.
 * @example
 * const detector = await TriggerDetector.load('dlkit-out/trigger');
 * const r = await detector.detectFile('kitchen.wav', { out: 'kitchen-chimed.wav', plot: 'kitchen.png' });
 * console.log(r.detections); // [{ time: 3.41, score: 0.97 }]
 * await detector.dispose();
 */
export class TriggerDetector {
  readonly geometry: TriggerGeometry;

  private constructor(
    private readonly session: OnnxSession,
    readonly info: TriggerModelInfo,
  ) {
    this.geometry = triggerGeometry(info.geometry);
  }

  static async load(dir: string): Promise<TriggerDetector> {
    const file = (name: string) => {
      const f = path.join(dir, name);
      if (!fs.existsSync(f))
        throw new Error(`${dir}: no ${name}, expected a model directory written by \`dlkit trigger train\``);
      return f;
    };
    const config = file(TRIGGER_MODEL_FILES.config);
    let info: TriggerModelInfo;
    try {
      info = JSON.parse(fs.readFileSync(config, 'utf8')) as TriggerModelInfo;
    } catch (err) {
      throw new Error(`${config}: not valid JSON (${(err as Error).message})`);
    }
    if (!info?.geometry || typeof info.threshold !== 'number')
      throw new Error(`${config}: expected { word, geometry, threshold, minGapSeconds }`);
    return new TriggerDetector(await loadOnnx(file(TRIGGER_MODEL_FILES.onnx)), info);
  }

  /** The detection curve of mono audio at the model's rate (any length). */
  async curve(samples: Float32Array, batchSize = 16): Promise<TriggerCurve> {
    const g = this.geometry;
    const hopSteps = Math.floor(g.steps / 2);
    const hop = hopSteps * g.stride * g.hop; // samples between windows: a whole number of steps
    const windows = Math.max(1, Math.ceil(Math.max(0, samples.length - g.samples) / hop) + 1);
    const duration = samples.length / g.sampleRate;
    const times: number[] = [];
    const probs: number[] = [];
    for (let w0 = 0; w0 < windows; w0 += batchSize) {
      const n = Math.min(batchSize, windows - w0);
      const x = new Float32Array(n * g.frames * g.nMels);
      for (let k = 0; k < n; k++) {
        const start = (w0 + k) * hop;
        x.set(triggerFeatures(samples.subarray(start, start + g.samples), g), k * g.frames * g.nMels);
      }
      const out = await this.session.run(x, [n, g.frames, g.nMels]);
      const p = Object.values(out)[0].data as Float32Array; // [n, steps, 1]
      for (let k = 0; k < n; k++) {
        const w = w0 + k;
        for (let i = w === 0 ? 0 : g.steps - hopSteps; i < g.steps; i++) {
          const t = (w * hop) / g.sampleRate + stepTime(g, i);
          if (t > duration + 1e-9) break;
          times.push(t);
          probs.push(p[k * g.steps + i]);
        }
      }
    }
    return { times: Float64Array.from(times), probs: Float32Array.from(probs) };
  }

  /** Detections in mono audio at the model's rate, with the curve they come from. */
  async detect(
    samples: Float32Array,
    threshold = this.info.threshold,
  ): Promise<TriggerCurve & { events: TriggerEvent[] }> {
    const curve = await this.curve(samples);
    const events = detectTriggers(curve.probs, curve.times, { threshold, minGapSeconds: this.info.minGapSeconds });
    return { ...curve, events };
  }

  /**
   * Reads a WAV file (any rate, depth and channels; a bad file throws a WavError naming it), finds
   * the trigger word in its mono mix at the model's rate, and writes the file with a chime at each
   * detection (`out`, same rate and channels as the input) and the picture (`plot`).
   */
  async detectFile(file: string, files: { out: string; plot: string }, threshold?: number): Promise<TriggerFileResult> {
    const wav = readWav(file);
    const mono = toMono(wav);
    const g = this.geometry;
    const samples = wav.sampleRate === g.sampleRate ? mono : resample(mono, wav.sampleRate, g.sampleRate);
    const r = await this.detect(samples, threshold);
    const times = r.events.map((e) => e.time);
    writeWav(files.out, { sampleRate: wav.sampleRate, channels: insertChimes(wav.channels, wav.sampleRate, times) });
    await renderTriggerPlot(files.plot, {
      samples,
      geometry: g,
      times: r.times,
      probs: r.probs,
      threshold: threshold ?? this.info.threshold,
      events: r.events,
      title: `"${this.info.word}" in ${path.basename(file)}`,
    });
    return {
      detections: r.events.map((e) => ({ time: e.time, score: e.score })),
      output: files.out,
      plot: files.plot,
    };
  }

  async dispose(): Promise<void> {
    await this.session.dispose();
  }
}
