/**
 * Heat maps: a matrix drawn as coloured cells on one of the colour scales of `COLOR_SCALES`,
 * with row and column labels, axis titles, optional cell text (counts) and an optional colour
 * bar. Attention maps, confusion matrices and spectrograms are heat maps.
 *
 * @example
 * const svg = heatMapSvg({ values: [[0.9, 0.1], [0.2, 0.8]], rowLabels: ['a', 'b'], columnLabels: ['x', 'y'], scale: 'viridis', colorBar: true });
 * await renderHeatMap('out/attention.png', { ... });
 */
import { ColorScaleName, colorScale, hexToRgb } from './color-scale';
import { escapeXml } from './escape';
import { CHART_FONT, svgText } from './line-chart';
import { writeSvgPng } from './write-png';

export interface HeatMapOptions {
  /** [rows][columns] values. */
  values: readonly (readonly number[])[];
  scale?: ColorScaleName;
  /** Values mapped to the two ends of the scale. */
  domain?: [number, number];
  /** 'rows': colour each cell by its share of the row total (confusion matrices), text still shows `values`. */
  normalise?: 'none' | 'rows';
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
  /** Column labels written upwards (long class names) instead of horizontally. */
  rotateColumnLabels?: boolean;
  /** Font of the row and column labels (e.g. monospace for characters). */
  labelFont?: string;
  labelSize?: number;
  /** Per-label overrides (e.g. grey, smaller text for "pad" or "␣"). */
  labelStyle?: (label: string) => { color?: string; font?: string; size?: number } | undefined;
  /** Numbers 1..n beside the row labels (positions in a sequence). */
  rowNumbers?: boolean;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Cell side in pixels. */
  cell?: number;
  /** Text inside each cell (e.g. the count); none by default. */
  cellText?: (value: number, row: number, column: number) => string;
  /** A cell's value as shown in its tooltip (SVG <title>). */
  valueFormat?: (value: number) => string;
  /** Border colour around each cell. */
  cellStroke?: string;
  /** A colour bar right of the grid, labelled with `colorBarLabel`. */
  colorBar?: boolean;
  colorBarLabel?: string;
  /** Smallest picture width. */
  minWidth?: number;
}

export const HEAT_MAP_DEFAULTS = {
  scale: 'viridis' as ColorScaleName,
  domain: [0, 1] as [number, number],
  normalise: 'none' as const,
  cell: 30,
  labelSize: 13,
  labelFont: CHART_FONT,
};

