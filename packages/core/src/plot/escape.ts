/**
 * Text inside SVG documents: every label, title and caption that reaches a chart goes through
 * `escapeXml`, so a class named `<cat & dog>` cannot break (or inject into) the picture.
 *
 * @example
 * `<text>${escapeXml(title)}</text>`;
 */

/** Escapes text for SVG/XML content and attribute values (the five XML specials). */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Shortens a label to `max` characters with an ellipsis (before escaping). */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
