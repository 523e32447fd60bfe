import { composeImages } from './compose';
import { encodeImage } from './encode';

describe('composeImages', () => {
  it('places raw and encoded layers, later ones on top, alpha respected', async () => {
    const red = { data: Uint8Array.from([255, 0, 0, 255, 0, 0]), width: 2, height: 1, channels: 3 as const };
    // 1×1 half-transparent blue as PNG bytes
    const blue = await encodeImage({ data: Uint8Array.from([0, 0, 255, 0]), width: 1, height: 1, channels: 4 });
    const out = await composeImages({ width: 3, height: 1, background: '#ffffff' }, [
      { image: red, left: 0, top: 0 },
      { image: blue, left: 1, top: 0 },
    ]);
    expect(out.channels).toBe(3);
    // pixel 0 red; pixel 1 red (blue layer fully transparent); pixel 2 white background
    expect(Array.from(out.data)).toEqual([255, 0, 0, 255, 0, 0, 255, 255, 255]);
  });
});
