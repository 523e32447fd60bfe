/**
 * Sets the optimizer's learning rate at the start of every epoch from a `LearningRateSchedule`
 * (course 2 week 2 "learning rate decay"). The schedule is a pure function of the epoch, so a
 * resumed run gets the same rates without any saved state.
 *
 * @example
 * new Trainer(model, { optimizer: 'sgd', callbacks: [new LearningRateScheduler(inverseTimeDecay(0.1, { decayRate: 1 }))] });
 */
import type { LearningRateSchedule } from '../optim/schedules';
import type { Callback, TrainingContext } from './callback';

export class LearningRateScheduler implements Callback {
  readonly name = 'learningRateScheduler';

  constructor(private readonly schedule: LearningRateSchedule) {
    if (typeof schedule !== 'function')
      throw new Error(`LearningRateScheduler needs a schedule (epoch) => lr, got ${typeof schedule}`);
  }

  onEpochBegin(epoch: number, ctx: TrainingContext): void {
    const lr = this.schedule(epoch);
    if (!(Number.isFinite(lr) && lr >= 0))
      throw new Error(`learning-rate schedule returned ${lr} for epoch ${epoch}; expected a finite number >= 0`);
    ctx.learningRate = lr;
  }
}
