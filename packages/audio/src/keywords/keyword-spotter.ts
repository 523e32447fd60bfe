import * as fs from 'fs';
import * as path from 'path';
import { loadOnnx, type OnnxSession } from '@dlkit/core';
import { readClip } from './keyword-folder';

export interface KeywordPrediction {
  file: string;
  label: string;
  score: number;
}

/** Files of a trained keyword model directory (the `--out` of `dlkit keywords train`). */
export const KEYWORD_MODEL_FILES = { onnx: 'keywords.onnx', labels: 'labels.txt', config: 'keywords.json' };

/**
 * Serves a trained keyword model through onnxruntime-node: reads WAV files (any rate, depth and
 * channel count; resampled to the model's rate, cut or padded to its length), runs the ONNX graph
 * (log-mel features included) and returns the top label and its probability per file.
 * @example
 * const spotter = await KeywordSpotter.load('dlkit-out/keywords-train');
 * console.log(await spotter.predictFiles(['yes.wav'])); // [{ file: 'yes.wav', label: 'yes', score: 0.98 }]
 * await spotter.dispose();
 */
export class KeywordSpotter {
  private constructor(
    private readonly session: OnnxSession,
    readonly labels: string[],
    readonly sampleRate: number,
    readonly samples: number,
  ) {}

  static async load(dir: string): Promise<KeywordSpotter> {
    const file = (name: string) => {
      const f = path.join(dir, name);
      if (!fs.existsSync(f))
        throw new Error(`${dir}: no ${name}, expected a model directory written by \`dlkit keywords train\``);
      return f;
    };
    const labels = fs.readFileSync(file(KEYWORD_MODEL_FILES.labels), 'utf8').split('\n').filter(Boolean);
    const config = JSON.parse(fs.readFileSync(file(KEYWORD_MODEL_FILES.config), 'utf8')) as {
      sampleRate: number;
      samples: number;
    };
    const session = await loadOnnx(file(KEYWORD_MODEL_FILES.onnx));
    return new KeywordSpotter(session, labels, config.sampleRate, config.samples);
  }

  /** Class probabilities of clips of exactly `samples` samples: [clips][labels]. */
  async probabilities(clips: Float32Array[]): Promise<Float32Array[]> {
    if (clips.length === 0) return [];
    const x = new Float32Array(clips.length * this.samples);
    clips.forEach((c, i) => x.set(c.subarray(0, this.samples), i * this.samples));
    const out = await this.session.run(x, [clips.length, this.samples]);
    const probs = Object.values(out)[0].data as Float32Array; // [clips, labels]
    const k = this.labels.length;
    return clips.map((_, i) => probs.slice(i * k, (i + 1) * k));
  }

  /** The top label per file; a bad WAV throws a WavError naming the file. */
  async predictFiles(files: string[]): Promise<KeywordPrediction[]> {
    const clips = files.map((f) => readClip(f, this.sampleRate, this.samples));
    return (await this.probabilities(clips)).map((p, i) => {
      const best = p.indexOf(Math.max(...p));
      return { file: files[i], label: this.labels[best], score: p[best] };
    });
  }

  async dispose(): Promise<void> {
    await this.session.dispose();
  }
}
