/**
 * An SVG drawing (boxes, marks, labels) laid over an image of the same size: detection
 * previews and annotated photos. The SVG is rasterised by `svgToPng`, like every chart.
 *
 * @example
 * const annotated = await overlaySvg(photo, `<svg xmlns="http://www.w3.org/2000/svg" width="${photo.width}" height="${photo.height}">...</svg>`);
 * await writeImage('out/boxes.png', annotated);
 */
import { composeImages } from '../image/compose';
import { RawImage, checkRawImage } from '../image/raw-image';
import { svgToPng } from './svg-to-png';

/** The image (made RGB) with `svg` drawn on top at its top-left corner. */
export async function overlaySvg(image: RawImage, svg: string): Promise<RawImage> {
  const { width, height } = checkRawImage(image, 'overlaySvg');
  return composeImages({ width, height }, [
    { image, left: 0, top: 0 },
    { image: await svgToPng(svg), left: 0, top: 0 },
  ]);
}
