/**
 * Per-epoch training record. `epoch` is 0-based (as the learning-rate schedules); `loss` and
 * train metrics are averages over the epoch's mini-batches (weighted by batch size), `valLoss`
 * and validation metrics are measured on the whole validation set after the epoch.
 *
 * @example
 * const history = await trainer.fit({ x, y });
 * history.last()?.valAcc;          // validation accuracy after the final epoch
 * history.series('loss');          // [0.69, 0.41, ...]
 * JSON.stringify(history);         // an array of EpochLogs
 */
export interface EpochLogs {
  /** 0-based epoch index. */
  epoch: number;
  /** Mean training loss over the epoch (including regularization penalties). */
  loss: number;
  /** Mean training accuracy over the epoch (classification losses). */
  acc?: number;
  valLoss?: number;
  valAcc?: number;
  /** Learning rate used during the epoch. */
  lr: number;
  /** Wall-clock time of the epoch, including validation. */
  seconds: number;
  /** Custom metrics, and their validation values under `val` + Name. */
  [metric: string]: number | undefined;
}

export class History {
  readonly epochs: EpochLogs[] = [];

  constructor(epochs: readonly EpochLogs[] = []) {
    for (const e of epochs) this.push(e);
  }

  push(logs: EpochLogs): void {
    if (!(Number.isInteger(logs.epoch) && logs.epoch >= 0))
      throw new Error(`EpochLogs.epoch must be a non-negative integer, got ${logs.epoch}`);
    this.epochs.push({ ...logs });
  }

  get length(): number {
    return this.epochs.length;
  }

  last(): EpochLogs | undefined {
    return this.epochs[this.epochs.length - 1];
  }

  /** One key across epochs (undefined where an epoch lacks it). */
  series(key: string): (number | undefined)[] {
    return this.epochs.map((e) => e[key]);
  }

  /** True if at least one epoch recorded `key`. */
  has(key: string): boolean {
    return this.epochs.some((e) => e[key] !== undefined);
  }

  /** The epoch with the lowest (mode 'min') or highest ('max') value of `key`. */
  best(key: string, mode: 'min' | 'max' = 'min'): EpochLogs | undefined {
    let best: EpochLogs | undefined;
    for (const e of this.epochs) {
      const v = e[key];
      if (v === undefined || Number.isNaN(v)) continue;
      if (!best || (mode === 'min' ? v < best[key]! : v > best[key]!)) best = e;
    }
    return best;
  }

  toJSON(): EpochLogs[] {
    return this.epochs.map((e) => ({ ...e }));
  }

  static fromJSON(json: unknown): History {
    if (!Array.isArray(json)) throw new Error(`History.fromJSON: expected an array of epoch logs, got ${typeof json}`);
    return new History(json as EpochLogs[]);
  }
}
