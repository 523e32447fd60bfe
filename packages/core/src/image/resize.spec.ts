import { padImage, resizeImage } from './resize';

describe('resizeImage and padImage', () => {
  const checker = { data: Uint8Array.from([0, 255, 255, 0]), width: 2, height: 2, channels: 1 as const };

  it('upscales with nearest neighbour as blocks of the source pixels', async () => {
    const big = await resizeImage(checker, { width: 4, height: 4, kernel: 'nearest' });
    expect([big.width, big.height, big.channels]).toEqual([4, 4, 1]);
    expect(Array.from(big.data)).toEqual([0, 0, 255, 255, 0, 0, 255, 255, 255, 255, 0, 0, 255, 255, 0, 0]);
  });

  it('pads with the background on the requested sides', async () => {
    const rgb = { data: Uint8Array.from([1, 2, 3]), width: 1, height: 1, channels: 3 as const };
    const padded = await padImage(rgb, { left: 1, bottom: 1, background: { r: 114, g: 114, b: 114 } });
    expect([padded.width, padded.height]).toEqual([2, 2]);
    expect(Array.from(padded.data)).toEqual([114, 114, 114, 1, 2, 3, 114, 114, 114, 114, 114, 114]);
    await expect(padImage(rgb, { left: -1, background: '#000' })).rejects.toThrow(/non-negative integers/);
    await expect(resizeImage(rgb, { width: 0, height: 3 })).rejects.toThrow(/positive integers, got 0×3/);
  });
});
