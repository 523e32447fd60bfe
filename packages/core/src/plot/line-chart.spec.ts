import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '../image/decode';
import { lineChartSvg, renderLineChart } from './line-chart';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-line-chart-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Pixels within `tol` of a #rrggbb colour. */
async function countColour(file: string, hex: string, tol = 12): Promise<number> {
  const img = await decodeImage(file, { channels: 3 });
  const t = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let p = 0; p < img.data.length; p += 3) if (t.every((v, c) => Math.abs(img.data[p + c] - v) <= tol)) n++;
  return n;
}

describe('lineChart', () => {
  const xs = [1, 2, 3, 4, 5, 6, 7, 8];

  it('renders series in their colours to a PNG of the requested size', async () => {
    const file = path.join(tmp, 'chart.png');
    await renderLineChart(file, {
      width: 500,
      height: 300,
      title: 'Two lines',
      panels: [
        {
          series: [
            { name: 'up', x: xs, y: xs.map((x) => x * x), color: '#1f77b4' },
            { name: 'down', x: xs, y: xs.map((x) => 70 - x), color: '#d62728', dash: '6,4' },
          ],
          x: { label: 'step', integer: true },
        },
      ],
    });
    const img = await decodeImage(file);
    expect([img.width, img.height]).toEqual([500, 300]);
    expect(await countColour(file, '#1f77b4')).toBeGreaterThan(300);
    expect(await countColour(file, '#d62728')).toBeGreaterThan(200);
    expect(await countColour(file, '#2ca02c')).toBe(0);
  });

  it('draws axes, legend entries once per name, escaped text, notes, regions and log axes', () => {
    const svg = lineChartSvg({
      width: 400,
      height: 300,
      title: 'a < b & "c"',
      subtitle: 'sub',
      caption: 'caption',
      panels: [
        {
          title: 'panel',
          series: [
            { name: 'forecast', x: [1, 2], y: [1, 2], color: '#ff7f0e', markers: 'first' },
            { name: 'forecast', x: [3, 4], y: [2, 3], color: '#ff7f0e', markers: 'first' },
            { x: [1, 10], y: [0.5, 0.9], color: '#000000', range: { low: [0.4, 0.8], high: [0.6, 1] } },
          ],
          x: { scale: 'log', ticks: [1, 2, 5, 10] },
          y: { label: 'accuracy', format: (t) => `${Math.round(t * 100)}%` },
          region: { from: 3, label: 'held out' },
          rules: [{ x: 3, dash: '5,4' }],
          notes: [{ x: 2, y: 2, text: '+1.0', dy: -8 }],
          legend: 'top-left',
        },
      ],
    });
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(svg.match(/>forecast</g)).toHaveLength(1);
    expect(svg).toContain('>held out<');
    expect(svg).toContain('>+1.0<');
    expect(svg).toContain('>accuracy<');
    expect(svg).toMatch(/>\d+%</);
    expect(svg.match(/<circle/g)).toHaveLength(4); // first point of each forecast path + 2 auto markers
    expect(svg).not.toMatch(/NaN|Infinity/);
    // log axis: 1, 2, 5, 10 at equal log spacing -> x(2) - x(1) = x(10) - x(5)
    const tickX = [
      ...svg.matchAll(
        /<line x1="([\d.]+)" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+" stroke="#333" stroke-width="1"\/>\n<text x="[\d.]+" y="[\d.]+"[^>]*text-anchor="middle">(1|2|5|10)</g,
      ),
    ].map((m) => Number(m[1]));
    expect(tickX).toHaveLength(4);
    expect(Math.abs(tickX[1] - tickX[0] - (tickX[3] - tickX[2]))).toBeLessThan(0.2);
  });

  it('orders legend entries by legendOrder, others in drawing order', () => {
    const series = ['b', 'a', 'c'].map((name) => ({ name, x: [1, 2], y: [1, 2], color: '#000000' }));
    const svg = lineChartSvg({ width: 300, height: 200, panels: [{ series, legendOrder: ['c', 'a'] }] });
    const names = [...svg.matchAll(/>([abc])<\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(['c', 'a', 'b']);
  });

  it('rejects charts without panels or with a tiny size', () => {
    expect(() => lineChartSvg({ width: 400, height: 300, panels: [] })).toThrow(/at least one panel/);
    expect(() => lineChartSvg({ width: 50, height: 300, panels: [{ series: [] }] })).toThrow(/at least 100x100/);
  });
});
