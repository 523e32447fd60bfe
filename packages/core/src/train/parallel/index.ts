// Data parallelism for the Trainer (`workers: N`): the Trainer uses DataParallel; the package
// exports only defaultTrainingWorkers.
export { DataParallel, defaultTrainingWorkers } from './data-parallel';
export type { DataParallelOptions } from './data-parallel';
