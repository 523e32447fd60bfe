import { encodeImage, readImageInfo } from '@dlkit/core';
import { LETTERBOX_GREY, letterbox, letterboxGeometry, toChwFloats, unletterboxBox } from './letterbox';

describe('letterboxGeometry (Ultralytics arithmetic)', () => {
  it('fits the long side and centres the short one', () => {
    // 200×100 into 64×64: scale min(0.64, 0.32) = 0.32, content round(64)×round(32), top round(16 - 0.1) = 16.
    expect(letterboxGeometry(200, 100, 64, 64)).toMatchObject({
      scale: 0.32,
      contentWidth: 64,
      contentHeight: 32,
      left: 0,
      top: 16,
    });
    // 100×75 into 640×640: scale 6.4, content 640×480, top round(80 - 0.1) = 80.
    expect(letterboxGeometry(100, 75, 640, 640)).toMatchObject({
      scale: 6.4,
      contentWidth: 640,
      contentHeight: 480,
      left: 0,
      top: 80,
    });
    // Odd padding: 64×63 into 64×64: scale 1, content 64×63, pad 1 -> top round(0.5 - 0.1) = 0, bottom 1.
    expect(letterboxGeometry(64, 63, 64, 64)).toMatchObject({ top: 0, left: 0 });
  });

  it('maps boxes back and clips them', () => {
    const g = letterboxGeometry(256, 128, 64, 64); // scale 0.25, top 16
    expect(unletterboxBox([16, 24, 48, 40], g)).toEqual([64, 32, 192, 96]);
    expect(unletterboxBox([-4, 10, 70, 60], g)).toEqual([0, 0, 256, 128]);
  });
});

describe('letterbox', () => {
  it('pads with grey 114 around the resized image', async () => {
    // A white 8×4 image into 8×8: scale 1, content 8×4, top round(2 - 0.1) = 2, bottom 2.
    const white = Buffer.alloc(8 * 4 * 3, 255);
    const { data, geometry } = await letterbox({ data: white, width: 8, height: 4 }, 8, 8);
    expect(geometry.top).toBe(2);
    const rowValue = (y: number) => data[(y * 8 + 3) * 3];
    expect([0, 1, 2, 5, 6, 7].map(rowValue)).toEqual([
      LETTERBOX_GREY,
      LETTERBOX_GREY,
      255,
      255,
      LETTERBOX_GREY,
      LETTERBOX_GREY,
    ]);
    const png = await encodeImage({ data, width: 8, height: 8, channels: 3 });
    expect((await readImageInfo(png)).height).toBe(8);
  });

  it('converts HWC bytes to CHW floats', () => {
    // 2×1 image: pixel 0 = (255, 0, 51), pixel 1 = (0, 255, 102) -> planes R [1, 0], G [0, 1], B [0.2, 0.4].
    const chw = toChwFloats(Buffer.from([255, 0, 51, 0, 255, 102]), 2, 1);
    Array.from(chw).forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 1, 0.2, 0.4][i], 6));
  });
});
