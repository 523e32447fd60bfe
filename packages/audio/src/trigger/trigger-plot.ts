import * as fs from 'fs';
import { CATEGORY_COLORS, composeImages, lineChartSvg, readImageInfo, svgToPng, writeImage } from '@dlkit/core';
import { logMelSpectrogram } from '../features/mel-spectrogram';
import { melBandCenters, renderSpectrogram } from '../plot/render-spectrogram';
import type { TriggerEvent } from './trigger-events';
import type { TriggerGeometryConfig } from './trigger-geometry';

export interface TriggerPlotData {
  /** Mono audio at the geometry's rate. */
  samples: Float32Array;
  geometry: TriggerGeometryConfig;
  /** Output step times (s) and the detection curve there. */
  times: ArrayLike<number>;
  probs: ArrayLike<number>;
  threshold: number;
  events: readonly TriggerEvent[];
  /** Ends of the trigger words, when known (generated clips): drawn as dotted lines. */
  wordEnds?: readonly number[];
  title?: string;
}

/**
 * One picture of a detection: the clip's log-mel spectrogram on top (core's heat map, through
 * renderSpectrogram), the detection curve below on the same time span, with the threshold, the
 * detections (solid green lines: where the chime goes) and, when known, the ends of the trigger
 * words (dotted grey). Writes `file` (PNG) and returns it.
 */
export async function renderTriggerPlot(file: string, d: TriggerPlotData): Promise<string> {
  const g = d.geometry;
  const mel = { sampleRate: g.sampleRate, nFft: g.nFft, hop: g.hop, nMels: g.nMels };
  const seconds = d.samples.length / g.sampleRate;
  // Fixed cells and columns, so that the grid's place is known and the curve below lines up with
  // it: heat-map rows of 8 px (320 px for 40 bands), 90 columns of 8 px, the grid starting after
  // the y label and 4-character row labels ("7.4k"; heatMapSvg: 36 + 16 + 0.62 · 11 px per character).
  const cell = 8;
  const columns = 90;
  const gridLeft = Math.ceil(36 + 16 + 0.62 * 11 * 4);
  await renderSpectrogram(file, logMelSpectrogram(d.samples, mel), {
    ...mel,
    frequencies: melBandCenters(mel),
    title: d.title ?? `log-mel spectrogram, ${seconds.toFixed(1)} s`,
    cell,
    maxColumns: columns,
  });
  const top = fs.readFileSync(file);
  const { width, height } = await readImageInfo(top, { label: file });
  const chartHeight = 240;
  const x = Array.from(d.times);
  const detections = `${d.events.length} detection${d.events.length === 1 ? '' : 's'}`;
  const curve = lineChartSvg({
    width,
    height: chartHeight,
    margin: {
      left: gridLeft,
      right: Math.max(10, width - gridLeft - cell * Math.min(columns, 1 + Math.floor(d.samples.length / g.hop))),
      top: 40,
    },
    panels: [
      {
        series: [
          {
            name: 'P(trigger word just ended)',
            x,
            y: Array.from(d.probs),
            color: CATEGORY_COLORS[0],
            width: 1.5,
            markers: 'none',
          },
          {
            name: `threshold ${d.threshold} (${detections}: green)`,
            x: [0, seconds],
            y: [d.threshold, d.threshold],
            color: '#d62728',
            dash: '6,4',
            width: 1.5,
            markers: 'none',
          },
        ],
        x: { label: 'time (s)', min: 0, max: seconds },
        y: { label: 'probability', min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] },
        rules: [
          ...(d.wordEnds ?? []).map((t) => ({ x: t, color: '#888888', dash: '2,3' })),
          ...d.events.map((e) => ({ x: e.time, color: '#2ca02c' })),
        ],
        legend: 'above',
      },
    ],
  });
  const bottom = await svgToPng(curve);
  const canvas = { width, height: height + chartHeight };
  const image = await composeImages(canvas, [
    { image: top, left: 0, top: 0 },
    { image: bottom, left: 0, top: height },
  ]);
  return writeImage(file, image, { format: 'png' });
}
