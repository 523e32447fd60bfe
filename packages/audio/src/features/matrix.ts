/**
 * rows × matrixᵀ for feature matrices: each output row j is Σ_i row[i] · matrix[j][i] (a filterbank
 * or DCT applied to every frame), accumulated in float64.
 *
 * @example
 * applyRows([Float32Array.from([1, 2])], [Float64Array.from([1, 1])]); // [[3]]
 */
export function applyRows(rows: readonly ArrayLike<number>[], matrix: readonly ArrayLike<number>[]): Float32Array[] {
  // Each matrix row's non-zero span: a mel filter touches a few bins, so the sums skip the zeros.
  const spans = matrix.map((m) => {
    if (rows.length && m.length !== rows[0].length)
      throw new Error(`matrix row has ${m.length} columns, the input ${rows[0].length}`);
    let lo = 0;
    let hi = m.length;
    while (lo < hi && m[lo] === 0) lo++;
    while (hi > lo && m[hi - 1] === 0) hi--;
    return [lo, hi];
  });
  return rows.map((row) => {
    const out = new Float32Array(matrix.length);
    for (let j = 0; j < matrix.length; j++) {
      const m = matrix[j];
      const [lo, hi] = spans[j];
      let s = 0;
      for (let i = lo; i < hi; i++) s += row[i] * m[i];
      out[j] = s;
    }
    return out;
  });
}
