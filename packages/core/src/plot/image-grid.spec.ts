import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '../image/decode';
import { encodeImage } from '../image/encode';
import { imageGrid, renderImageGrid } from './image-grid';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-grid-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const at = (img: { data: Uint8Array; width: number }, x: number, y: number) =>
  Array.from(img.data.slice((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));

describe('imageGrid', () => {
  it('lays tiles out in rows, upscales small ones blockily and writes captions under them', async () => {
    // a 2×2 grey checker (raw) and a solid red 4×4 PNG
    const checker = { data: Uint8Array.from([0, 255, 255, 0]), width: 2, height: 2, channels: 1 as const };
    const red = await encodeImage({
      data: new Uint8Array(4 * 4 * 3).map((_, i) => (i % 3 === 0 ? 255 : 0)),
      width: 4,
      height: 4,
      channels: 3,
    });
    const file = await renderImageGrid(
      path.join(tmp, 'grid.png'),
      [
        { image: checker, caption: ['true: <7>', { text: 'pred: 1', color: '#b00000' }] },
        { image: red, caption: ['x'] },
        { image: checker },
      ],
      { columns: 2, tileWidth: 20, gap: 4, margin: 6, title: 'Grid & co' },
    );
    const img = await decodeImage(file, { channels: 3 });
    // width: 2 margins + 2 tiles + 1 gap; height: margins + title 26 + 2 rows of (20 + caption 38) + 1 gap
    expect([img.width, img.height]).toEqual([6 + 20 + 4 + 20 + 6, 6 + 26 + 2 * (20 + 38) + 4 + 6]);
    const top = 6 + 26;
    expect(at(img, 6 + 2, top + 2)).toEqual([0, 0, 0]); // checker's dark quarter, nearest-neighbour upscaled
    expect(at(img, 6 + 12, top + 2)).toEqual([255, 255, 255]);
    expect(at(img, 6 + 20 + 4 + 10, top + 10)).toEqual([255, 0, 0]); // the red tile
    const secondRow = top + 20 + 38 + 4;
    expect(at(img, 6 + 2, secondRow + 2)).toEqual([0, 0, 0]);
    expect(at(img, 6 + 20 + 4 + 10, secondRow + 10)).toEqual([255, 255, 255]); // no fourth tile: background
  });

  it('draws each tile overlay on its tile and says so when there are no tiles', async () => {
    const white = { data: new Uint8Array(10 * 10 * 3).fill(255), width: 10, height: 10, channels: 3 as const };
    const overlay =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect x="0" y="0" width="5" height="5" fill="#0000ff"/></svg>';
    const img = await decodeImage(
      await imageGrid([{ image: white }, { image: white, overlay }], { gap: 0, margin: 0 }),
      { channels: 3 },
    );
    expect(at(img, 12, 2)).toEqual([0, 0, 255]);
    expect(at(img, 2, 2)).toEqual([255, 255, 255]);
    const empty = await decodeImage(await imageGrid([], { tileWidth: 40, emptyText: 'nothing to show' }));
    expect(empty.width).toBe(56);
  });
});
