// Barrel of vision/detection: box utilities, YOLO grid/loss/AP, generated scenes, the scene detector task, serving.
export * from './boxes';
export * from './nms';
export * from './yolo-config';
export * from './anchors';
export * from './yolo-decode';
export * from './yolo-loss';
export * from './average-precision';
export * from './scenes';
export * from './detector-model';
export * from './evaluate';
export * from './draw';
export * from './train-detector';
export * from './letterbox';
export * from './yolov8';
export * from './detector-session';
