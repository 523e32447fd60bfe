/**
 * A per-epoch progress bar (cli-progress) on stderr with the epoch's running mean loss and metrics:
 * `epoch 2/10 [=====-----] 17/32 | loss 0.4121  acc 0.8750`, then validation values and time at the epoch's end.
 * The Trainer adds one by itself when `shouldShowProgress` says so (an interactive terminal,
 * not CI, `progress` not false); in other cases use the `onEpochEnd` hook with `formatEpochLogs`.
 *
 * @example
 * new Trainer(model, { progress: false, callbacks: [new ProgressBar({ stream: process.stdout })] });
 */
import * as cliProgress from 'cli-progress';
import { CALLBACK_PRIORITY, type BatchLogs, type Callback, type TrainingContext } from './callback';
import type { EpochLogs } from './history';
import { formatNumber } from './format';

/** True when a bar makes sense: progress not disabled, `stream` is a TTY, and `CI` is unset. */
export function shouldShowProgress(
  progress: boolean | undefined,
  stream: { isTTY?: boolean } = process.stderr,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return progress !== false && stream.isTTY === true && !env.CI;
}

export interface ProgressBarOptions {
  /** Where the bar is drawn. */
  stream?: NodeJS.WritableStream;
  /** Draw even when the stream is not a TTY (tests, log files); cli-progress then redraws per update. */
  forceOutput?: boolean;
}

export class ProgressBar implements Callback {
  readonly name = 'progressBar';
  readonly priority = CALLBACK_PRIORITY.progress;
  private bar: cliProgress.SingleBar | undefined;
  /** Example-weighted sums of the epoch's batch values, for running means. */
  private sums: Record<string, number> = {};
  private seen = 0;
  private readonly stream: NodeJS.WritableStream;
  private readonly forceOutput: boolean;

  constructor({ stream = process.stderr, forceOutput = false }: ProgressBarOptions = {}) {
    this.stream = stream;
    this.forceOutput = forceOutput;
  }

  onEpochBegin(epoch: number, ctx: TrainingContext): void {
    this.stop();
    this.bar = new cliProgress.SingleBar(
      {
        format: `epoch ${epoch + 1}/${ctx.epochs} [{bar}] {value}/{total} | {metrics}`,
        stream: this.stream,
        barsize: 24,
        hideCursor: !this.forceOutput,
        clearOnComplete: false,
        stopOnComplete: false,
        noTTYOutput: this.forceOutput,
        notTTYSchedule: 0,
        etaBuffer: 20,
      },
      cliProgress.Presets.legacy,
    );
    this.bar.start(ctx.batchesPerEpoch, 0, { metrics: '' });
    this.sums = {};
    this.seen = 0;
  }

  /** Shows the running means over the epoch so far (as Keras does), not the noisy last batch. */
  onBatchEnd(batch: number, logs: BatchLogs): void {
    const { batch: _b, batches: _n, size, ...values } = logs;
    this.seen += size;
    const means: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) {
      this.sums[k] = (this.sums[k] ?? 0) + v * size;
      means[k] = this.sums[k] / this.seen;
    }
    this.bar?.update(batch + 1, { metrics: metricsText(means, []) });
  }

  onEpochEnd(_epoch: number, logs: EpochLogs): void {
    this.bar?.update({ metrics: metricsText(logs, ['epoch', 'lr']) });
    this.stop();
  }

  onTrainEnd(): void {
    this.stop();
  }

  private stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

function metricsText(logs: Record<string, number | undefined>, skip: string[]): string {
  return Object.entries(logs)
    .filter(([k, v]) => v !== undefined && !skip.includes(k))
    .map(([k, v]) => (k === 'seconds' ? `${v!.toFixed(1)}s` : `${k} ${formatNumber(v!)}`))
    .join('  ');
}