/** The heat map as an SVG document (its size follows from the cells and labels). */
export function heatMapSvg(options: HeatMapOptions): string {
  const o = { ...HEAT_MAP_DEFAULTS, ...options };
  const rows = o.values.length;
  const cols = rows ? o.values[0].length : 0;
  if (rows === 0 || cols === 0) throw new Error('heat map needs at least one row and one column');
  if (o.values.some((row) => row.length !== cols)) throw new Error(`heat map rows must all have ${cols} values`);
  if (o.rowLabels && o.rowLabels.length !== rows)
    throw new Error(`heat map: ${o.rowLabels.length} row labels for ${rows} rows`);
  if (o.columnLabels && o.columnLabels.length !== cols)
    throw new Error(`heat map: ${o.columnLabels.length} column labels for ${cols} columns`);
  const [d0, d1] = o.domain;
  const colourOf = (v: number) => colorScale(o.scale, (v - d0) / (d1 - d0 || 1));
  const shown = o.normalise === 'rows' ? o.values.map((row) => rowShares(row)) : o.values;
  const charW = o.labelSize * 0.62;
  const longest = (labels?: readonly string[]) => (labels ? Math.max(0, ...labels.map((l) => [...l].length)) : 0);
  const rowLabelW = (o.rowLabels ? 16 + charW * longest(o.rowLabels) : 0) + (o.rowNumbers ? 26 : 0);
  const colLabelH = o.columnLabels ? (o.rotateColumnLabels ? 12 + charW * longest(o.columnLabels) : 28) : 8;
  const cell = o.cell;
  const left = Math.ceil((o.yLabel ? 36 : 12) + rowLabelW);
  const top = o.colorBar ? 70 : o.title ? 48 : 16;
  const gridW = cols * cell;
  const gridH = rows * cell;
  const barX = left + gridW + 30;
  const barH = Math.max(gridH, 120);
  const titleW = o.title ? 40 + 9 * o.title.length : 0;
  const width = Math.ceil(Math.max(o.colorBar ? barX + 90 : left + gridW + 20, titleW, o.minWidth ?? 0));
  const height = Math.ceil(top + Math.max(gridH + colLabelH + (o.xLabel ? 26 : 0), o.colorBar ? barH + 20 : 0) + 10);
  const label = (x: number, y: number, s: string, attrs: string) => {
    const st = o.labelStyle?.(s) ?? {};
    return `<text x="${r(x)}" y="${r(y)}" font-family="${st.font ?? o.labelFont}" font-size="${st.size ?? o.labelSize}" fill="${st.color ?? '#222'}" ${attrs}>${escapeXml(s)}</text>`;
  };

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (o.title) out.push(svgText(width / 2, 30, o.title, 'text-anchor="middle" font-weight="bold" fill="#222"', 17));
  const textSize = Math.max(10, Math.min(18, Math.floor(cell / 3)));
  shown.forEach((row, i) =>
    row.forEach((v, j) => {
      const [x, y] = [left + j * cell, top + i * cell];
      const fill = colourOf(v);
      const stroke = o.cellStroke ? ` stroke="${o.cellStroke}"` : '';
      out.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}"${stroke}><title>${escapeXml((o.valueFormat ?? fmt)(o.values[i][j]))}</title></rect>`,
      );
      if (o.cellText) {
        out.push(
          `<text x="${r(x + cell / 2)}" y="${r(y + cell / 2 + textSize / 3)}" font-family="${CHART_FONT}" font-size="${textSize}" text-anchor="middle" fill="${isDark(fill) ? '#ffffff' : '#000000'}">${escapeXml(o.cellText(o.values[i][j], i, j))}</text>`,
        );
      }
    }),
  );
  out.push(
    `<rect x="${left}" y="${top}" width="${gridW}" height="${gridH}" fill="none" stroke="#333" stroke-width="1"/>`,
  );
  o.rowLabels?.forEach((l, i) => {
    const y = top + i * cell + cell / 2 + o.labelSize * 0.35;
    out.push(label(left - 8, y, l, 'text-anchor="end"'));
    if (o.rowNumbers)
      out.push(
        svgText(left - 24 - charW * longest(o.rowLabels), y, String(i + 1), 'text-anchor="end" fill="#888"', 10),
      );
  });
  o.columnLabels?.forEach((l, j) => {
    const x = left + j * cell + cell / 2;
    if (o.rotateColumnLabels)
      out.push(
        label(
          x + o.labelSize * 0.35,
          top + gridH + 8,
          l,
          `text-anchor="end" transform="rotate(-90 ${r(x + o.labelSize * 0.35)} ${top + gridH + 8})"`,
        ),
      );
    else out.push(label(x, top + gridH + 20, l, 'text-anchor="middle"'));
  });
  if (o.xLabel) out.push(svgText(left + gridW / 2, top + gridH + colLabelH + 18, o.xLabel, 'text-anchor="middle"', 13));
  if (o.yLabel)
    out.push(
      svgText(
        22,
        top + gridH / 2,
        o.yLabel,
        `text-anchor="middle" transform="rotate(-90 22 ${r(top + gridH / 2)})"`,
        13,
      ),
    );
  if (o.colorBar) {
    // 0 at the bottom, 1 at the top: 50 bands of the scale
    const steps = 50;
    for (let i = 0; i < steps; i++) {
      const f = (i + 0.5) / steps;
      out.push(
        `<rect x="${barX}" y="${r(top + barH - ((i + 1) * barH) / steps)}" width="16" height="${r(barH / steps + 0.5)}" fill="${colorScale(o.scale, f)}"/>`,
      );
    }
    out.push(`<rect x="${barX}" y="${top}" width="16" height="${barH}" fill="none" stroke="#333" stroke-width="1"/>`);
    for (const f of [0, 0.25, 0.5, 0.75, 1]) {
      const y = top + barH - f * barH;
      out.push(`<line x1="${barX + 16}" y1="${y}" x2="${barX + 21}" y2="${y}" stroke="#333"/>`);
      const v = d0 + f * (d1 - d0);
      out.push(svgText(barX + 25, y + 4, Math.abs(d1 - d0) <= 10 ? v.toFixed(2) : String(Math.round(v)), '', 11));
    }
    if (o.colorBarLabel) out.push(svgText(barX + 8, top - 10, o.colorBarLabel, 'text-anchor="middle"', 12));
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Rasterises the heat map to `file` (PNG, atomic); returns `file`. */
export async function renderHeatMap(file: string, options: HeatMapOptions): Promise<string> {
  return writeSvgPng(file, heatMapSvg(options));
}

function rowShares(row: readonly number[]): number[] {
  const total = row.reduce((a, b) => a + b, 0);
  return row.map((v) => (total > 0 ? v / total : 0));
}

/** Dark enough for white text (Rec. 601 luma below 0.55). */
function isDark(hex: string): boolean {
  const [r8, g8, b8] = hexToRgb(hex);
  return (0.299 * r8 + 0.587 * g8 + 0.114 * b8) / 255 < 0.55;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function r(v: number): string {
  return v.toFixed(1);
}
