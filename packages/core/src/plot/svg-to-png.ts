/**
 * The one place where an SVG document becomes pixels (sharp's librsvg). Charts, heat maps,
 * captions and overlays all pass through here, so fonts, density and background handling are
 * decided once.
 *
 * @example
 * const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
 */
import sharp from 'sharp';
import { RawImage } from '../image/raw-image';

function parse(svg: string): sharp.Sharp {
  if (!/<svg[\s>]/.test(svg))
    throw new Error(`svgToPng: not an SVG document (starts with ${JSON.stringify(svg.slice(0, 40))})`);
  return sharp(Buffer.from(svg));
}

/** The SVG rasterised at its own width and height, as PNG bytes (transparent where nothing is drawn). */
export async function svgToPng(svg: string): Promise<Buffer> {
  return parse(svg).png().toBuffer();
}

/** The SVG rasterised as RGBA pixels (for compositing). */
export async function svgToImage(svg: string): Promise<RawImage> {
  const { data, info } = await parse(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 4 };
}
