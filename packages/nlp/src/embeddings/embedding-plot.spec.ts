import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pcaProjection, renderPairsPlot } from './embedding-plot';
import { WordVectors } from './word-vectors';

// four words spread along one axis, a little along another, none along the third
const vectors = new WordVectors(
  ['a', 'b', 'c', 'd'],
  Float32Array.from([1, 0.1, 0, 0.5, -0.1, 0, -0.5, 0.1, 0, -1, -0.1, 0]).map((x, i) => (i % 3 === 2 ? 1 : x)),
  3,
);

describe('embedding plot', () => {
  it('projects on the principal components: the widest spread first', () => {
    const xy = pcaProjection(vectors, ['a', 'b', 'c', 'd']);
    const spread = (k: 0 | 1) => Math.max(...xy.map((p) => p[k])) - Math.min(...xy.map((p) => p[k]));
    expect(spread(0)).toBeGreaterThan(spread(1));
    expect(Math.sign(xy[0][0])).toBe(-Math.sign(xy[3][0])); // a and d at opposite ends
    expect(xy.reduce((s, p) => s + p[0], 0)).toBeCloseTo(0, 6); // centred
  });

  it('draws the pairs to a PNG, or nothing without pairs in the vectors', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plot-')), 'pca.png');
    const pairs = [
      ['a', 'b'],
      ['c', 'd'],
    ] as const;
    expect(await renderPairsPlot(file, vectors, [{ title: 'pairs', pairs }])).toBe(file);
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(await renderPairsPlot(file, vectors, [{ title: 'none', pairs: [['x', 'y']] }])).toBeNull();
  });
});
