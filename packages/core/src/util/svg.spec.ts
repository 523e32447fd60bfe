import { escapeXml, formatTick } from './svg';

describe('svg helpers', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
  it('gives tick labels the decimals their spacing needs', () => {
    expect(formatTick(0.1, [0, 0.05, 0.1])).toBe('0.10');
    expect(formatTick(0.4, [0, 0.2, 0.4])).toBe('0.4');
    expect(formatTick(20, [0, 10, 20])).toBe('20');
    expect(formatTick(3, [3])).toBe('3');
  });
});
