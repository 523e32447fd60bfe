/**
 * rows × matrixᵀ for feature matrices: each output row j is Σ_i row[i] · matrix[j][i] (a filterbank
 * or DCT applied to every frame), accumulated in float64.
 *
 * @example
 * applyRows([Float32Array.from([1, 2])], [Float64Array.from([1, 1])]); // [[3]]
 */
export function applyRows(rows: readonly ArrayLike<number>[], matrix: readonly ArrayLike<number>[]): Float32Array[] {
  return rows.map((row) => {
    const out = new Float32Array(matrix.length);
    for (let j = 0; j < matrix.length; j++) {
      const m = matrix[j];
      if (m.length !== row.length) throw new Error(`matrix row has ${m.length} columns, the input ${row.length}`);
      let s = 0;
      for (let i = 0; i < row.length; i++) s += row[i] * m[i];
      out[j] = s;
    }
    return out;
  });
}
