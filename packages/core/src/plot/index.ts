// Charts and pictures: the only place in dlkit where SVG becomes PNG (svg-to-png.ts).
export type { ColorScaleName } from './color-scale';
export { COLOR_SCALES, CATEGORY_COLORS, colorScale, hexToRgb } from './color-scale';
export { clipText, escapeXml } from './escape';
export type { HeatMapOptions } from './heat-map';
export { HEAT_MAP_DEFAULTS, heatMapSvg, renderHeatMap } from './heat-map';
export type { CaptionLine, GridTile, ImageGridOptions } from './image-grid';
export { IMAGE_GRID_DEFAULTS, imageGrid, renderImageGrid } from './image-grid';
export type { ChartAxis, ChartMargin, ChartPanel, LineChartOptions, LineSeries } from './line-chart';
export { CHART_FONT, LINE_CHART_DEFAULTS, lineChartSvg, renderLineChart, svgText } from './line-chart';
export { overlaySvg } from './overlay';
export { svgToImage, svgToPng } from './svg-to-png';
export { formatTick, niceTicks } from './ticks';
export { writePng, writeSvgPng } from './write-png';
