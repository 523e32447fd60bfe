/**
 * The attention map of one translation as a PNG heatmap (the course's `plot_attention_map`):
 * output characters down the side, input characters along the bottom, one cell per weight
 * α⟨t, t'⟩ coloured on a viridis scale with a colour bar. Input padding gets one summed column
 * ("pad"), so every row still adds up to 1. Drawn as SVG, rasterised by sharp (as core's
 * learning curves).
 *
 * @example
 * const t = translator.translate('Saturday May 9 2018');
 * await renderAttentionPng(t, 'out/attention.png');
 */
import sharp from 'sharp';
import { escapeXml, writeFileAtomic } from '@dlkit/core';
import type { Translation } from './translator';

export interface AttentionPlotOptions {
  title?: string;
  /** Cell size in pixels. */
  cell?: number;
}

const FONT = 'DejaVu Sans Mono, Menlo, Consolas, monospace';
const TEXT_FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

// Viridis at 9 evenly spaced points (matplotlib's colormap data).
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Colour of a weight in [0, 1] on the viridis scale (linear interpolation between the stops). */
export function viridis(value: number): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(v));
  const f = v - i;
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]].map((h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
  return `#${a.map((x, k) => Math.round(x + (b[k] - x) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** The heatmap as an SVG document. */
export function attentionSvg(t: Pick<Translation, 'input' | 'output' | 'attention'>, options: AttentionPlotOptions = {}): string {
  const inputChars = [...t.input];
  const outputChars = [...t.output];
  // An empty output (an untrained model that writes <pad> first) still shows its first step, labelled ∅.
  const rows = Math.max(1, outputChars.length);
  if (t.attention.length < rows) throw new Error(`attention plot: ${t.attention.length} attention rows for ${rows} output characters`);
  const tx = t.attention[0].length;
  if (inputChars.length > tx) throw new Error(`attention plot: input has ${inputChars.length} characters but the attention covers ${tx}`);
  const hasPad = tx > inputChars.length;
  const cols = inputChars.length + (hasPad ? 1 : 0);
  const matrix = t.attention.slice(0, rows).map((row) => {
    const cells = row.slice(0, inputChars.length);
    if (hasPad) cells.push(row.slice(inputChars.length).reduce((s, v) => s + v, 0));
    return cells;
  });
  const cell = options.cell ?? 30;
  const title = options.title ?? `Attention: "${t.input}" → ${t.output}`;
  const left = 110;
  const top = 70;
  const gridW = cols * cell;
  const gridH = rows * cell;
  const barX = left + gridW + 30;
  const width = Math.max(barX + 90, 520);
  const barH = Math.max(gridH, 120);
  const height = top + Math.max(gridH + 70, barH + 20);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="30" text-anchor="middle" font-family="${TEXT_FONT}" font-size="17" font-weight="bold" fill="#222">${escapeXml(title)}</text>`);
  matrix.forEach((row, r) =>
    row.forEach((v, c) => {
      out.push(`<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="${viridis(v)}"><title>${v.toFixed(3)}</title></rect>`);
    }),
  );
  out.push(`<rect x="${left}" y="${top}" width="${gridW}" height="${gridH}" fill="none" stroke="#333" stroke-width="1"/>`);
  // Output characters (rows): the character and its position.
  (outputChars.length ? outputChars : ['∅']).forEach((ch, r) => {
    const y = top + r * cell + cell / 2 + 5;
    out.push(`<text x="${left - 10}" y="${y}" text-anchor="end" font-family="${FONT}" font-size="16" fill="#222">${escapeXml(ch)}</text>`);
    out.push(`<text x="${left - 34}" y="${y}" text-anchor="end" font-family="${TEXT_FONT}" font-size="10" fill="#888">${r + 1}</text>`);
  });
  // Input characters (columns); a space is shown as ␣.
  const labels = [...inputChars.map((ch) => (ch === ' ' ? '␣' : ch)), ...(hasPad ? ['pad'] : [])];
  labels.forEach((label, c) => {
    const x = left + c * cell + cell / 2;
    const size = label.length > 1 ? 11 : 16;
    out.push(`<text x="${x}" y="${top + gridH + 20}" text-anchor="middle" font-family="${label.length > 1 ? TEXT_FONT : FONT}" font-size="${size}" fill="${label === '␣' || label === 'pad' ? '#888' : '#222'}">${escapeXml(label)}</text>`);
  });
  out.push(`<text x="${left + gridW / 2}" y="${top + gridH + 52}" text-anchor="middle" font-family="${TEXT_FONT}" font-size="13" fill="#333">input characters</text>`);
  // The rotated axis title must fit beside the rows: a short grid gets the short title.
  const yTitle = gridH >= 130 ? 'output characters' : 'output';
  out.push(`<text x="26" y="${top + gridH / 2}" text-anchor="middle" font-family="${TEXT_FONT}" font-size="13" fill="#333" transform="rotate(-90 26 ${top + gridH / 2})">${yTitle}</text>`);
  // Colour bar, 0 at the bottom and 1 at the top.
  const steps = 50;
  for (let i = 0; i < steps; i++) {
    const v = (i + 0.5) / steps;
    out.push(`<rect x="${barX}" y="${(top + barH - ((i + 1) * barH) / steps).toFixed(1)}" width="16" height="${(barH / steps + 0.5).toFixed(1)}" fill="${viridis(v)}"/>`);
  }
  out.push(`<rect x="${barX}" y="${top}" width="16" height="${barH}" fill="none" stroke="#333" stroke-width="1"/>`);
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + barH - v * barH;
    out.push(`<line x1="${barX + 16}" y1="${y}" x2="${barX + 21}" y2="${y}" stroke="#333"/>`);
    out.push(`<text x="${barX + 25}" y="${y + 4}" font-family="${TEXT_FONT}" font-size="11" fill="#333">${v.toFixed(2)}</text>`);
  }
  out.push(`<text x="${barX + 8}" y="${top - 10}" text-anchor="middle" font-family="${TEXT_FONT}" font-size="12" fill="#333">α</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** Writes the heatmap PNG to `file` (atomically). */
export async function renderAttentionPng(t: Pick<Translation, 'input' | 'output' | 'attention'>, file: string, options: AttentionPlotOptions = {}): Promise<string> {
  const png = await sharp(Buffer.from(attentionSvg(t, options))).png().toBuffer();
  writeFileAtomic(file, png);
  return file;
}
