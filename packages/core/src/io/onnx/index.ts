// ONNX: export of tfjs layers models, a protobuf reader/writer for .onnx files, and inference
// sessions on onnxruntime-node.
export * from './export';
export * from './session';
export * from './parity';
export { GraphBuilder, attr } from './graph-builder';
export type { Attr, GraphBuilderOptions, OnnxValue, Shape } from './graph-builder';
export { LAYER_EXPORTERS, ACTIVATIONS } from './ops';
export type { LayerExporter, LayerExportContext, WeightData } from './ops';
export { encodeModel } from './proto/encode';
export { decodeModel } from './proto/decode';
export * from './proto/onnx-types';
export { ProtoWriter, WireType } from './proto/writer';
export { ProtoReader } from './proto/reader';
