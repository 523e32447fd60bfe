/**
 * Power to decibels, as librosa.power_to_db:
 *
 *   dB = 10·log10(max(amin, S)) − 10·log10(max(amin, ref)),  then  dB = max(dB, max(dB) − topDb)
 *
 * `amin` keeps log10 finite on silence; `topDb` floors everything more than topDb below the loudest
 * value (of the whole array, as librosa: for one signal, its loudest frame and band).
 *
 * @example
 * powerToDb([Float32Array.from([1, 0.1, 1e-12])]); // [[0, -10, -80]]  (−100 floored at 0 − 80)
 */
import { stripUndefined } from '@dlkit/core';

export interface DbOptions {
  /** Power that maps to 0 dB: a number, or 'max' (the array's maximum, librosa's `ref=np.max`). */
  ref?: number | 'max';
  /** Smallest power taken into the log. */
  amin?: number;
  /** Dynamic range kept below the maximum, in dB; null keeps everything. */
  topDb?: number | null;
}

export const DB_DEFAULTS = { ref: 1 as number | 'max', amin: 1e-10, topDb: 80 as number | null };

export function checkDbOptions(o: typeof DB_DEFAULTS): void {
  if (!(o.amin > 0)) throw new Error(`amin should be positive, got ${o.amin}`);
  if (o.topDb !== null && !(o.topDb >= 0)) throw new Error(`topDb should be non-negative or null, got ${o.topDb}`);
  if (o.ref !== 'max' && !(o.ref > 0)) throw new Error(`ref should be positive or 'max', got ${o.ref}`);
}

export function powerToDb(power: readonly ArrayLike<number>[], options: DbOptions = {}): Float32Array[] {
  const o = { ...DB_DEFAULTS, ...stripUndefined(options) };
  checkDbOptions(o);
  let ref = o.ref;
  if (ref === 'max') {
    ref = 0;
    for (const row of power) for (let i = 0; i < row.length; i++) ref = Math.max(ref, row[i]);
  }
  const offset = 10 * Math.log10(Math.max(o.amin, ref));
  const db = power.map((row) => Float32Array.from(row, (p) => 10 * Math.log10(Math.max(o.amin, p)) - offset));
  if (o.topDb !== null) {
    let top = -Infinity;
    for (const row of db) for (let i = 0; i < row.length; i++) top = Math.max(top, row[i]);
    const floor = top - o.topDb;
    for (const row of db) for (let i = 0; i < row.length; i++) row[i] = Math.max(row[i], floor);
  }
  return db;
}
