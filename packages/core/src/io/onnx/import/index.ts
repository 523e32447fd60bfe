// ONNX importer: ONNX graphs into trainable tfjs layers models (filled by its helper).
export {};
