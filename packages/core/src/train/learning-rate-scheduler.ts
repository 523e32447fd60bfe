/**
 * Sets the optimizer's learning rate at the start of every epoch from a `LearningRateSchedule`
 * (course 2 week 2 "learning rate decay"). The schedule is a pure function of the epoch, so a
 * resumed run gets the same rates without any saved state. With `everyBatch`, the rate is also set
 * after every mini-batch from the fractional epoch (epoch + batches done / batches per epoch), so a
 * smooth schedule such as `cosineWithWarmup` decays step by step, as BERT fine-tuning does.
 *
 * @example
 * new Trainer(model, { optimizer: 'sgd', callbacks: [new LearningRateScheduler(inverseTimeDecay(0.1, { decayRate: 1 }))] });
 * new LearningRateScheduler(cosineWithWarmup(5e-4, { totalEpochs: 6 }), { everyBatch: true });
 */
import type { LearningRateSchedule } from '../optim/schedules';
import type { BatchLogs, Callback, TrainingContext } from './callback';

export class LearningRateScheduler implements Callback {
  readonly name = 'learningRateScheduler';

  constructor(
    private readonly schedule: LearningRateSchedule,
    private readonly options: { everyBatch?: boolean } = {},
  ) {
    if (typeof schedule !== 'function')
      throw new Error(`LearningRateScheduler needs a schedule (epoch) => lr, got ${typeof schedule}`);
  }

  onEpochBegin(epoch: number, ctx: TrainingContext): void {
    this.apply(epoch, ctx);
  }

  onBatchEnd(batch: number, logs: BatchLogs, ctx: TrainingContext): void {
    // During an epoch, completedEpochs is that epoch's index.
    if (this.options.everyBatch) this.apply(ctx.completedEpochs + (batch + 1) / logs.batches, ctx);
  }

  private apply(epoch: number, ctx: TrainingContext): void {
    const lr = this.schedule(epoch);
    if (!(Number.isFinite(lr) && lr >= 0))
      throw new Error(`learning-rate schedule returned ${lr} for epoch ${epoch}; expected a finite number >= 0`);
    ctx.learningRate = lr;
  }
}
