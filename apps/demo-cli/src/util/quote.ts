/**
 * Quoting untrusted text (file contents, flag values, paths) for one-line error messages: control
 * characters and terminal escape sequences are shown escaped instead of acting on the terminal,
 * and long values are cut with their length stated.
 *
 * @example
 * quote('a\u001b[31mred'); // "'a\\x1b[31mred'"
 * quote('x'.repeat(15000)); // "'xxx…' (15000 characters)"
 */

/** Longest value shown in full inside a message. */
export const QUOTE_MAX_CHARS = 80;
/** Longest whole error line printed by the CLI. */
export const MESSAGE_MAX_CHARS = 600;

// C0 controls (including ESC, CR, LF, TAB), DEL, C1 controls, line/paragraph separators, bidi overrides.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\xNN` / `\uNNNN`, so it prints as one inert line. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Cuts `text` to `max` characters (code points), saying how long it was. */
function truncate(text: string, max: number): { text: string; cut: string } {
  const chars = [...text];
  if (chars.length <= max) return { text, cut: '' };
  return { text: `${chars.slice(0, max).join('')}…`, cut: ` (${chars.length} characters)` };
}

/** A value in single quotes, escaped and truncated: safe to put in an error message. */
export function quote(value: unknown, max = QUOTE_MAX_CHARS): string {
  const { text, cut } = truncate(String(value), max);
  return `'${escapeControl(text)}'${cut}`;
}

/** A whole message made safe for the terminal: one line, escaped, at most `max` characters. */
export function safeMessage(message: string, max = MESSAGE_MAX_CHARS): string {
  const { text, cut } = truncate(message, max);
  return `${escapeControl(text)}${cut}`;
}

/** Longest path shown in full. */
export const PATH_MAX_CHARS = 240;

/** A path for a message, unquoted as the CLI prints paths, but escaped and truncated like quote(). */
export function showPath(file: string, max = PATH_MAX_CHARS): string {
  const { text, cut } = truncate(file, max);
  return `${escapeControl(text)}${cut}`;
}
