import { formatEpochLogs, type EpochLogs, type TrainingContext } from '@dlkit/core';

/**
 * The CLI output contract (DESIGN.md section 5): human text on stdout, or with --json exactly
 * one JSON object as the last stdout line; progress and logs always go to stderr.
 */
export interface OutputOptions {
  json?: boolean;
}

export class Output {
  constructor(private readonly opts: OutputOptions) {}

  get json(): boolean {
    return Boolean(this.opts.json);
  }

  /** Progress bars only on an interactive terminal, never with --json or in CI. */
  get showProgress(): boolean {
    return !this.json && Boolean(process.stderr.isTTY) && !process.env.CI;
  }

  /**
   * The Trainer's `onEpochEnd` hook for commands that train: one line per epoch on stderr when no
   * progress bar is drawn (--json, CI, or stderr not a terminal); nothing when the bar shows.
   */
  epochLogger(): ((logs: EpochLogs, ctx: TrainingContext) => void) | undefined {
    return this.showProgress ? undefined : (logs, ctx) => this.log(formatEpochLogs(logs, ctx.epochs));
  }

  /**
   * The `onData` hook of the audio train commands: "generating <set> clips: done/total" on stderr,
   * a line per tenth of each set and one at its end.
   */
  clipLogger(): (done: number, total: number, set: string) => void {
    const shown = new Map<string, number>();
    return (done, total, set) => {
      const tenth = Math.floor((10 * done) / total);
      if (shown.get(set) !== tenth) this.log(`generating ${set} clips: ${done}/${total}`);
      shown.set(set, tenth);
    };
  }

  /** A log line on stderr (never pollutes the JSON on stdout). */
  log(message: string): void {
    process.stderr.write(`${message}\n`);
  }

  /** The command's result: one JSON line with --json, else the human summary. */
  result(value: object, human: string): void {
    if (this.json) process.stdout.write(`${JSON.stringify(value)}\n`);
    else process.stdout.write(`${human}\n`);
  }
}
