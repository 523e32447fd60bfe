import { checkRawImage, convertChannels, imageFromFloats, imageToFloats } from './raw-image';

describe('raw images', () => {
  it('turns [0, 1] floats into clipped, rounded bytes and back', () => {
    const img = imageFromFloats([0, 0.5, 1, -0.2, 1.7, 0.1], { width: 2, height: 1, channels: 3 });
    expect(Array.from(img.data)).toEqual([0, 128, 255, 0, 255, 26]); // 0.5*255 = 127.5 -> 128, 0.1*255 = 25.5 -> 26
    expect(Array.from(imageToFloats(img))).toEqual([0, 128, 255, 0, 255, 26].map((b) => Math.fround(b / 255)));
  });
  it('names the mismatch between size and bytes', () => {
    expect(() => checkRawImage({ data: new Uint8Array(5), width: 2, height: 1, channels: 3 })).toThrow(
      /expected 2×1×3 = 6 bytes, got 5/,
    );
    expect(() => imageFromFloats([0], { width: 0, height: 1, channels: 1 })).toThrow(/positive integers/);
  });
  it('converts channels by copying grey and adding or dropping alpha', () => {
    const grey = { data: Uint8Array.from([7, 9]), width: 2, height: 1, channels: 1 as const };
    expect(Array.from(convertChannels(grey, 3).data)).toEqual([7, 7, 7, 9, 9, 9]);
    expect(Array.from(convertChannels(grey, 4).data)).toEqual([7, 7, 7, 255, 9, 9, 9, 255]);
    const rgba = { data: Uint8Array.from([1, 2, 3, 4]), width: 1, height: 1, channels: 4 as const };
    expect(Array.from(convertChannels(rgba, 3).data)).toEqual([1, 2, 3]);
    expect(() => convertChannels(rgba, 1)).toThrow(/decode with channels: 1/);
  });
});
