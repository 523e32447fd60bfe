import { composeTriggerClip, type TriggerClipOptions, type TriggerSource } from './trigger-clip';
import type { TriggerSet } from './trigger-dataset';
import { triggerFeatures } from './trigger-features';
import type { TriggerGeometry } from './trigger-geometry';
import { triggerLabels } from './trigger-labels';

export interface TriggerSetOptions {
  clips: number;
  /** Clip i is composed from seed `seed · 100003 + i`. */
  seed: number;
  /** Word counts, SNR and levels (TRIGGER_CLIP_DEFAULTS otherwise). */
  clip?: Omit<TriggerClipOptions, 'sampleRate' | 'clipSeconds'>;
  /** Called after each clip (progress). */
  onClip?: (done: number, total: number) => void;
}

/** The seed of clip `i` of a set (one seed names one clip). */
export const clipSeed = (seed: number, i: number) => (seed * 100003 + i) >>> 0;

/**
 * Composes `clips` clips from `source` and keeps only their features, labels and trigger-word ends
 * (the audio is dropped clip by clip: 10 s of float32 audio is 640 KB, its 1,001 × 40 features 160 KB).
 * @example
 * const train = await generateTriggerSet(source, triggerGeometry(), { clips: 1500, seed: 1 });
 */
export async function generateTriggerSet(
  source: TriggerSource,
  g: TriggerGeometry,
  o: TriggerSetOptions,
): Promise<TriggerSet> {
  const set: TriggerSet = { features: [], labels: [], triggerEnds: [] };
  for (let i = 0; i < o.clips; i++) {
    const clip = await composeTriggerClip(source, clipSeed(o.seed, i), {
      ...o.clip,
      sampleRate: g.sampleRate,
      clipSeconds: g.clipSeconds,
    });
    set.features.push(triggerFeatures(clip.samples, g));
    set.labels.push(triggerLabels(clip.triggerEnds, g));
    set.triggerEnds.push(clip.triggerEnds);
    o.onClip?.(i + 1, o.clips);
  }
  return set;
}
