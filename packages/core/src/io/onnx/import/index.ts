// ONNX importer: ONNX graphs into trainable tfjs layers models (channels-last).
export { importOnnx, supportedOnnxOps } from './import-onnx';
export type { OnnxImportOptions } from './import-onnx';
export { FLOAT32_LOWEST, OnnxClip, OnnxConstantOp, OnnxPad2D } from './layers';
export type { ConstantOpKind, OnnxClipArgs, OnnxConstantOpArgs, OnnxPad2DArgs } from './layers';
export { OP_IMPORTERS as ONNX_OP_IMPORTERS } from './ops';
export type {
  ImportContext as OnnxImportContext,
  ImportedValue as OnnxImportedValue,
  OpImporter as OnnxOpImporter,
} from './context';
