// Images in and out: the only place in dlkit (with ../plot) that talks to sharp.
export { RawImage, ImageShape, checkRawImage, imageFromFloats, imageToFloats } from './raw-image';
export { DecodeImageOptions, DECODE_DEFAULTS, ImageDecodeError, ImageInfo, decodeImage, readImageInfo } from './decode';
export { Colour, PadSpec, ResizeSpec, RESIZE_DEFAULTS, padImage, resizeImage } from './resize';
export { EncodeImageOptions, ENCODE_DEFAULTS, encodeImage, writeImage } from './encode';
export { CanvasSpec, ImageLayer, composeImages } from './compose';
