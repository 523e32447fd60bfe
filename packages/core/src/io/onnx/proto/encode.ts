/**
 * ONNX message writers: ModelProto and everything inside it, with the field numbers of
 * onnx/onnx.proto cited beside each write. Scalar repeated fields that onnx.proto does not mark
 * `[packed = true]` (AttributeProto.ints/floats, TensorProto.dims) are written unpacked, the
 * canonical proto2 encoding; TensorProto data goes in raw_data.
 */
import { ProtoWriter } from './writer';
import {
  AttributeProto,
  AttributeType,
  GraphProto,
  ModelProto,
  NodeProto,
  OperatorSetId,
  TensorProto,
  ValueInfoProto,
} from './onnx-types';

/** Serializes a model to the bytes of an .onnx file. */
export function encodeModel(model: ModelProto): Uint8Array {
  const w = new ProtoWriter();
  writeModel(w, model);
  return w.finish();
}

function writeModel(w: ProtoWriter, m: ModelProto): void {
  w.int64(1, m.irVersion); // ModelProto.ir_version = 1
  if (m.producerName) w.string(2, m.producerName); // producer_name = 2
  if (m.producerVersion) w.string(3, m.producerVersion); // producer_version = 3
  if (m.domain) w.string(4, m.domain); // domain = 4
  if (m.modelVersion !== undefined) w.int64(5, m.modelVersion); // model_version = 5
  if (m.docString) w.string(6, m.docString); // doc_string = 6
  w.message(7, (g) => writeGraph(g, m.graph)); // graph = 7
  for (const op of m.opsetImport) w.message(8, (o) => writeOpset(o, op)); // opset_import = 8
  for (const { key, value } of m.metadataProps ?? []) {
    // metadata_props = 14: StringStringEntryProto { key = 1; value = 2 }
    w.message(14, (e) => e.string(1, key).string(2, value));
  }
}

function writeOpset(w: ProtoWriter, op: OperatorSetId): void {
  if (op.domain) w.string(1, op.domain); // OperatorSetIdProto.domain = 1
  w.int64(2, op.version); // version = 2
}

export function writeGraph(w: ProtoWriter, g: GraphProto): void {
  for (const n of g.node) w.message(1, (x) => writeNode(x, n)); // GraphProto.node = 1
  w.string(2, g.name); // name = 2
  for (const t of g.initializer) w.message(5, (x) => writeTensor(x, t)); // initializer = 5
  if (g.docString) w.string(10, g.docString); // doc_string = 10
  for (const v of g.input) w.message(11, (x) => writeValueInfo(x, v)); // input = 11
  for (const v of g.output) w.message(12, (x) => writeValueInfo(x, v)); // output = 12
  for (const v of g.valueInfo) w.message(13, (x) => writeValueInfo(x, v)); // value_info = 13
}

function writeNode(w: ProtoWriter, n: NodeProto): void {
  for (const i of n.input) w.string(1, i); // NodeProto.input = 1
  for (const o of n.output) w.string(2, o); // output = 2
  if (n.name) w.string(3, n.name); // name = 3
  w.string(4, n.opType); // op_type = 4
  for (const a of n.attribute) w.message(5, (x) => writeAttribute(x, a)); // attribute = 5
  if (n.docString) w.string(6, n.docString); // doc_string = 6
  if (n.domain) w.string(7, n.domain); // domain = 7
}

function writeAttribute(w: ProtoWriter, a: AttributeProto): void {
  w.string(1, a.name); // AttributeProto.name = 1
  switch (a.type) {
    case AttributeType.FLOAT:
      w.float(2, req(a.f, a)); // f = 2 (float, fixed32)
      break;
    case AttributeType.INT:
      w.int64(3, req(a.i, a)); // i = 3
      break;
    case AttributeType.STRING:
      w.string(4, req(a.s, a)); // s = 4 (bytes)
      break;
    case AttributeType.TENSOR:
      w.message(5, (x) => writeTensor(x, req(a.t, a))); // t = 5
      break;
    case AttributeType.GRAPH:
      w.message(6, (x) => writeGraph(x, req(a.g, a))); // g = 6
      break;
    case AttributeType.FLOATS:
      for (const f of req(a.floats, a)) w.float(7, f); // floats = 7
      break;
    case AttributeType.INTS:
      for (const i of req(a.ints, a)) w.int64(8, i); // ints = 8
      break;
    case AttributeType.STRINGS:
      for (const s of req(a.strings, a)) w.string(9, s); // strings = 9
      break;
    case AttributeType.TENSORS:
      for (const t of req(a.tensors, a)) w.message(10, (x) => writeTensor(x, t)); // tensors = 10
      break;
    case AttributeType.GRAPHS:
      for (const g of req(a.graphs, a)) w.message(11, (x) => writeGraph(x, g)); // graphs = 11
      break;
    default:
      throw new Error(`attribute '${a.name}': unsupported type ${a.type}`);
  }
  w.int32(20, a.type); // type = 20 (the discriminator, required since IR version 2)
}

function req<T>(value: T | undefined, a: AttributeProto): T {
  if (value === undefined) throw new Error(`attribute '${a.name}' of type ${AttributeType[a.type]} has no value`);
  return value;
}

export function writeTensor(w: ProtoWriter, t: TensorProto): void {
  for (const d of t.dims) w.int64(1, d); // TensorProto.dims = 1
  w.int32(2, t.dataType); // data_type = 2
  if (t.floatData) w.packedFloats(4, t.floatData); // float_data = 4 [packed = true]
  if (t.int32Data) w.packedVarints(5, t.int32Data); // int32_data = 5 [packed = true]
  if (t.int64Data) w.packedVarints(7, t.int64Data); // int64_data = 7 [packed = true]
  w.string(8, t.name); // name = 8
  if (t.rawData) w.bytes(9, t.rawData); // raw_data = 9
  if (t.docString) w.string(12, t.docString); // doc_string = 12
  if (t.doubleData) {
    // double_data = 10 [packed = true]
    const b = new Uint8Array(t.doubleData.length * 8);
    const view = new DataView(b.buffer);
    t.doubleData.forEach((v, i) => view.setFloat64(i * 8, v, true));
    if (b.length > 0) w.bytes(10, b);
  }
}

function writeValueInfo(w: ProtoWriter, v: ValueInfoProto): void {
  w.string(1, v.name); // ValueInfoProto.name = 1
  // type = 2: TypeProto { tensor_type = 1: Tensor { elem_type = 1; shape = 2 } }
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int32(1, v.elemType);
      if (v.shape) {
        // TensorShapeProto { dim = 1: Dimension { dim_value = 1 | dim_param = 2 } }
        const shape = v.shape;
        tensor.message(2, (s) => {
          for (const d of shape) {
            s.message(1, (dim) => {
              if (typeof d === 'number') dim.int64(1, d);
              else if (typeof d === 'string') dim.string(2, d);
              // null: an empty Dimension = unknown size
            });
          }
        });
      }
    }),
  );
  if (v.docString) w.string(3, v.docString); // doc_string = 3
}
