/**
 * Worker-thread entry of skip-gram training: runs one thread's share over the shared arrays
 * (see trainSkipgram) and posts back the corpus tokens it processed.
 */
import { parentPort, workerData } from 'worker_threads';
import { SkipgramArrays, SkipgramLoopParams, runSkipgramThread } from './skipgram-loop';

const { arrays, params } = workerData as { arrays: SkipgramArrays; params: SkipgramLoopParams };
parentPort?.postMessage({ tokens: runSkipgramThread(arrays, params) });
