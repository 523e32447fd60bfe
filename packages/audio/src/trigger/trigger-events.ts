/**
 * From a detection curve to events, and events to scores. A run of consecutive steps at or above
 * the threshold is one event (runs closer than `minGapSeconds` merge), placed at its highest step
 * (`placement: 'peak'`, the default: peak picking, which waits until the run ends, ~0.4 s) or at
 * its first step (`'first'`: the moment a streaming detector would fire). The model's curve often
 * crosses the threshold a step or two before the word has quite ended, which the rule below counts
 * as a miss plus a false alarm; its peak lands after the end. An event counts as a hit when it falls
 * within `toleranceSeconds` after the end of a trigger word that no earlier event claimed
 * (issue 13 §3: within 0.5 s after the word ends).
 */

export interface TriggerEvent {
  /** The detection time (s): the event's highest step, or its first with `placement: 'first'`. */
  time: number;
  /** When the curve first reached the threshold (s). */
  startTime: number;
  /** The curve's maximum over the event. */
  score: number;
  /** Time of the event's last step at or above the threshold (s). */
  endTime: number;
}

export interface TriggerDetectOptions {
  /** Probability at or above which a step counts as "trigger word just said". */
  threshold?: number;
  /** Runs whose gap (last step of one to first step of the next) is shorter than this (s) are one event. */
  minGapSeconds?: number;
  /** Where an event sits: its highest step ('peak') or its first ('first'). */
  placement?: 'peak' | 'first';
}

export const TRIGGER_DETECT_DEFAULTS = {
  threshold: 0.5,
  minGapSeconds: 0.3,
  placement: 'peak',
} satisfies TriggerDetectOptions;

/**
 * Events of a curve whose step i sits at `times[i]` (seconds, increasing).
 * @example
 * detectTriggers([0.1, 0.7, 0.9, 0.2, 0.6], [0, 0.03, 0.06, 0.09, 0.12], { minGapSeconds: 0 });
 * // [{ time: 0.06, startTime: 0.03, score: 0.9, endTime: 0.06 }, { time: 0.12, startTime: 0.12, score: 0.6, endTime: 0.12 }]
 */
export function detectTriggers(
  curve: ArrayLike<number>,
  times: ArrayLike<number>,
  options: TriggerDetectOptions = {},
): TriggerEvent[] {
  const { threshold, minGapSeconds, placement } = { ...TRIGGER_DETECT_DEFAULTS, ...options };
  if (curve.length !== times.length)
    throw new Error(`detectTriggers: ${curve.length} curve values for ${times.length} step times`);
  const events: TriggerEvent[] = [];
  let current: TriggerEvent | undefined;
  let inRun = false;
  for (let i = 0; i < curve.length; i++) {
    const above = curve[i] >= threshold;
    if (above) {
      const t = times[i];
      // a run continues; a new run within minGapSeconds of the last one's end joins it
      if (current && (inRun || t - current.endTime < minGapSeconds)) {
        current.endTime = t;
        if (curve[i] > current.score) {
          current.score = curve[i];
          if (placement === 'peak') current.time = t;
        }
      } else {
        current = { time: t, startTime: t, score: curve[i], endTime: t };
        events.push(current);
      }
    }
    inRun = above;
  }
  return events;
}

export interface TriggerMatch {
  /** Events within the tolerance after a word's end (one per word). */
  truePositives: number;
  /** Events matching no word. */
  falsePositives: number;
  /** Words no event matched. */
  falseNegatives: number;
}

/**
 * Matches event times to trigger-word end times: in time order, each event claims the earliest
 * unclaimed word with end ≤ time ≤ end + toleranceSeconds. Words closer together than the
 * tolerance cannot both claim one event, and a second event for the same word is a false positive.
 * @example
 * matchTriggers([1.2, 1.4, 3.0], [1.0, 2.9, 5.0]); // { truePositives: 2, falsePositives: 1, falseNegatives: 1 }
 */
export function matchTriggers(
  eventTimes: readonly number[],
  wordEnds: readonly number[],
  toleranceSeconds = 0.5,
): TriggerMatch {
  const ends = [...wordEnds].sort((a, b) => a - b);
  const claimed = new Array<boolean>(ends.length).fill(false);
  let truePositives = 0;
  for (const t of [...eventTimes].sort((a, b) => a - b)) {
    const w = ends.findIndex((end, k) => !claimed[k] && end <= t && t <= end + toleranceSeconds);
    if (w >= 0) {
      claimed[w] = true;
      truePositives++;
    }
  }
  return {
    truePositives,
    falsePositives: eventTimes.length - truePositives,
    falseNegatives: ends.length - truePositives,
  };
}

export interface TriggerScores extends TriggerMatch {
  precision: number;
  recall: number;
  f1: number;
}

/** Adds match counts up and gives precision, recall and F1 (0 when undefined: no events, no words). */
export function triggerScores(matches: readonly TriggerMatch[]): TriggerScores {
  const sum = (k: keyof TriggerMatch) => matches.reduce((s, m) => s + m[k], 0);
  const tp = sum('truePositives');
  const fp = sum('falsePositives');
  const fn = sum('falseNegatives');
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
