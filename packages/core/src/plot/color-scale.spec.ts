import { COLOR_SCALES, colorScale, hexToRgb } from './color-scale';

describe('colour scales', () => {
  it('hits the stops exactly and interpolates between them', () => {
    expect(colorScale('viridis', 0)).toBe('#440154');
    expect(colorScale('viridis', 1)).toBe('#fde725');
    expect(colorScale('viridis', 0.5)).toBe('#21918c'); // the middle of 9 stops is stop 4
    expect(colorScale('blues', 0)).toBe('#f7fbff');
    expect(colorScale('blues', 1)).toBe('#08306b');
    // halfway between (247,251,255) and (8,48,107): (127.5, 149.5, 181) rounded
    expect(hexToRgb(colorScale('blues', 0.5))).toEqual([128, 150, 181]);
  });
  it('clips out-of-range values and treats NaN as 0', () => {
    expect(colorScale('magma', -3)).toBe(COLOR_SCALES.magma[0]);
    expect(colorScale('magma', 7)).toBe(COLOR_SCALES.magma[8]);
    expect(colorScale('greys', NaN)).toBe('#000000');
  });
  it('names the scales when asked for an unknown one', () => {
    expect(() => colorScale('jet' as never, 0.5)).toThrow(
      /unknown colour scale 'jet'; scales are: viridis, magma, blues, greys/,
    );
  });
});
