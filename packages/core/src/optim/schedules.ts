/**
 * Learning-rate schedules (DLS course 2, week 2 "learning rate decay"). A schedule maps an
 * epoch (0-based) to a learning rate; both the scratch optimizers and the tfjs Trainer use them.
 */
export type LearningRateSchedule = (epoch: number) => number;

/** Constant learning rate. */
export const constantLr =
  (lr: number): LearningRateSchedule =>
  () =>
    lr;

/** Inverse-time decay: lr0 / (1 + decayRate * floor(epoch / interval)) (course 2 "learning rate decay"). */
export function inverseTimeDecay(lr0: number, { decayRate = 1, interval = 1 } = {}): LearningRateSchedule {
  return (epoch) => lr0 / (1 + decayRate * Math.floor(epoch / interval));
}

/** Exponential decay: lr0 * rate^(epoch / interval). */
export function exponentialDecay(lr0: number, { rate = 0.95, interval = 1 } = {}): LearningRateSchedule {
  return (epoch) => lr0 * Math.pow(rate, epoch / interval);
}

/** Step decay: lr0 * factor^floor(epoch / stepSize). */
export function stepDecay(lr0: number, { factor = 0.5, stepSize = 10 } = {}): LearningRateSchedule {
  return (epoch) => lr0 * Math.pow(factor, Math.floor(epoch / stepSize));
}

/**
 * Linear warmup from lr0 * warmupStart to lr0 over `warmupEpochs`, then cosine decay to `minLr`
 * at `totalEpochs` (Loshchilov & Hutter 2017, SGDR; warmup as in Goyal et al. 2017).
 */
export function cosineWithWarmup(
  lr0: number,
  {
    totalEpochs,
    warmupEpochs = 0,
    minLr = 0,
    warmupStart = 0.1,
  }: { totalEpochs: number; warmupEpochs?: number; minLr?: number; warmupStart?: number },
): LearningRateSchedule {
  if (!(totalEpochs > warmupEpochs))
    throw new Error(`totalEpochs (${totalEpochs}) must exceed warmupEpochs (${warmupEpochs})`);
  return (epoch) => {
    if (epoch < warmupEpochs) return lr0 * (warmupStart + ((1 - warmupStart) * epoch) / warmupEpochs);
    const progress = Math.min(1, (epoch - warmupEpochs) / (totalEpochs - warmupEpochs));
    return minLr + 0.5 * (lr0 - minLr) * (1 + Math.cos(Math.PI * progress));
  };
}
