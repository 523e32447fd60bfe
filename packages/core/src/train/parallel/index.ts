export { DataParallel, defaultTrainingWorkers, gradientWorkerScript } from './dataParallel';
export type { DataParallelOptions, ShareResult } from './dataParallel';
