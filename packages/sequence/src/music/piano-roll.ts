/**
 * Piano-roll pictures: one panel per melody, time left to right (bar lines every 16 sixteenths,
 * i.e. 4/4 bars), pitch bottom to top (C of each octave labelled), one bar per note. Panels
 * share the time scale so melodies can be compared. Drawn as SVG, rasterised by core's `svgToPng`.
 *
 * @example
 * writePng('roll.png', await pianoRollPng([{ title: 'generated', events }, { title: 'Ode to Joy', events: ode }]));
 */
import { CATEGORY_COLORS, CHART_FONT, escapeXml, svgToPng } from '@dlkit/core';
import { Melody, NoteEvent, pitchName, STEPS_PER_BAR } from './events';

export interface PianoRollPanel {
  title: string;
  events: readonly NoteEvent[];
}

export interface PianoRollOptions {
  /** Picture width in pixels. */
  width?: number;
  /** Height of each panel in pixels. */
  panelHeight?: number;
}

const DEFAULTS = { width: 960, panelHeight: 260 };
const FONT = CHART_FONT;
// blue, red, green, purple: the first melodies get the most distinct of the category colours
const COLORS = [CATEGORY_COLORS[0], CATEGORY_COLORS[3], CATEGORY_COLORS[2], CATEGORY_COLORS[4]];
const MARGIN = { left: 56, right: 16, top: 34, bottom: 26 };

export function pianoRollSvg(panels: readonly PianoRollPanel[], options: PianoRollOptions = {}): string {
  const { width, panelHeight } = { ...DEFAULTS, ...options };
  if (panels.length === 0) throw new Error('a piano roll needs at least one melody');
  const totalSteps = Math.max(...panels.map((p) => p.events.reduce((s, e) => s + e.steps, 0)));
  const bars = Math.max(1, Math.ceil(totalSteps / STEPS_PER_BAR));
  const height = panelHeight * panels.length;
  const pitches = panels.flatMap((p) => p.events.filter((e) => e.pitch !== null).map((e) => e.pitch as number));
  const range: [number, number] = pitches.length ? [Math.min(...pitches) - 2, Math.max(...pitches) + 2] : [58, 74]; // shared by all panels
  const body = panels.map((p, i) => panelSvg(p, i, bars * STEPS_PER_BAR, range, width, panelHeight)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('\n');
}

/** The piano roll as PNG bytes. */
export async function pianoRollPng(panels: readonly PianoRollPanel[], options: PianoRollOptions = {}): Promise<Buffer> {
  return svgToPng(pianoRollSvg(panels, options));
}

/** Panels for melodies, titled by their titles. */
export function melodyPanels(...melodies: Melody[]): PianoRollPanel[] {
  return melodies.map((m) => ({ title: m.title, events: m.events }));
}

function panelSvg(
  panel: PianoRollPanel,
  index: number,
  steps: number,
  [lo, hi]: [number, number],
  width: number,
  h: number,
): string {
  const y0 = index * h;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = y0 + MARGIN.top;
  const bottom = y0 + h - MARGIN.bottom;
  const rowH = (bottom - top) / (hi - lo + 1);
  const sx = (step: number) => left + (step / steps) * (right - left);
  const sy = (pitch: number) => bottom - (pitch - lo + 1) * rowH; // top edge of the pitch's row
  const color = COLORS[index % COLORS.length];
  const out: string[] = [];
  out.push(
    `<text x="${left}" y="${y0 + 22}" font-family="${FONT}" font-size="15" fill="#222">${escapeXml(panel.title)}</text>`,
  );
  for (let p = lo; p <= hi; p++) {
    const black = [1, 3, 6, 8, 10].includes(p % 12);
    out.push(
      `<rect x="${left}" y="${f(sy(p))}" width="${f(right - left)}" height="${f(rowH)}" fill="${black ? '#f0f0f0' : '#ffffff'}"/>`,
    );
    if (p % 12 === 0)
      out.push(
        `<text x="${left - 6}" y="${f(sy(p) + rowH / 2 + 4)}" text-anchor="end" font-family="${FONT}" font-size="11" fill="#333">${pitchName(p)}</text>`,
      );
  }
  for (let s = 0; s <= steps; s += STEPS_PER_BAR) {
    out.push(`<line x1="${f(sx(s))}" y1="${top}" x2="${f(sx(s))}" y2="${bottom}" stroke="#bbbbbb" stroke-width="1"/>`);
    const bar = s / STEPS_PER_BAR;
    if (s < steps && (bar % 4 === 0 || steps <= 16 * STEPS_PER_BAR)) {
      out.push(
        `<text x="${f(sx(s) + 2)}" y="${bottom + 15}" font-family="${FONT}" font-size="10" fill="#666">${bar + 1}</text>`,
      );
    }
  }
  let step = 0;
  for (const e of panel.events) {
    if (e.pitch !== null) {
      out.push(
        `<rect x="${f(sx(step) + 0.5)}" y="${f(sy(e.pitch) + 0.5)}" width="${f(Math.max(1, sx(e.steps) - sx(0) - 1))}" height="${f(Math.max(1, rowH - 1))}" rx="2" fill="${color}"/>`,
      );
    }
    step += e.steps;
  }
  out.push(
    `<rect x="${left}" y="${top}" width="${f(right - left)}" height="${f(bottom - top)}" fill="none" stroke="#333" stroke-width="1"/>`,
  );
  return out.join('\n');
}

function f(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
