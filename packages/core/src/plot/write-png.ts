/**
 * PNG files written atomically (temporary sibling + fsync + rename, `io/atomic`): an
 * interrupted or failing write leaves the previous picture in place and no temporary file.
 *
 * @example
 * await writeSvgPng('out/chart.png', lineChartSvg({ ... }));
 * writePng('out/image.png', pngBytes);
 */
import { writeFileAtomic } from '../io/atomic';
import { svgToPng } from './svg-to-png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Writes PNG bytes to `file` atomically (refusing bytes that are not a PNG); returns `file`. */
export function writePng(file: string, png: Uint8Array): string {
  if (png.length < 8 || PNG_SIGNATURE.some((b, i) => png[i] !== b))
    throw new Error(`writePng ${file}: the bytes are not a PNG (no PNG signature)`);
  writeFileAtomic(file, png);
  return file;
}

/** Rasterises an SVG document and writes it to `file` as a PNG, atomically; returns `file`. */
export async function writeSvgPng(file: string, svg: string): Promise<string> {
  return writePng(file, await svgToPng(svg));
}
