/**
 * Colour scales for heat maps, one table: a scale is a row of evenly spaced stops, values in
 * [0, 1] are interpolated linearly between them. Add a scale by adding a row.
 * Stops are matplotlib's colormap data (viridis, magma at 9 points; Blues' end points).
 *
 * @example
 * colorScale('viridis', 0);   // "#440154"
 * colorScale('blues', 0.5);   // "#80a0b5"
 */
export const COLOR_SCALES = {
  /** Perceptually uniform, colour-blind safe: attention maps, spectrograms. */
  viridis: ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'],
  /** Dark to light through purple and orange: magnitudes such as spectrogram power. */
  magma: ['#000004', '#1c1044', '#4f127b', '#812581', '#b5367a', '#e55064', '#fb8761', '#fec287', '#fcfdbf'],
  /** White to dark blue: fractions such as confusion-matrix rows. */
  blues: ['#f7fbff', '#08306b'],
  /** Black to white: intensities (voxel projections, piano-roll velocities). */
  greys: ['#000000', '#ffffff'],
} as const satisfies Record<string, readonly string[]>;

export type ColorScaleName = keyof typeof COLOR_SCALES;

/** Distinct colours for categories (matplotlib's tab10): series, classes, melodies. */
export const CATEGORY_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;

/** Colour of `value` in [0, 1] (clipped; NaN counts as 0) on the named scale, as "#rrggbb". */
export function colorScale(name: ColorScaleName, value: number): string {
  const stops = COLOR_SCALES[name];
  if (!stops) throw new Error(`unknown colour scale '${name}'; scales are: ${Object.keys(COLOR_SCALES).join(', ')}`);
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(v));
  const f = v - i;
  const [a, b] = [stops[i], stops[i + 1]].map(hexToRgb);
  return rgbToHex(a.map((x, k) => Math.round(x + (b[k] - x) * f)));
}

/** "#rrggbb" -> [r, g, b] bytes. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`expected a colour as #rrggbb, got '${hex}'`);
  return [0, 2, 4].map((k) => parseInt(m[1].slice(k, k + 2), 16)) as [number, number, number];
}

function rgbToHex(rgb: number[]): string {
  return `#${rgb.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}
