/**
 * The attention map of one translation as a PNG heatmap (the course's `plot_attention_map`):
 * output characters down the side, input characters along the bottom, one cell per weight
 * α⟨t, t'⟩ coloured on a viridis scale with a colour bar. Input padding gets one summed column
 * ("pad"), so every row still adds up to 1. Drawn with core's heat map (`heatMapSvg`).
 *
 * @example
 * const t = translator.translate('Saturday May 9 2018');
 * await renderAttentionPng(t, 'out/attention.png');
 */
import { CHART_FONT, colorScale, heatMapSvg, writeSvgPng } from '@dlkit/core';
import type { Translation } from './translator';

export interface AttentionPlotOptions {
  title?: string;
  /** Cell size in pixels. */
  cell?: number;
  /** The input's and the output's tokens when they are sub-word pieces (default: characters). */
  tokens?: { input: string[]; output: string[] };
}

const FONT = 'DejaVu Sans Mono, Menlo, Consolas, monospace';

/** Colour of a weight in [0, 1] on the viridis scale (core's colour-scale table). */
export function viridis(value: number): string {
  return colorScale('viridis', value);
}

/** The heatmap as an SVG document. */
export function attentionSvg(
  t: Pick<Translation, 'input' | 'output' | 'attention'>,
  options: AttentionPlotOptions = {},
): string {
  const inputChars = options.tokens?.input ?? [...t.input];
  const outputChars = options.tokens?.output ?? [...t.output];
  const unit = options.tokens ? 'tokens' : 'characters';
  const shown = (token: string) => token.replace(/ /g, '␣');
  // An empty output (an untrained model that writes <pad> first) still shows its first step, labelled ∅.
  const rows = Math.max(1, outputChars.length);
  if (t.attention.length < rows)
    throw new Error(`attention plot: ${t.attention.length} attention rows for ${rows} output ${unit}`);
  const tx = t.attention[0].length;
  if (inputChars.length > tx)
    throw new Error(`attention plot: input has ${inputChars.length} ${unit} but the attention covers ${tx}`);
  const hasPad = tx > inputChars.length;
  const matrix = t.attention.slice(0, rows).map((row) => {
    const cells = row.slice(0, inputChars.length);
    if (hasPad) cells.push(row.slice(inputChars.length).reduce((s, v) => s + v, 0));
    return cells;
  });
  const cell = options.cell ?? (options.tokens ? 36 : 30);
  const title = options.title ?? `Attention: "${t.input}" → ${t.output}`;
  return heatMapSvg({
    values: matrix,
    scale: 'viridis',
    domain: [0, 1],
    title,
    rowLabels: outputChars.length ? outputChars.map(shown) : ['∅'],
    // a space is shown as ␣
    columnLabels: [...inputChars.map(shown), ...(hasPad ? ['pad'] : [])],
    labelFont: FONT,
    labelSize: 16,
    labelStyle: (l) =>
      l === 'pad' ? { font: CHART_FONT, size: 11, color: '#888' } : l === '␣' ? { color: '#888' } : undefined,
    rowNumbers: true,
    xLabel: `input ${unit}`,
    // the rotated axis title must fit beside the rows: a short grid gets the short title
    yLabel: rows * cell >= 130 ? `output ${unit}` : 'output',
    cell,
    valueFormat: (v) => v.toFixed(3),
    colorBar: true,
    colorBarLabel: 'α',
    // pieces are words: their column labels stand upright; a long title (bold 17 px: up to ~11 px a character) sets the width
    rotateColumnLabels: options.tokens !== undefined,
    minWidth: Math.max(520, title.length * 11),
  });
}

/** Writes the heatmap PNG to `file` (atomically). */
export async function renderAttentionPng(
  t: Pick<Translation, 'input' | 'output' | 'attention'>,
  file: string,
  options: AttentionPlotOptions = {},
): Promise<string> {
  return writeSvgPng(file, attentionSvg(t, options));
}
