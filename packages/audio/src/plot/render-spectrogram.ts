/**
 * Spectrogram pictures through core's heat map (one colour scale table, atomic PNG writes): time
 * runs left to right, frequency bottom to top, colour is the value (dB, usually; 'magma' scale).
 * Long inputs are averaged down to at most `maxColumns` columns and `maxRows` rows (and ~720 px)
 * so that the SVG stays small; axis labels give seconds (t·hop/sampleRate) and Hz at a few evenly spaced rows.
 *
 * @example
 * const logMel = logMelSpectrogram(samples, { sampleRate: 16000, hop: 160, nMels: 64 });
 * await renderSpectrogram('out/log-mel.png', logMel, { sampleRate: 16000, hop: 160, frequencies: melBandCenters({ sampleRate: 16000, nMels: 64 }) });
 */
import { ColorScaleName, renderHeatMap, stripUndefined } from '@dlkit/core';
import { MelOptions, melSettings } from '../features/mel-filterbank';
import { melFrequencies } from '../features/mel-scale';

export interface SpectrogramPlotOptions {
  /** Samples per second of the analysed signal. */
  sampleRate: number;
  /** Samples between frames. */
  hop: number;
  /** Centre frequency of each bin/band (row), Hz; default: linear FFT bins from 0 to sampleRate/2. */
  frequencies?: readonly number[];
  title?: string;
  scale?: ColorScaleName;
  /** Values at the ends of the colour scale; default: the data's range. */
  domain?: [number, number];
  colorBarLabel?: string;
  maxColumns?: number;
  maxRows?: number;
  /** Pixels per (square) cell after averaging; default: ~320 px of height, then at most ~720 px of width. */
  cell?: number;
}

export const SPECTROGRAM_PLOT_DEFAULTS = {
  scale: 'magma' as ColorScaleName,
  colorBarLabel: 'dB',
  maxColumns: 400,
  maxRows: 160,
};

/** Centre frequencies of mel bands (the filters' peaks), for `frequencies`. */
export function melBandCenters(options: MelOptions): number[] {
  const { nMels, fMin, fMax, melScale } = melSettings(options);
  return Array.from(melFrequencies(nMels + 2, fMin, fMax, melScale).subarray(1, nMels + 1));
}

/** Averages groups of consecutive entries so that at most `max` remain; returns [values, first index of each group]. */
function pool(values: readonly number[], max: number): [number[], number[]] {
  const groups = Math.min(values.length, max);
  const out: number[] = [];
  const starts: number[] = [];
  for (let g = 0; g < groups; g++) {
    const a = Math.floor((g * values.length) / groups);
    const b = Math.floor(((g + 1) * values.length) / groups);
    let s = 0;
    for (let i = a; i < b; i++) s += values[i];
    out.push(s / (b - a));
    starts.push(a);
  }
  return [out, starts];
}

/** Labels at about `count` evenly spaced positions, '' elsewhere. */
function sparseLabels(n: number, count: number, label: (i: number) => string): string[] {
  const every = Math.max(1, Math.round(n / count));
  return Array.from({ length: n }, (_, i) => (i % every === 0 ? label(i) : ''));
}

const hz = (f: number) => (f >= 1000 ? `${(f / 1000).toFixed(f >= 10000 ? 0 : 1)}k` : `${Math.round(f)}`);

/**
 * Draws `spec` ([frames][bins], e.g. a log-mel spectrogram) to `file` (PNG); returns `file`.
 */
export async function renderSpectrogram(
  file: string,
  spec: readonly ArrayLike<number>[],
  options: SpectrogramPlotOptions,
): Promise<string> {
  const o = {
    ...SPECTROGRAM_PLOT_DEFAULTS,
    ...stripUndefined(options),
    sampleRate: options.sampleRate,
    hop: options.hop,
  };
  const frames = spec.length;
  const bins = frames ? spec[0].length : 0;
  if (frames === 0 || bins === 0) throw new Error(`${file}: spectrogram is empty (${frames} frames × ${bins} bins)`);
  const freqs =
    o.frequencies ?? Array.from({ length: bins }, (_, k) => (k * o.sampleRate) / (2 * Math.max(1, bins - 1)));
  if (freqs.length !== bins) throw new Error(`${file}: ${freqs.length} frequencies for ${bins} bins`);
  // Square cells: the height (≤ maxRows rows, ~320 px) sets the cell, the width (~720 px) the columns.
  const [rowFreqs] = pool(freqs, o.maxRows);
  const rows = rowFreqs.length;
  const cell = o.cell ?? Math.max(2, Math.min(12, Math.floor(320 / rows)));
  const maxColumns = Math.max(1, Math.min(o.maxColumns, Math.floor(720 / cell)));
  // [bins][columns] then [columns][rows]: averaged along time, then along frequency
  const byBin = Array.from(
    { length: bins },
    (_, k) =>
      pool(
        Array.from(spec, (row) => row[k]),
        maxColumns,
      )[0],
  );
  const [, frameStarts] = pool(new Array(frames).fill(0), maxColumns);
  const columns = byBin[0].length;
  const rowsPooled = Array.from(
    { length: columns },
    (_, c) =>
      pool(
        byBin.map((r) => r[c]),
        o.maxRows,
      )[0],
  );
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => rowsPooled[c][rows - 1 - r]),
  ); // high frequencies on top
  const flat = values.flat();
  const domain = o.domain ?? [Math.min(...flat), Math.max(...flat)];
  return renderHeatMap(file, {
    values,
    scale: o.scale,
    domain,
    cell,
    title: o.title,
    xLabel: 'time (s)',
    yLabel: 'frequency (Hz)',
    rowLabels: sparseLabels(rows, 6, (r) => hz(rowFreqs[rows - 1 - r])),
    columnLabels: sparseLabels(columns, 6, (c) => ((frameStarts[c] * o.hop) / o.sampleRate).toFixed(1)),
    labelSize: 11,
    colorBar: true,
    colorBarLabel: o.colorBarLabel,
    valueFormat: (v) => v.toFixed(1),
  });
}
