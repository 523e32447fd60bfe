// Public surface of @dlkit/vision: one task per system (train*, with its options, result and
// the defaults the CLI prints), the models and datasets those tasks use, and the pieces the
// README teaches (boxes, NMS, mAP, style costs, freezing). Every name is chosen; grouped by folder.
export { renderConfusionMatrix } from './analysis/confusion-matrix-png';
export type { ConfusionMatrixPngOptions } from './analysis/confusion-matrix-png';
export { accuracyOf, confusionMatrix, perClassMetrics } from './analysis/metrics';
export type { ClassMetrics } from './analysis/metrics';
export { renderMisclassifiedGrid } from './analysis/misclassified-grid';
export type { MisclassifiedGridOptions, MisclassifiedImage } from './analysis/misclassified-grid';

export { ImageAugmenter } from './augment/image-augment';
export type { AugmentParams, ImageAugmentOptions } from './augment/image-augment';
export { RandomAffine } from './augment/random-affine';
export type { RandomAffineOptions } from './augment/random-affine';

export { BlockContext, convBlock, invertedResidualBlock, residualBlock, separableBlock } from './classify/blocks';
export type {
  BlockContextOptions,
  ConvBlockOptions,
  InvertedResidualOptions,
  ResidualBlockOptions,
  SeparableBlockOptions,
} from './classify/blocks';
export { ClassifierSourceError, openClassifier } from './classify/classifier-session';
export type { ClassifierSession } from './classify/classifier-session';
export { writeDigitImageFolder } from './classify/digit-folder';
export type { DigitFolderOptions } from './classify/digit-folder';
export { buildImageClassifier, IMAGE_ARCHS } from './classify/image-classifier';
export type { ImageArch, ImageClassifierConfig } from './classify/image-classifier';
export { findLabelsFile, readImageForModel } from './classify/predict-input';
export { TRAIN_IMAGES_DEFAULTS, trainImages } from './classify/train-images';
export type { TrainImagesOptions, TrainImagesResult } from './classify/train-images';

export { DigitDataset } from './datasets/digit-dataset';
export type { DigitDatasetOptions } from './datasets/digit-dataset';
export { ImageFolderError, loadImageFolder, stratifiedSplit } from './datasets/image-folder';
export type { ImageFolder, ImageFolderOptions, ImageSet, SkippedFile } from './datasets/image-folder';
export { ImageFolderDataset } from './datasets/image-folder-dataset';
export type { ImageFolderDatasetOptions } from './datasets/image-folder-dataset';
export { loadMnist, mnistSplit, selectDigits } from './datasets/mnist';
export type { DigitSet, MnistSplitOptions } from './datasets/mnist';

export { bestAnchor, encodeTargets, shapeIou } from './detection/anchors';
export type { GroundTruth } from './detection/anchors';
export { apFromMatches, meanAveragePrecision } from './detection/average-precision';
export type { ApOptions, ApResult } from './detection/average-precision';
export { boxArea, centreToCorners, clipBox, cornersToCentre, iou } from './detection/boxes';
export type { CentreBox, CornerBox } from './detection/boxes';
export { yoloDetector } from './detection/detector-model';
export type { YoloDetectorOptions } from './detection/detector-model';
export { DETECT_DEFAULTS, openDetector } from './detection/detector-session';
export type {
  DetectOptions,
  DetectorSession,
  LabelledDetection,
  OpenDetectorOptions,
} from './detection/detector-session';
export { drawDetections, rgbToPng } from './detection/draw';
export type { LabelledBox } from './detection/draw';
export { evaluateDetector } from './detection/evaluate';
export type { DetectorEvaluation, EvaluateOptions } from './detection/evaluate';
export { letterbox, letterboxGeometry, unletterboxBox } from './detection/letterbox';
export type { LetterboxGeometry, RgbImage } from './detection/letterbox';
export { nonMaxSuppression, scoreThreshold } from './detection/nms';
export type { Detection, NmsOptions } from './detection/nms';
export { generateScene, SCENE_LABELS, SceneDataset } from './detection/scenes';
export type { Scene, SceneOptions } from './detection/scenes';
export { SCENE_DETECTOR_CONFIG, TRAIN_DETECTOR_DEFAULTS, trainDetector } from './detection/train-detector';
export type { TrainDetectorOptions, TrainDetectorResult } from './detection/train-detector';
export type { YoloConfig } from './detection/yolo-config';
export { decodeYoloGrid } from './detection/yolo-decode';
export type { DecodeOptions } from './detection/yolo-decode';
export { yoloLoss } from './detection/yolo-loss';
export type { YoloLossWeights } from './detection/yolo-loss';
export { decodeYolov8, parseUltralyticsNames } from './detection/yolov8';

