/**
 * The course's picture of word vectors: chosen pairs (country → capital, man → woman) projected
 * on the first two principal components of their own vectors, each pair joined by a line and
 * every word labelled; one panel per group, drawn with core's line charts.
 *
 * @example
 * await renderPairsPlot('pca.png', vectors, [
 *   { title: 'countries and capitals', pairs: capitalPairs() },
 *   { title: 'gender pairs', pairs: GENDER_PAIRS },
 * ]);
 */
import { CATEGORY_COLORS, ChartPanel, renderLineChart } from '@dlkit/core';
import { WordPair } from './analogy-sets';
import { WordVectors } from './word-vectors';

export interface PairsPlotGroup {
  title: string;
  pairs: readonly WordPair[];
}

export interface PairsPlotOptions {
  /** Pairs drawn per panel (the first ones with both words in the vectors). */
  maxPairs?: number;
  width?: number;
  height?: number;
}

export const PAIRS_PLOT_DEFAULTS = { maxPairs: 8, width: 1200, height: 560 } satisfies Required<PairsPlotOptions>;

const PCA_ITERATIONS = 300;

/**
 * Coordinates of `words` on the first two principal components of their (unit-length) vectors:
 * power iteration on the covariance, the second component after deflating the first. [n][2].
 */
export function pcaProjection(vectors: WordVectors, words: readonly string[]): Array<[number, number]> {
  const dim = vectors.dim;
  const unit = vectors.unitVectors();
  const rows = words.map((w) => Array.from(unit.subarray(vectors.id(w) * dim, (vectors.id(w) + 1) * dim)));
  const mean = new Array<number>(dim).fill(0);
  for (const r of rows) r.forEach((x, i) => (mean[i] += x / rows.length));
  const centred = rows.map((r) => r.map((x, i) => x - mean[i]));
  const project = (v: number[]) => centred.map((r) => r.reduce((s, x, i) => s + x * v[i], 0));
  const components: number[][] = [];
  for (let k = 0; k < 2; k++) {
    let v: number[] = Array.from({ length: dim }, (_, i) => (i % (k + 2) === 0 ? 1 : 0.5)); // fixed start
    for (let it = 0; it < PCA_ITERATIONS; it++) {
      // C v = Σ r (r·v), with the components found so far removed
      const p = project(v);
      const next = new Array<number>(dim).fill(0);
      centred.forEach((r, j) => r.forEach((x, i) => (next[i] += x * p[j])));
      for (const c of components) {
        const s = next.reduce((a, x, i) => a + x * c[i], 0);
        next.forEach((_, i) => (next[i] -= s * c[i]));
      }
      const n = Math.hypot(...next);
      if (n === 0) break;
      v = next.map((x) => x / n);
    }
    components.push(v);
  }
  const [pc1, pc2] = components.map(project);
  return words.map((_, i) => [pc1[i], pc2[i]]);
}

/** Draws the groups' pairs as a PNG; returns the file, or null when no group has a pair in the vectors. */
export async function renderPairsPlot(
  file: string,
  vectors: WordVectors,
  groups: readonly PairsPlotGroup[],
  options: PairsPlotOptions = {},
): Promise<string | null> {
  const o = { ...PAIRS_PLOT_DEFAULTS, ...options };
  const panels: ChartPanel[] = [];
  for (const group of groups) {
    const pairs = group.pairs.filter(([a, b]) => vectors.has(a) && vectors.has(b)).slice(0, o.maxPairs);
    if (pairs.length < 2) continue;
    const xy = pcaProjection(vectors, pairs.flat());
    panels.push({
      title: group.title,
      series: pairs.map((_, p) => ({
        x: [xy[2 * p][0], xy[2 * p + 1][0]],
        y: [xy[2 * p][1], xy[2 * p + 1][1]],
        color: CATEGORY_COLORS[p % CATEGORY_COLORS.length],
        markers: 'all' as const,
        width: 1.5,
      })),
      notes: pairs.flat().map((w, i) => ({ x: xy[i][0], y: xy[i][1], text: w, dy: -8 })),
      x: { label: 'principal component 1' },
      y: { label: 'principal component 2' },
      legend: 'none',
    });
  }
  if (panels.length === 0) return null;
  return renderLineChart(file, {
    width: o.width,
    height: o.height,
    title: 'Word vectors, 2-D PCA of each group',
    panels,
  });
}
