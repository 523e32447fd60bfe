// Images in and out: the only place in dlkit (with ../plot) that talks to sharp.
export type { RawImage, ImageShape } from './raw-image';
export { checkRawImage, convertChannels, imageFromFloats, imageToFloats } from './raw-image';
export type { DecodeImageOptions, ImageInfo } from './decode';
export { DECODE_DEFAULTS, ImageDecodeError, decodeImage, readImageInfo } from './decode';
export type { Colour, PadSpec, ResizeSpec } from './resize';
export { RESIZE_DEFAULTS, padImage, resizeImage } from './resize';
export type { EncodeImageOptions } from './encode';
export { ENCODE_DEFAULTS, encodeImage, writeImage } from './encode';
export type { CanvasSpec, ImageLayer } from './compose';
export { composeImages } from './compose';
