import { stepTime, type TriggerGeometry } from './trigger-geometry';

/** The course's label span: 50 of its 1,375 output steps per 10 s (0.3636 s), after each trigger word. */
export const TRIGGER_LABEL_SECONDS = 0.36;

/**
 * Per-step targets of one clip: 1 for the output steps whose time (stepTime) falls in
 * (end, end + labelSeconds] after the end of each trigger word, 0 elsewhere. The course sets the
 * 50 steps after the word's end step to 1; at 30 ms per step 0.36 s is 12 steps.
 * @example
 * // the word ends at 1.0 s; steps sit at 0.156 + 0.03·i s, so steps 29 (1.026 s) to 40 (1.356 s) are 1
 * triggerLabels([1.0], triggerGeometry()); // Float32Array(329) with 12 ones
 */
export function triggerLabels(
  wordEnds: readonly number[],
  g: TriggerGeometry,
  labelSeconds = TRIGGER_LABEL_SECONDS,
): Float32Array {
  const y = new Float32Array(g.steps);
  for (const end of wordEnds) {
    // first step after `end`, from the inverse of stepTime; then walk while inside the span
    const approx = ((end * g.sampleRate - g.nFft / 2) / g.hop - g.kernel + 1) / g.stride;
    let i = Math.max(0, Math.floor(approx) - 1);
    while (i < g.steps && stepTime(g, i) <= end) i++;
    for (; i < g.steps && stepTime(g, i) <= end + labelSeconds + 1e-9; i++) y[i] = 1;
  }
  return y;
}
