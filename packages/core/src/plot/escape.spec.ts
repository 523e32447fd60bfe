import { clipText, escapeXml } from './escape';

describe('escapeXml', () => {
  it('escapes the five XML specials and nothing else', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('&lt;')).toBe('&amp;lt;'); // already-escaped text is escaped again, not trusted
    expect(escapeXml('α → ∅ plain')).toBe('α → ∅ plain');
  });
  it('clips long labels with an ellipsis', () => {
    expect(clipText('airplane', 5)).toBe('airp…');
    expect(clipText('cat', 5)).toBe('cat');
  });
});
