/**
 * The contract of the DLS experiments (`dlkit dls <name>`): each is one seeded, deterministic
 * run of a course lab on the scratch engine, reporting accuracy per variant.
 */

/** Accuracy of one variant on its training and held-out test sets, in [0, 1]. */
export interface DlsAccuracy {
  train: number;
  test: number;
}

/** What every experiment returns; extra fields (settings, timings, costs) are allowed. */
export interface DlsResult<R = DlsAccuracy> {
  experiment: string;
  /** One row per variant, e.g. `{ zeros: { train, test }, he: { train, test } }`. */
  results: Record<string, R>;
  [extra: string]: unknown;
}

export interface DlsRunOptions {
  /** Seed for data, initialisation, shuffles and dropout; each experiment has a tuned default. */
  seed?: number;
}

/** One row of the experiment table. */
export interface DlsExperiment {
  name: string;
  /** One line for `dlkit dls --help`. */
  description: string;
  /** The default seed, the one the acceptance thresholds are asserted on. */
  defaultSeed: number;
  /** Whether `results` rows are `{ train, test }` accuracies (false for gradcheck's rows). */
  accuracy: boolean;
  run(options?: DlsRunOptions): Promise<DlsResult<unknown>>;
}
