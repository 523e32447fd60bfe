/**
 * Drops the keys whose value is `undefined`, so `{ ...DEFAULTS, ...stripUndefined(options) }`
 * keeps a default wherever a caller passed `{ epochs: undefined }` (as CLI flags do).
 *
 * @example
 * const o = { ...{ epochs: 10 }, ...stripUndefined({ epochs: undefined }) }; // { epochs: 10 }
 */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
