// ONNX: export of tfjs layers models, import of ONNX graphs as trainable tfjs models, inference
// sessions on onnxruntime-node (the only module that imports it), and the .onnx reader/writer with
// a graph builder for writing graphs by hand. Generic names from inside this folder are exported
// with an Onnx prefix so the package surface stays unambiguous. The exporter and importer tables,
// the protobuf wire encoder and the layout helpers stay inside this folder.
export { exportToOnnx, saveOnnx, supportedOnnxLayers } from './export';
export type { OnnxExportOptions } from './export';
export type {
  LayerExporter as OnnxLayerExporter,
  LayerExportContext as OnnxLayerExportContext,
  WeightData as OnnxWeightData,
} from './ops';
export { layerError as onnxLayerError } from './ops/context';
export { OnnxSession, loadOnnx } from './session';
export type { OnnxSessionOptions, OnnxTensor, OnnxTensorData, OnnxValueInfo } from './session';
export { onnxParity } from './parity';
export type { OnnxParityOptions, OnnxParityResult } from './parity';
export { importOnnx, supportedOnnxOps } from './import';
export type { OnnxImportOptions } from './import';
export { GraphBuilder, attr as onnxAttr } from './graph-builder';
export type { Attr as OnnxAttr, GraphBuilderOptions, OnnxValue, Shape as OnnxLogicalShape } from './graph-builder';
export { encodeModel } from './proto/encode';
export { decodeModel } from './proto/decode';
export { AttributeType as OnnxAttributeType, DataType as OnnxDataType } from './proto/onnx-types';
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
