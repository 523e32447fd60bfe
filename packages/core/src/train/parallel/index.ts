export { DataParallel, gradientWorkerScript } from './dataParallel';
export type { DataParallelOptions, ShareResult } from './dataParallel';
