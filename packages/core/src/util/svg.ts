/**
 * Small helpers for the SVG documents dlkit rasterises to PNG with sharp (learning curves,
 * forecasts, piano rolls, attention maps, detections).
 */

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A tick label with as many decimals as the (1-2-5) tick spacing needs: 0.05 steps -> "0.10", 10 steps -> "20". */
export function formatTick(t: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return t.toFixed(decimals);
}
