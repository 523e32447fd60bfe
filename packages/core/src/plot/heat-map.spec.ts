import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '../image/decode';
import { colorScale, hexToRgb } from './color-scale';
import { heatMapSvg, renderHeatMap } from './heat-map';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-heat-map-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Cell (row, col) centre from the SVG: the rect carrying the value's tooltip. */
function cellCentre(svg: string, row: number, col: number, cols: number): [number, number] {
  const rects = [
    ...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="\d+" fill="#[0-9a-f]{6}"[^>]*><title>/g),
  ];
  const m = rects[row * cols + col];
  return [Number(m[1]) + Number(m[3]) / 2, Number(m[2]) + Number(m[3]) / 2];
}

describe('heatMap', () => {
  const values = [
    [0.0, 0.25, 1.0],
    [0.5, 0.75, 0.1],
  ];

  it('paints each cell with the colour scale value of its entry', async () => {
    const file = path.join(tmp, 'heat.png');
    const options = {
      values,
      scale: 'viridis' as const,
      rowLabels: ['a', 'b'],
      columnLabels: ['x', 'y', 'z'],
      colorBar: true,
      colorBarLabel: 'α',
      title: 'weights',
    };
    await renderHeatMap(file, options);
    const svg = heatMapSvg(options);
    const img = await decodeImage(file, { channels: 3 });
    for (const [r, c] of [
      [0, 0],
      [0, 2],
      [1, 0],
      [1, 1],
    ] as const) {
      const [x, y] = cellCentre(svg, r, c, 3);
      const p = (Math.floor(y) * img.width + Math.floor(x)) * 3;
      expect(Array.from(img.data.slice(p, p + 3))).toEqual(hexToRgb(colorScale('viridis', values[r][c])));
    }
  });

  it('colours by row share but writes the counts (confusion matrices), with readable text colour', () => {
    const svg = heatMapSvg({
      values: [
        [9, 1],
        [0, 0],
      ],
      scale: 'blues',
      normalise: 'rows',
      cellText: (v) => String(v),
      columnLabels: ['<cat>', 'dog'],
      rowLabels: ['<cat>', 'dog'],
      rotateColumnLabels: true,
      cell: 40,
    });
    expect(svg).toContain(`fill="${colorScale('blues', 0.9)}"`);
    expect(svg).toContain(`fill="${colorScale('blues', 0.1)}"`);
    expect(svg).toContain(`fill="${colorScale('blues', 0)}"`); // an empty row stays white, no NaN
    expect(svg).toMatch(/fill="#ffffff">9</); // white on dark blue
    expect(svg).toMatch(/fill="#000000">1</);
    expect(svg).toContain('&lt;cat&gt;');
    expect(svg).toContain('rotate(-90');
  });

  it('checks the labels against the matrix', () => {
    expect(() => heatMapSvg({ values: [[1, 2]], columnLabels: ['a'] })).toThrow(/1 column labels for 2 columns/);
    expect(() => heatMapSvg({ values: [[1, 2], [3]] })).toThrow(/rows must all have 2 values/);
    expect(() => heatMapSvg({ values: [] })).toThrow(/at least one row/);
  });
});
