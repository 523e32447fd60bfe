import { decodeImage } from '../image/decode';
import { svgToImage, svgToPng } from './svg-to-png';

describe('svgToPng', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="10" width="10" height="10" fill="#ff0000"/></svg>';

  it('rasterises at the SVG size, transparent where nothing is drawn', async () => {
    const img = await decodeImage(await svgToPng(svg));
    expect([img.width, img.height, img.channels]).toEqual([20, 10, 4]);
    expect(Array.from(img.data.slice(0, 4))).toEqual([0, 0, 0, 0]); // (0, 0): nothing drawn
    expect(Array.from(img.data.slice((5 * 20 + 15) * 4, (5 * 20 + 15) * 4 + 4))).toEqual([255, 0, 0, 255]); // (15, 5): red
    const raw = await svgToImage(svg);
    expect(Array.from(raw.data)).toEqual(Array.from(img.data));
  });
  it('refuses text that is not SVG', async () => {
    await expect(svgToPng('hello')).rejects.toThrow(/not an SVG document/);
  });
});
