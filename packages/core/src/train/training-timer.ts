/**
 * Measures training throughput: the seconds spent in training steps (from the start of each
 * epoch to the end of its last batch, so validation is excluded), the examples processed in
 * this run, and the epoch a resumed run started from.
 *
 * @example
 * const timer = new TrainingTimer();
 * await new Trainer(model, { callbacks: [timer], ... }).fit(data);
 * console.log(timer.samplesPerSec, timer.resumedFromEpoch);
 */
import { CALLBACK_PRIORITY, type BatchLogs, type Callback, type TrainingContext } from './callback';

export class TrainingTimer implements Callback {
  readonly name = 'trainingTimer';
  /** Before every other callback, so their work is not counted as training time. */
  readonly priority = CALLBACK_PRIORITY.timer;
  /** Seconds spent in training steps during this run (a resumed run counts only its own epochs). */
  seconds = 0;
  /** Examples trained on during this run. */
  samples = 0;
  /** Epochs already completed when this run started (0 unless resumed from a checkpoint). */
  resumedFromEpoch = 0;
  private epochStart = 0;

  onTrainBegin(ctx: TrainingContext): void {
    this.resumedFromEpoch = ctx.history.length;
    this.seconds = 0;
    this.samples = 0;
  }

  onEpochBegin(): void {
    this.epochStart = performance.now();
  }

  onBatchEnd(batch: number, logs: BatchLogs): void {
    this.samples += logs.size;
    if (batch === logs.batches - 1) this.seconds += (performance.now() - this.epochStart) / 1000;
  }

  /** Training examples per second of training steps (0 before any full epoch). */
  get samplesPerSec(): number {
    return this.seconds > 0 ? this.samples / this.seconds : 0;
  }
}
