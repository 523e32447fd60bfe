import type * as tf from '@tensorflow/tfjs';
import { composeTriggerClip, type TriggerClipOptions, type TriggerSource } from './trigger-clip';
import {
  detectTriggers,
  matchTriggers,
  triggerScores,
  type TriggerDetectOptions,
  type TriggerScores,
} from './trigger-events';
import { triggerFeatures } from './trigger-features';
import { stepTime, type TriggerGeometry } from './trigger-geometry';
import { triggerCurves } from './trigger-model';
import { clipSeed } from './trigger-set';

/** The time of every output step of one clip (stepTime). */
export function stepTimes(g: TriggerGeometry): Float64Array {
  return Float64Array.from({ length: g.steps }, (_, i) => stepTime(g, i));
}

/** Event-level scores of detection curves against the clips' trigger-word ends (0.5 s tolerance). */
export function scoreTriggerCurves(
  curves: readonly Float32Array[],
  triggerEnds: readonly number[][],
  g: TriggerGeometry,
  options: TriggerDetectOptions = {},
): TriggerScores {
  const times = stepTimes(g);
  return triggerScores(
    curves.map((curve, i) =>
      matchTriggers(
        detectTriggers(curve, times, options).map((e) => e.time),
        triggerEnds[i],
      ),
    ),
  );
}

/** Thresholds tried when tuning on validation clips. */
export const TRIGGER_THRESHOLDS = Array.from({ length: 19 }, (_, i) => Math.round((0.05 + 0.05 * i) * 100) / 100);

/**
 * The threshold with the best F1 on (validation) curves; ties go to the one closest to 0.5.
 * @example
 * const { threshold } = tuneTriggerThreshold(validationCurves, validation.triggerEnds, g);
 */
export function tuneTriggerThreshold(
  curves: readonly Float32Array[],
  triggerEnds: readonly number[][],
  g: TriggerGeometry,
  options: Omit<TriggerDetectOptions, 'threshold'> = {},
): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of TRIGGER_THRESHOLDS) {
    const { f1 } = scoreTriggerCurves(curves, triggerEnds, g, { ...options, threshold });
    const closer = Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5);
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && closer)) best = { threshold, f1 };
  }
  return best;
}

export interface FalseAlarmOptions {
  /** Hours of audio to generate (in clips of the geometry's length). */
  hours: number;
  seed: number;
  /** Word counts and levels; trigger words are always 0. */
  clip?: Omit<TriggerClipOptions, 'sampleRate' | 'clipSeconds' | 'positives'>;
  detect?: TriggerDetectOptions;
  batchSize?: number;
  onClip?: (done: number, total: number) => void;
}

export interface FalseAlarmResult {
  falseAlarms: number;
  hours: number;
  perHour: number;
  clips: number;
}

/** Other words per clip in the false-alarm audio: more than the training clips' 0-2, where false alarms come from. */
export const FALSE_ALARM_NEGATIVES: [number, number] = [1, 4];

/**
 * False alarms per hour: `hours` of clips with background and other words but no trigger word,
 * composed, featurised and scored batch by batch (never more than one batch of audio in memory);
 * every detection is a false alarm.
 */
export async function countFalseAlarms(
  model: tf.LayersModel,
  source: TriggerSource,
  g: TriggerGeometry,
  o: FalseAlarmOptions,
): Promise<FalseAlarmResult> {
  const clips = Math.max(1, Math.ceil((o.hours * 3600) / g.clipSeconds));
  const batchSize = o.batchSize ?? 32;
  const times = stepTimes(g);
  let falseAlarms = 0;
  for (let start = 0; start < clips; start += batchSize) {
    const features: Float32Array[] = [];
    for (let i = start; i < Math.min(clips, start + batchSize); i++) {
      const clip = await composeTriggerClip(source, clipSeed(o.seed, i), {
        negatives: FALSE_ALARM_NEGATIVES,
        ...o.clip,
        positives: [0, 0],
        sampleRate: g.sampleRate,
        clipSeconds: g.clipSeconds,
      });
      features.push(triggerFeatures(clip.samples, g));
      o.onClip?.(i + 1, clips);
    }
    for (const curve of triggerCurves(model, features, g, batchSize))
      falseAlarms += detectTriggers(curve, times, o.detect).length;
  }
  const hours = (clips * g.clipSeconds) / 3600;
  return { falseAlarms, hours, perHour: falseAlarms / hours, clips };
}