export { mnistCnn } from './models/mnist-cnn';
export type { MnistCnnConfig } from './models/mnist-cnn';

export { maskedLoss, MISSING } from './multitask/masked-loss';
export type { HeadKind } from './multitask/masked-loss';
export { DIGIT_HEAD, GREATER_THAN_4_HEAD, multiTaskNet, PARITY_HEAD } from './multitask/model';
export type { MultiTaskNetOptions, TaskHead } from './multitask/model';
export { digitTaskData, evaluateMultiTask, multiTaskLoss, trainMultiTask } from './multitask/train';
export type { MultiTaskData, MultiTaskEpochLogs, MultiTaskTrainOptions } from './multitask/train';

export { readGreyscaleImage } from './preprocess/greyscale-image';

export { contentCost, gramMatrix, layerStyleCost, totalVariationCost } from './style/costs';
export { renderBrushStyle, renderContentScene } from './style/demo-images';
export type { BrushStyleOptions } from './style/demo-images';
export { IMAGENET_NORMALIZATION, layersFeatureNet } from './style/feature-net';
export type { FeatureNet, ImageNormalization, LayersFeatureNetOptions } from './style/feature-net';
export { RANDOM_NET_LAYERS, randomFeatureNet } from './style/random-feature-net';
export type { RandomFeatureNetConfig } from './style/random-feature-net';
export { readRgbImage, writeRgbPng } from './style/rgb-image';
export { onnxFeatureNet, RUN_STYLE_DEFAULTS, runStyleTransfer } from './style/style-task';
export type { RunStyleTransferOptions, RunStyleTransferResult } from './style/style-task';
export { styleTransfer } from './style/style-transfer';
export type { StyleCosts, StyleLayer, StyleTransferOptions, StyleTransferResult } from './style/style-transfer';

export { TRAIN_MNIST_DEFAULTS, trainMnist } from './tasks/train-mnist';
export type { TrainMnistOptions, TrainMnistResult } from './tasks/train-mnist';

export { renderTransferChart } from './transfer/chart';
export { freezeUpTo, unfreezeTop } from './transfer/freeze';
export type { UnfreezeOptions } from './transfer/freeze';
export { attachHead } from './transfer/head';
export type { HeadOptions } from './transfer/head';
export {
  epochsForShots,
  MNIST_TRANSFER_DEFAULTS,
  mnistTransferEval,
  TRANSFER_NETWORKS,
} from './transfer/mnist-transfer';
export type { MnistTransferOptions, MnistTransferResult, TransferNetwork } from './transfer/mnist-transfer';
export { transferLearn } from './transfer/recipe';
export type { TransferOptions, TransferResult } from './transfer/recipe';
export { renderShotsChart } from './transfer/shots-chart';
export type { ShotsPoint } from './transfer/shots-chart';

export { renderVoxelScenes } from './voxels/render-scenes';
export type { VoxelPrediction } from './voxels/render-scenes';
export { generateVoxelScenes } from './voxels/scenes';
export type { VoxelSceneOptions, VoxelScenes } from './voxels/scenes';
export { VOXEL_CLASS_NAMES } from './voxels/shapes';
export { predictVoxels, sceneBatch, TRAIN_VOXELS_DEFAULTS, trainVoxels, voxelTestSeed } from './voxels/train-voxels';
export type { TrainVoxelsOptions, TrainVoxelsResult } from './voxels/train-voxels';
export { voxelLoss } from './voxels/voxel-loss';
export type { VoxelLossOptions } from './voxels/voxel-loss';
export { voxelNet } from './voxels/voxel-net';
export type { VoxelNetConfig } from './voxels/voxel-net';
