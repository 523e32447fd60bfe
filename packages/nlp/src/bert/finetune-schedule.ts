/**
 * The learning-rate schedule of BERT fine-tuning (`ner train`, `qa train`): `none` keeps Adam's rate
 * constant; `cosine` decays it step by step from the rate to 0 over the run (cosineWithWarmup
 * without warmup, set after every mini-batch), so the last steps average out the batch noise.
 *
 * @example
 * runTraining({ ..., ...finetuneSchedule('cosine', 5e-4, 6) }); // 5e-4 at step 0, 2.5e-4 halfway, 0 at the end
 */
import { cosineWithWarmup, type TrainingRunOptions } from '@dlkit/core';

export const LR_DECAYS = ['cosine', 'none'] as const;
export type LrDecay = (typeof LR_DECAYS)[number];

/** runTraining's `schedule` options for a fine-tuning run of `epochs` epochs at `learningRate`. */
export function finetuneSchedule(
  lrDecay: LrDecay,
  learningRate: number,
  epochs: number,
): Pick<TrainingRunOptions, 'schedule' | 'scheduleEveryBatch'> {
  if (lrDecay === 'none') return {};
  if (lrDecay !== 'cosine') throw new Error(`lrDecay must be one of ${LR_DECAYS.join(', ')}, got ${String(lrDecay)}`);
  return { schedule: cosineWithWarmup(learningRate, { totalEpochs: epochs }), scheduleEveryBatch: true };
}
