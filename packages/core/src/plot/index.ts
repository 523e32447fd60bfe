// Charts and pictures: the only place in dlkit where SVG becomes PNG (svg-to-png.ts).
export { COLOR_SCALES, CATEGORY_COLORS, ColorScaleName, colorScale, hexToRgb } from './color-scale';
export { clipText, escapeXml } from './escape';
export { HeatMapOptions, HEAT_MAP_DEFAULTS, heatMapSvg, renderHeatMap } from './heat-map';
export { CaptionLine, GridTile, ImageGridOptions, IMAGE_GRID_DEFAULTS, imageGrid, renderImageGrid } from './image-grid';
export { CHART_FONT, ChartAxis, ChartMargin, ChartPanel, LineChartOptions, LineSeries, LINE_CHART_DEFAULTS, lineChartSvg, renderLineChart, svgText } from './line-chart';
export { overlaySvg } from './overlay';
export { svgToImage, svgToPng } from './svg-to-png';
export { formatTick, niceTicks } from './ticks';
export { writePng, writeSvgPng } from './write-png';
