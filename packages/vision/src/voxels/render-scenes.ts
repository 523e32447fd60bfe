/**
 * A PNG of voxel scenes as maximum-intensity projections (MIP): per scene, the max over z (top
 * view, x right / y down) and the max over y (front view, x right / z down), with the true centre
 * (green ring) and the predicted centre (red cross) and a caption "true -> predicted".
 * Drawn as an SVG string and rasterised by core's `writeSvgPng`, like every chart.
 */
import { writeSvgPng } from '@dlkit/core';
import { VoxelScenes } from './scenes';

export interface VoxelPrediction {
  /** Predicted class index. */
  label: number;
  /** Predicted centre (x, y, z) in voxels. */
  centre: [number, number, number];
}

/** Writes `file` (PNG) showing scenes `indices` of `scenes` with their predictions. */
export async function renderVoxelScenes(
  file: string,
  scenes: VoxelScenes,
  indices: number[],
  predictions: VoxelPrediction[],
  classNames: readonly string[],
  options: { cell?: number; columns?: number } = {},
): Promise<void> {
  const D = scenes.size;
  const cell = options.cell ?? 6; // pixels per voxel
  const columns = options.columns ?? 4;
  const view = D * cell;
  const tileW = 2 * view + 12;
  const tileH = view + 34;
  const rows = Math.ceil(indices.length / columns);
  const width = columns * tileW + 8;
  const height = rows * tileH + 8;
  // Intensity range over the shown scenes, for a common grey scale.
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="white"/>`];
  indices.forEach((n, k) => {
    const ox = 8 + (k % columns) * tileW;
    const oy = 8 + Math.floor(k / columns) * tileH;
    const grid = scenes.grids.subarray(n * D ** 3, (n + 1) * D ** 3);
    const top = project(grid, D, 'z'); // [y][x]
    const front = project(grid, D, 'y'); // [z][x]
    const p = predictions[k];
    const t = [scenes.centres[n * 3], scenes.centres[n * 3 + 1], scenes.centres[n * 3 + 2]];
    parts.push(image(top, D, cell, ox, oy), image(front, D, cell, ox + view + 4, oy));
    // Centres: top view plots (x, y), front view plots (x, z).
    parts.push(marks(ox, oy, cell, [t[0], t[1]], [p.centre[0], p.centre[1]]));
    parts.push(marks(ox + view + 4, oy, cell, [t[0], t[2]], [p.centre[0], p.centre[2]]));
    const ok = p.label === scenes.labels[n];
    parts.push(
      `<text x="${ox}" y="${oy + view + 14}" font-family="sans-serif" font-size="12" fill="${ok ? '#222' : '#c00'}">${classNames[scenes.labels[n]]} → ${classNames[p.label]}</text>`,
      `<text x="${ox}" y="${oy + view + 28}" font-family="sans-serif" font-size="10" fill="#555">top (z-max) | front (y-max), err ${dist(t, p.centre).toFixed(2)} vox</text>`,
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
  await writeSvgPng(file, svg);
}

/** Max over one axis of a grid [z][y][x]: returns rows of the remaining 2D view (row-major, D x D). */
function project(grid: Float32Array, D: number, axis: 'y' | 'z'): Float32Array {
  const out = new Float32Array(D * D).fill(-Infinity);
  for (let z = 0; z < D; z++) {
    for (let y = 0; y < D; y++) {
      for (let x = 0; x < D; x++) {
        const v = grid[(z * D + y) * D + x];
        const i = axis === 'z' ? y * D + x : z * D + x;
        if (v > out[i]) out[i] = v;
      }
    }
  }
  return out;
}

function image(view: Float32Array, D: number, cell: number, ox: number, oy: number): string {
  let s = '';
  for (let r = 0; r < D; r++) {
    for (let c = 0; c < D; c++) {
      // MIPs of noisy backgrounds sit around 0.3, shapes around 1: map [0, 1.2] to black..white.
      const g = Math.round(255 * Math.min(1, Math.max(0, view[r * D + c] / 1.2)));
      s += `<rect x="${ox + c * cell}" y="${oy + r * cell}" width="${cell}" height="${cell}" fill="rgb(${g},${g},${g})"/>`;
    }
  }
  return s;
}

function marks(ox: number, oy: number, cell: number, t: number[], p: number[]): string {
  const [tx, ty] = [ox + t[0] * cell, oy + t[1] * cell];
  const [px, py] = [ox + p[0] * cell, oy + p[1] * cell];
  const a = cell * 0.9;
  return (
    `<circle cx="${tx}" cy="${ty}" r="${cell * 1.1}" fill="none" stroke="#0c0" stroke-width="2"/>` +
    `<path d="M${px - a},${py - a}L${px + a},${py + a}M${px - a},${py + a}L${px + a},${py - a}" stroke="#f22" stroke-width="2"/>`
  );
}

function dist(a: number[], b: number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
