/**
 * The real DFT as a matrix, with the analysis window folded in: for a frame x of n samples,
 *
 *   X_k = Σ_j w_j x_j e^(−2πi jk/n),  re X_k = Σ_j x_j (w_j cos(2π jk/n)),  im X_k = Σ_j x_j (−w_j sin(2π jk/n))
 *
 * for the n/2 + 1 bins k = 0..n/2 of a real signal. `dftBasis` returns [n, 2·bins] (real columns,
 * then imaginary), so frames [F, n] × basis = [F, 2·bins]: the STFT as one MatMul, which is how the
 * in-graph layers compute it (tfjs-backend-wasm has no FFT kernel) and how ONNX sees it. The
 * angle uses (j·k mod n) so large n keeps full float64 precision.
 *
 * @example
 * const basis = dftBasis(512, hannWindow(512)); // Float64Array of 512 × 514
 */

/** Frequency bins of a real signal's DFT of length n: n/2 + 1. */
export function binCount(nFft: number): number {
  return Math.floor(nFft / 2) + 1;
}

/** [n, 2·bins] row-major: columns 0..bins−1 are w·cos, bins..2·bins−1 are −w·sin. */
export function dftBasis(nFft: number, window: ArrayLike<number>): Float64Array {
  const bins = binCount(nFft);
  const out = new Float64Array(nFft * 2 * bins);
  for (let j = 0; j < nFft; j++) {
    for (let k = 0; k < bins; k++) {
      const angle = (2 * Math.PI * ((j * k) % nFft)) / nFft;
      out[j * 2 * bins + k] = window[j] * Math.cos(angle);
      out[j * 2 * bins + bins + k] = -window[j] * Math.sin(angle);
    }
  }
  return out;
}
