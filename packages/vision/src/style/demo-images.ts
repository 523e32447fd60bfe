/**
 * Offline demo inputs for style transfer, drawn as SVG and rasterised by core's `svgToPng`: a content scene
 * (sky, sun, hills, a house and a tree: large smooth regions and sharp edges), and a strongly
 * textured style image of short seeded brush strokes in a few distinct colours.
 *
 * @example
 * fs.writeFileSync('content.png', await renderContentScene(256));
 * fs.writeFileSync('style.png', await renderBrushStyle(256, { seed: 3 }));
 */
import { Rng, svgToPng } from '@dlkit/core';

/** A PNG of a simple landscape with a house, size x size. */
export async function renderContentScene(size = 256): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 256 256">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb8ea"/><stop offset="1" stop-color="#dff0fb"/></linearGradient></defs>
  <rect width="256" height="256" fill="url(#sky)"/>
  <circle cx="200" cy="52" r="24" fill="#ffd23f"/>
  <path d="M0 170 Q60 120 130 160 T256 150 V256 H0 Z" fill="#5fa35a"/>
  <path d="M0 200 Q80 170 160 195 T256 190 V256 H0 Z" fill="#3f7d3c"/>
  <rect x="70" y="140" width="80" height="60" fill="#e9d8b4" stroke="#5a3b1e" stroke-width="2"/>
  <polygon points="62,142 110,100 158,142" fill="#b5452f" stroke="#5a3b1e" stroke-width="2"/>
  <rect x="100" y="165" width="20" height="35" fill="#6b4423"/>
  <rect x="80" y="152" width="14" height="14" fill="#9fd3f5" stroke="#5a3b1e"/>
  <rect x="128" y="152" width="14" height="14" fill="#9fd3f5" stroke="#5a3b1e"/>
  <rect x="196" y="150" width="10" height="45" fill="#6b4423"/>
  <circle cx="201" cy="135" r="26" fill="#2f6b2c"/>
</svg>`;
  return svgToPng(svg);
}

export interface BrushStyleOptions {
  seed?: number;
  /** Stroke colours (CSS); the background is the first. */
  palette?: string[];
  /** Number of strokes. */
  strokes?: number;
}

/** A PNG of short, thick, oriented brush strokes on a dark ground (a swirl-like texture), size x size. */
export async function renderBrushStyle(size = 256, options: BrushStyleOptions = {}): Promise<Buffer> {
  const rng = new Rng(options.seed ?? 3);
  const palette = options.palette ?? ['#14213d', '#fca311', '#e63946', '#2a9d8f', '#f1faee', '#457b9d'];
  const n = options.strokes ?? 900;
  const parts = [`<rect width="256" height="256" fill="${palette[0]}"/>`];
  for (let i = 0; i < n; i++) {
    const x = rng.range(-10, 266);
    const y = rng.range(-10, 266);
    // Orientation follows a smooth swirl field, so strokes line up into flowing texture.
    const angle = Math.sin(x / 40) * 1.2 + Math.cos(y / 30) * 1.2 + rng.normal(0, 0.15);
    const len = rng.range(8, 18);
    const colour = palette[1 + rng.int(palette.length - 1)];
    const dx = (Math.cos(angle) * len) / 2;
    const dy = (Math.sin(angle) * len) / 2;
    parts.push(
      `<line x1="${(x - dx).toFixed(1)}" y1="${(y - dy).toFixed(1)}" x2="${(x + dx).toFixed(1)}" y2="${(y + dy).toFixed(1)}" stroke="${colour}" stroke-width="${rng.range(2.5, 4.5).toFixed(1)}" stroke-linecap="round"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 256 256">${parts.join('')}</svg>`;
  return svgToPng(svg);
}
