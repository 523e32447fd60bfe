/**
 * Window functions. `periodic` windows (the default, scipy's `fftbins=True`, librosa's STFT
 * window) are one sample of a window of length n + 1, so that overlapping copies at hop n/4 sum to a
 * constant; `symmetric` ones end where they start (filter design).
 *
 *   hann(n)    = 0.5 - 0.5 cos(2π i / N)        N = n (periodic) or n - 1 (symmetric)
 *   hamming(n) = 0.54 - 0.46 cos(2π i / N)
 *   kaiser(n, β) = I0(β sqrt(1 - (2i/(n-1) - 1)²)) / I0(β)   (symmetric; Kaiser & Schafer 1980)
 *
 * @example
 * const w = windowFunction('hann', 512); // Float64Array(512), w[0] = 0, w[256] = 1
 */

export type WindowName = 'hann' | 'hamming';
/** A window by name, or its values (length = frame length). */
export type WindowSpec = WindowName | ArrayLike<number>;

export interface WindowOptions {
  /** Periodic (STFT, the default) or symmetric (filter design). */
  periodic?: boolean;
}

function cosineWindow(a0: number, n: number, periodic: boolean): Float64Array {
  const w = new Float64Array(n);
  const denominator = periodic ? n : n - 1;
  if (n === 1) return w.fill(1);
  for (let i = 0; i < n; i++) w[i] = a0 - (1 - a0) * Math.cos((2 * Math.PI * i) / denominator);
  return w;
}

export function hannWindow(n: number, { periodic = true }: WindowOptions = {}): Float64Array {
  return cosineWindow(0.5, n, periodic);
}

export function hammingWindow(n: number, { periodic = true }: WindowOptions = {}): Float64Array {
  return cosineWindow(0.54, n, periodic);
}

/** The modified Bessel function of the first kind, order 0, by its power series Σ ((x/2)^k / k!)². */
export function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Symmetric Kaiser window of length n and shape β (β = 8.6: ~-90 dB side lobes). */
export function kaiserWindow(n: number, beta: number): Float64Array {
  const w = new Float64Array(n);
  if (n === 1) return w.fill(1);
  const norm = besselI0(beta);
  for (let i = 0; i < n; i++) {
    const r = (2 * i) / (n - 1) - 1;
    w[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
  }
  return w;
}

/** A window by name (periodic) or given values, checked against the frame length. */
export function windowFunction(spec: WindowSpec, n: number): Float64Array {
  if (spec === 'hann') return hannWindow(n);
  if (spec === 'hamming') return hammingWindow(n);
  if (typeof spec === 'string')
    throw new Error(`unknown window '${spec}': expected 'hann', 'hamming' or the window's values`);
  if (spec.length !== n) throw new Error(`window has ${spec.length} values, expected the frame length ${n}`);
  return Float64Array.from(spec);
}
