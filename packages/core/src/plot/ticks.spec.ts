import { formatTick, niceTicks } from './ticks';

describe('ticks', () => {
  it('picks round 1-2-5 ticks covering the range', () => {
    expect(niceTicks(0.03, 0.97, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 20, 8, true)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1, 2, 8, true)).toEqual([1, 2]);
    expect(niceTicks(313.5, 421.2, 7)).toEqual([300, 320, 340, 360, 380, 400, 420, 440]);
  });
  it('gives tick labels the decimals their spacing needs', () => {
    expect(formatTick(0.1, [0, 0.05, 0.1])).toBe('0.10');
    expect(formatTick(0.4, [0, 0.2, 0.4])).toBe('0.4');
    expect(formatTick(20, [0, 10, 20])).toBe('20');
    expect(formatTick(3, [3])).toBe('3');
  });
});
