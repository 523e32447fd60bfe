/**
 * Tells an epoch-aware data set which epoch is starting. Data sets whose batches depend on the
 * epoch (random augmentation drawn from (seed, epoch, example), data generated afresh every
 * epoch) implement `setEpoch`; this callback calls it at every epoch's start, including the first
 * epoch of a run resumed from a checkpoint, so a resumed run sees exactly the data of one that
 * never stopped. `runTraining` adds it by itself when the training data has `setEpoch`.
 *
 * @example
 * const train = new DigitDataset(digits, { augment: true, seed: 1 }); // has setEpoch
 * await new Trainer(model, { callbacks: [new AugmentationEpoch(train)] }).fit(train);
 */
import { CALLBACK_PRIORITY, type Callback } from './callback';

/** A data set whose batches depend on the epoch. */
export interface EpochAwareDataset {
  setEpoch(epoch: number): void;
}

/** True when `data` has a `setEpoch(epoch)` method. */
export function isEpochAware(data: unknown): data is EpochAwareDataset {
  return (
    typeof data === 'object' && data !== null && typeof (data as Partial<EpochAwareDataset>).setEpoch === 'function'
  );
}

export class AugmentationEpoch implements Callback {
  readonly name = 'augmentationEpoch';
  readonly priority = CALLBACK_PRIORITY.data;
  constructor(private readonly dataset: EpochAwareDataset) {
    if (!isEpochAware(dataset)) throw new Error('AugmentationEpoch needs a data set with a setEpoch(epoch) method');
  }
  onEpochBegin(epoch: number): void {
    this.dataset.setEpoch(epoch);
  }
}
