// One helper for untrusted text in error messages.
import { escapeControl, quote, safeMessage, showPath } from './quote';

describe('quote / safeMessage', () => {
  it('escapes terminal escape sequences and other control characters', () => {
    expect(escapeControl('a\u001b[2J\u001b[31mb')).toBe('a\\x1b[2J\\x1b[31mb');
    expect(escapeControl('tab\there\nnew\rcr\u0007bell\u009bcsi\u202eRTL')).toBe(
      'tab\\x09here\\x0anew\\x0dcr\\x07bell\\x9bcsi\\u202eRTL',
    );
    expect(escapeControl('naïve 日本 ✓')).toBe('naïve 日本 ✓');
  });
  it('quote wraps, escapes and truncates long values with their length', () => {
    expect(quote('x')).toBe("'x'");
    const long = quote('y'.repeat(15000));
    expect(long.length).toBeLessThan(120);
    expect(long).toMatch(/^'y{80}…' \(15000 characters\)$/);
  });
  it('safeMessage keeps a message on one line and bounded', () => {
    const m = safeMessage(`bad \u001b]0;title\u0007 ${'z'.repeat(5000)}\nsecond line`);
    expect(m).not.toMatch(/[\u0000-\u001f]/);
    expect(m.length).toBeLessThan(700);
    expect(m).toMatch(/\(\d+ characters\)$/);
  });
  it('showPath prints a path unquoted but escaped', () => {
    expect(showPath('/tmp/a\u001bb.png')).toBe('/tmp/a\\x1bb.png');
  });
});
