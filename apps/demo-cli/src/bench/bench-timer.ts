/**
 * The Trainer callback every training-rate bench row uses: it lets `warmupBatches` batches pass
 * untimed (kernel compilation, first allocations), then counts steps, examples, wall and CPU time
 * until `seconds` have passed and stops the run.
 *
 * @example
 * const timer = benchTimer(3, 20);
 * await new Trainer(model, { epochs: 1000, callbacks: [timer.callback] }).fit(data);
 * timer.steps / timer.elapsed; // steps per second
 */
import type { BatchLogs, Callback } from '@dlkit/core';

export interface BenchTimer {
  callback: Callback;
  /** Timed steps and examples (after the warm-up). */
  readonly steps: number;
  readonly samples: number;
  /** Seconds of wall time and of process CPU time (user + system) since the warm-up ended. */
  readonly elapsed: number;
  cpuSeconds(): number;
}

export function benchTimer(warmupBatches: number, seconds: number): BenchTimer {
  let start = 0;
  let cpu = process.cpuUsage();
  const t = {
    steps: 0,
    samples: 0,
    elapsed: 0,
    cpuSeconds: () => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1e6;
    },
    callback: {
      name: 'benchTimer',
      onBatchEnd: (batch: number, logs: BatchLogs, ctx: { stopTraining: boolean }) => {
        if (start === 0 && batch + 1 === warmupBatches) {
          start = performance.now();
          cpu = process.cpuUsage();
          return;
        }
        if (start === 0) return;
        t.steps++;
        t.samples += logs.size;
        t.elapsed = (performance.now() - start) / 1000;
        if (t.elapsed > seconds) ctx.stopTraining = true;
      },
    } as Callback,
  };
  return t;
}
