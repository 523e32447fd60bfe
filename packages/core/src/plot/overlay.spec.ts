import { overlaySvg } from './overlay';

describe('overlaySvg', () => {
  it('draws the SVG over the image and keeps the image where the SVG is transparent', async () => {
    const grey = { data: new Uint8Array(4 * 2).fill(100), width: 4, height: 2, channels: 1 as const };
    const out = await overlaySvg(
      grey,
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect x="2" width="2" height="2" fill="#00ff00"/></svg>',
    );
    expect([out.width, out.height, out.channels]).toEqual([4, 2, 3]);
    expect(Array.from(out.data.slice(0, 3))).toEqual([100, 100, 100]);
    expect(Array.from(out.data.slice(9, 12))).toEqual([0, 255, 0]);
  });
});
