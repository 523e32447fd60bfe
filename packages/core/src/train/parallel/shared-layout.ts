/**
 * The shared memory between the Trainer's main thread and one gradient worker, and the
 * messages they exchange. Steps are synchronised with Atomics on `control` (no message per
 * step): the main thread writes the weights and the worker's rows, bumps `REQUEST`; the worker
 * writes its gradients, loss and metrics, then bumps `DONE`.
 */

/** Slots of the control block (Int32Array). */
export const REQUEST = 0; // sequence number of the last step asked for; -1 asks the worker to exit
export const DONE = 1; // sequence number of the last step the worker finished
export const STATUS = 2; // 0 ok, 1 the step failed (UTF-8 message in the `error` buffer)
export const ROWS = 3; // rows of x/y for this step
export const CONTROL_SLOTS = 4;

export interface TensorSpec {
  shape: number[]; // per-example shape for x and y (batch axis excluded); full shape for weights
  dtype: 'float32' | 'int32';
}

/** Everything a worker needs to rebuild the model and read/write the shared buffers. */
export interface WorkerInit {
  /** `model.toJSON()` of the model being trained. */
  modelJson: string;
  /** Loss and metric names from the Trainer's tables. */
  loss: string;
  metrics: string[];
  /** Every weight of `model.weights`, in order. */
  weights: TensorSpec[];
  x: TensorSpec;
  y: TensorSpec;
  /** Largest number of rows the worker is sent per step. */
  maxRows: number;
  buffers: SharedBuffers;
}

export interface SharedBuffers {
  control: SharedArrayBuffer; // Int32 [CONTROL_SLOTS]
  weights: SharedArrayBuffer; // Float32 [sum of weight sizes]
  trainable: SharedArrayBuffer; // Int32 [weights]: 1 where the weight gets a gradient this step
  grads: SharedArrayBuffer; // Float32 [sum of weight sizes] (trainable ones filled)
  x: SharedArrayBuffer; // 4 bytes per element [maxRows, ...x]
  y: SharedArrayBuffer; // 4 bytes per element [maxRows, ...y]
  results: SharedArrayBuffer; // Float64 [1 + metrics]: loss, metrics (batch means over the worker's rows)
  error: SharedArrayBuffer; // UTF-8 bytes of the last step's error, zero-terminated
}

export const ERROR_BYTES = 2048;

export function writeError(buffer: SharedArrayBuffer, message: string): void {
  const bytes = new Uint8Array(buffer);
  const encoded = new TextEncoder().encode(message).subarray(0, bytes.length - 1);
  bytes.fill(0);
  bytes.set(encoded);
}

export function readError(buffer: SharedArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(bytes.slice(0, end < 0 ? bytes.length : end));
}

export type WorkerMessage = { type: 'ready' } | { type: 'initError'; message: string };

export const size = (shape: readonly number[]): number => shape.reduce((p, q) => p * q, 1);

/** Offsets of each weight in the flat weight and gradient buffers. */
export function weightOffsets(weights: readonly TensorSpec[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const w of weights) {
    offsets.push(at);
    at += size(w.shape);
  }
  offsets.push(at);
  return offsets;
}

/** A typed view of `bytes` for `dtype` (both kinds are 4 bytes per element). */
export function typedView(
  bytes: SharedArrayBuffer,
  dtype: 'float32' | 'int32',
  length?: number,
): Float32Array | Int32Array {
  return dtype === 'int32' ? new Int32Array(bytes, 0, length) : new Float32Array(bytes, 0, length);
}
