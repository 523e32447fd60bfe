// ONNX: export of tfjs layers models, a protobuf reader/writer for .onnx files, and inference
// sessions on onnxruntime-node (the only module that imports it). Generic names from inside this
// folder are exported with an Onnx prefix so the package surface stays unambiguous.
export * from './export';
export * from './session';
export * from './parity';
export { GraphBuilder, attr as onnxAttr } from './graph-builder';
export type { Attr as OnnxAttr, GraphBuilderOptions, OnnxValue, Shape as OnnxLogicalShape } from './graph-builder';
export { channelsFirstPerm, physicalAxis, relativePerm, transposeData } from './layout';
export { LAYER_EXPORTERS, ACTIVATIONS } from './ops';
export type { LayerExporter, LayerExportContext, WeightData } from './ops';
export { layerError } from './ops/context';
export { encodeModel } from './proto/encode';
export { decodeModel } from './proto/decode';
export {
  AttributeType as OnnxAttributeType,
  DataType as OnnxDataType,
  getAttribute as getOnnxAttribute,
  tensorToFloat32 as onnxTensorToFloat32,
  tensorToNumbers as onnxTensorToNumbers,
} from './proto/onnx-types';
export type {
  AttributeProto,
  Dim as OnnxDim,
  GraphProto,
  ModelProto,
  NodeProto,
  OperatorSetId,
  TensorProto,
  ValueInfoProto,
} from './proto/onnx-types';
export { ProtoWriter, WireType } from './proto/writer';
export { ProtoReader } from './proto/reader';
export * from './import';
