// Public surface of @dlkit/core. One line per module; keep it sorted by folder.
export * from './backend/init';
export * from './data/batches';
export * from './data/rng';
export * from './data/synthetic';
export * from './dls';
export type { CanvasSpec, Colour, DecodeImageOptions, EncodeImageOptions, ImageInfo, ImageLayer, ImageShape, PadSpec, RawImage, ResizeSpec } from './image';
export { DECODE_DEFAULTS, ENCODE_DEFAULTS, ImageDecodeError, RESIZE_DEFAULTS } from './image';
export { checkRawImage, composeImages, convertChannels, decodeImage, encodeImage, imageFromFloats, imageToFloats, padImage, readImageInfo, resizeImage, writeImage } from './image';
export * from './io/atomic';
export * from './io/filesystem';
export * from './io/onnx';
export * from './optim';
export type { CaptionLine, ChartAxis, ChartMargin, ChartPanel, ColorScaleName, GridTile, HeatMapOptions, ImageGridOptions, LineChartOptions, LineSeries } from './plot';
export { CATEGORY_COLORS, CHART_FONT, COLOR_SCALES, HEAT_MAP_DEFAULTS, IMAGE_GRID_DEFAULTS, LINE_CHART_DEFAULTS } from './plot';
export { clipText, colorScale, escapeXml, formatTick, heatMapSvg, hexToRgb, imageGrid, lineChartSvg, niceTicks, overlaySvg, renderHeatMap, renderImageGrid, renderLineChart, svgText, svgToImage, svgToPng, writePng, writeSvgPng } from './plot';
export * from './scratch';
export * from './train';
export * from './util/options';
