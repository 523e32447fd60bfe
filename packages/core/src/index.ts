// Public surface of @dlkit/core: the training stack a tfjs or Keras user reaches for (backend,
// data, Trainer and callbacks, schedules, model I/O, ONNX). Every name is chosen; nothing is
// re-exported wholesale. Keep it sorted by folder.
//
// The from-scratch engine and the course experiments have their own doors, as a namespace here
// and as a subpath (the same modules):
//   import { scratch } from '@dlkit/core';   or   import { Dense, trainStep } from '@dlkit/core/scratch';
//   import { dls } from '@dlkit/core';       or   import { runPlanar } from '@dlkit/core/dls';
// Test helpers: '@dlkit/core/testing'.

export { initBackend, listExtraKernels } from './backend/init';
export type { BackendInfo, BackendName, BackendOptions } from './backend/init';

export { datasetSubset, tensorDataset } from './data/dataset';
export type { Batch, Dataset, ModelInputs } from './data/dataset';
export { Rng, SEED_SALTS, dropoutSeed, exampleSeed, seedFor, streamSeed } from './data/rng';
export type { SeedStream } from './data/rng';
export { holdOutIndices, splitDataset, splitIndices } from './data/split';
export type { ValidationSplitOptions } from './data/split';

export * as dls from './dls';

export type {
  CanvasSpec,
  Colour,
  DecodeImageOptions,
  EncodeImageOptions,
  ImageInfo,
  ImageLayer,
  ImageShape,
  PadSpec,
  RawImage,
  ResizeSpec,
} from './image';
export { DECODE_DEFAULTS, ENCODE_DEFAULTS, ImageDecodeError, RESIZE_DEFAULTS } from './image';
export {
  checkRawImage,
  composeImages,
  convertChannels,
  decodeImage,
  encodeImage,
  imageFromFloats,
  imageToFloats,
  padImage,
  readImageInfo,
  resizeImage,
  writeImage,
} from './image';

export { replaceDirAtomic, writeFileAtomic } from './io/atomic';
export { fileSystem, loadModel, saveModel } from './io/filesystem';
export {
  GraphBuilder,
  OnnxAttributeType,
  OnnxDataType,
  OnnxSession,
  decodeModel,
  encodeModel,
  exportToOnnx,
  importOnnx,
  loadOnnx,
  onnxAttr,
  onnxLayerError,
  onnxParity,
  saveOnnx,
  supportedOnnxLayers,
  supportedOnnxOps,
} from './io/onnx';
export type {
  AttributeProto,
  GraphBuilderOptions,
  GraphProto,
  ModelProto,
  NodeProto,
  OnnxAttr,
  OnnxDim,
  OnnxExportOptions,
  OnnxImportOptions,
  OnnxLayerExportContext,
  OnnxLayerExporter,
  OnnxLogicalShape,
  OnnxParityOptions,
  OnnxParityResult,
  OnnxSessionOptions,
  OnnxTensor,
  OnnxTensorData,
  OnnxValue,
  OnnxValueInfo,
  OnnxWeightData,
  OperatorSetId,
  TensorProto,
  ValueInfoProto,
} from './io/onnx';

export type {
  CaptionLine,
  ChartAxis,
  ChartMargin,
  ChartPanel,
  ColorScaleName,
  GridTile,
  HeatMapOptions,
  ImageGridOptions,
  LineChartOptions,
  LineSeries,
} from './plot';
export {
  CATEGORY_COLORS,
  CHART_FONT,
  COLOR_SCALES,
  HEAT_MAP_DEFAULTS,
  IMAGE_GRID_DEFAULTS,
  LINE_CHART_DEFAULTS,
} from './plot';
export {
  clipText,
  colorScale,
  escapeXml,
  formatTick,
  heatMapSvg,
  hexToRgb,
  imageGrid,
  lineChartSvg,
  niceTicks,
  overlaySvg,
  renderHeatMap,
  renderImageGrid,
  renderLineChart,
  svgText,
  svgToImage,
  svgToPng,
  writePng,
  writeSvgPng,
} from './plot';

export { constantLr, cosineWithWarmup, exponentialDecay, inverseTimeDecay, stepDecay } from './optim';
export type { LearningRateSchedule } from './optim';

export * as scratch from './scratch';

export {
  Checkpoint,
  EarlyStopping,
  History,
  LearningRateScheduler,
  NonFiniteLossError,
  TRAIN_COLOR,
  Trainer,
  TrainingTimer,
  VALIDATION_COLOR,
  averageModelWeights,
  defaultTrainingWorkers,
  diagnoseBiasVariance,
  fit,
  formatEpochLogs,
  intUniform,
  learningCurvesSvg,
  linUniform,
  logUniform,
  oneOf,
  randomSearch,
  renderLearningCurves,
} from './train';
export type {
  BatchLogs,
  BiasVarianceInput,
  BiasVarianceReport,
  Callback,
  CallbackState,
  CheckpointOptions,
  Diagnosis,
  EarlyStoppingOptions,
  EpochLogs,
  LearningCurvesOptions,
  LossKind,
  LossName,
  LossSpec,
  MetricSpec,
  OptimizerName,
  RandomSearchOptions,
  Sampler,
  SearchParams,
  SearchSpace,
  TrainData,
  TrainerLossFn,
  TrainerMetric,
  TrainerMetricFn,
  TrainerOptions,
  TrainingContext,
  Trial,
} from './train';

export { AugmentationEpoch, isEpochAware } from './train/augmentation-epoch';
export type { EpochAwareDataset } from './train/augmentation-epoch';
export { CALLBACK_PRIORITY } from './train/callback';
export { TRAINING_RUN_DEFAULTS, runTraining, taskTrainerOptions } from './train/training-run';
export type { TrainTaskOptions, TrainingRunFiles, TrainingRunOptions, TrainingRunResult } from './train/training-run';

export { stripUndefined } from './util/options';
