/**
 * A minimal ONNX reader: ModelProto → plain objects (graph nodes, attributes, initializers,
 * inputs/outputs with shapes). Unknown fields are skipped, so files from other exporters load too.
 * Field numbers are those of onnx/onnx.proto, as in `encode.ts`.
 *
 * @example
 * const model = decodeModel(fs.readFileSync('model.onnx'));
 * console.log(model.graph.node.map((n) => n.opType));
 */
import { ProtoReader } from './reader';
import {
  AttributeProto,
  AttributeType,
  DataType,
  Dim,
  GraphProto,
  ModelProto,
  NodeProto,
  OperatorSetId,
  TensorProto,
  ValueInfoProto,
} from './onnx-types';

/** Parses the bytes of an .onnx file; throws with the byte offset on truncated or malformed input. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const r = new ProtoReader(bytes);
  const m: ModelProto = { irVersion: 0, opsetImport: [], graph: emptyGraph() };
  let sawGraph = false;
  while (!r.done) {
    const { field, wire } = r.tag();
    switch (field) {
      case 1:
        m.irVersion = r.int64();
        break; // ir_version
      case 2:
        m.producerName = r.string();
        break; // producer_name
      case 3:
        m.producerVersion = r.string();
        break; // producer_version
      case 4:
        m.domain = r.string();
        break; // domain
      case 5:
        m.modelVersion = r.int64();
        break; // model_version
      case 6:
        m.docString = r.string();
        break; // doc_string
      case 7:
        m.graph = readGraph(r.message());
        sawGraph = true;
        break; // graph
      case 8:
        m.opsetImport.push(readOpset(r.message()));
        break; // opset_import
      case 14:
        (m.metadataProps ??= []).push(readEntry(r.message()));
        break; // metadata_props
      default:
        r.skip(wire);
    }
  }
  if (!sawGraph) throw new Error('no graph in the model (ModelProto field 7 missing)');
  return m;
}

function emptyGraph(): GraphProto {
  return { name: '', node: [], initializer: [], input: [], output: [], valueInfo: [] };
}

function readEntry(r: ProtoReader): { key: string; value: string } {
  const e = { key: '', value: '' };
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) e.key = r.string();
    else if (field === 2) e.value = r.string();
    else r.skip(wire);
  }
  return e;
}

function readOpset(r: ProtoReader): OperatorSetId {
  const op: OperatorSetId = { domain: '', version: 0 };
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) op.domain = r.string();
    else if (field === 2) op.version = r.int64();
    else r.skip(wire);
  }
  return op;
}

export function readGraph(r: ProtoReader): GraphProto {
  const g = emptyGraph();
  while (!r.done) {
    const { field, wire } = r.tag();
    switch (field) {
      case 1:
        g.node.push(readNode(r.message()));
        break; // node
      case 2:
        g.name = r.string();
        break; // name
      case 5:
        g.initializer.push(readTensor(r.message()));
        break; // initializer
      case 10:
        g.docString = r.string();
        break; // doc_string
      case 11:
        g.input.push(readValueInfo(r.message()));
        break; // input
      case 12:
        g.output.push(readValueInfo(r.message()));
        break; // output
      case 13:
        g.valueInfo.push(readValueInfo(r.message()));
        break; // value_info
      default:
        r.skip(wire);
    }
  }
  return g;
}

function readNode(r: ProtoReader): NodeProto {
  const n: NodeProto = { input: [], output: [], opType: '', attribute: [] };
  while (!r.done) {
    const { field, wire } = r.tag();
    switch (field) {
      case 1:
        n.input.push(r.string());
        break; // input
      case 2:
        n.output.push(r.string());
        break; // output
      case 3:
        n.name = r.string();
        break; // name
      case 4:
        n.opType = r.string();
        break; // op_type
      case 5:
        n.attribute.push(readAttribute(r.message()));
        break; // attribute
      case 6:
        n.docString = r.string();
        break; // doc_string
      case 7:
        n.domain = r.string();
        break; // domain
      default:
        r.skip(wire);
    }
  }
  return n;
}

function readAttribute(r: ProtoReader): AttributeProto {
  const a: AttributeProto = { name: '', type: AttributeType.UNDEFINED };
  while (!r.done) {
    const { field, wire } = r.tag();
    switch (field) {
      case 1:
        a.name = r.string();
        break; // name
      case 2:
        a.f = r.float();
        break; // f
      case 3:
        a.i = r.int64();
        break; // i
      case 4:
        a.s = r.string();
        break; // s
      case 5:
        a.t = readTensor(r.message());
        break; // t
      case 6:
        a.g = readGraph(r.message());
        break; // g
      case 7:
        r.repeatedFloat(wire, (a.floats ??= []));
        break; // floats
      case 8:
        r.repeatedInt64(wire, (a.ints ??= []));
        break; // ints
      case 9:
        (a.strings ??= []).push(r.string());
        break; // strings
      case 10:
        (a.tensors ??= []).push(readTensor(r.message()));
        break; // tensors
      case 11:
        (a.graphs ??= []).push(readGraph(r.message()));
        break; // graphs
      case 20:
        a.type = r.int64();
        break; // type
      default:
        r.skip(wire);
    }
  }
  if (a.type === AttributeType.UNDEFINED) a.type = inferAttributeType(a);
  return a;
}

/** IR version 1 files have no `type`; infer it from the field that is set. */
function inferAttributeType(a: AttributeProto): AttributeType {
  if (a.f !== undefined) return AttributeType.FLOAT;
  if (a.i !== undefined) return AttributeType.INT;
  if (a.s !== undefined) return AttributeType.STRING;
  if (a.t) return AttributeType.TENSOR;
  if (a.g) return AttributeType.GRAPH;
  if (a.floats) return AttributeType.FLOATS;
  if (a.ints) return AttributeType.INTS;
  if (a.strings) return AttributeType.STRINGS;
  if (a.tensors) return AttributeType.TENSORS;
  if (a.graphs) return AttributeType.GRAPHS;
  return AttributeType.UNDEFINED;
}

export function readTensor(r: ProtoReader): TensorProto {
  const t: TensorProto = { name: '', dims: [], dataType: DataType.UNDEFINED };
  while (!r.done) {
    const { field, wire } = r.tag();
    switch (field) {
      case 1:
        r.repeatedInt64(wire, t.dims);
        break; // dims
      case 2:
        t.dataType = r.int64();
        break; // data_type
      case 4:
        r.repeatedFloat(wire, (t.floatData ??= []));
        break; // float_data
      case 5:
        r.repeatedInt64(wire, (t.int32Data ??= []));
        break; // int32_data
      case 7:
        r.repeatedInt64(wire, (t.int64Data ??= []));
        break; // int64_data
      case 8:
        t.name = r.string();
        break; // name
      case 9:
        t.rawData = r.bytes();
        break; // raw_data
      case 10:
        r.repeatedDouble(wire, (t.doubleData ??= []));
        break; // double_data
      case 12:
        t.docString = r.string();
        break; // doc_string
      case 14: // data_location: EXTERNAL = 1
        if (r.int64() === 1)
          throw new Error(`tensor '${t.name}' stores its data in an external file, which is not supported`);
        break;
      default:
        r.skip(wire);
    }
  }
  return t;
}

function readValueInfo(r: ProtoReader): ValueInfoProto {
  const v: ValueInfoProto = { name: '', elemType: DataType.UNDEFINED };
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1)
      v.name = r.string(); // name
    else if (field === 2)
      readType(r.message(), v); // type
    else if (field === 3)
      v.docString = r.string(); // doc_string
    else r.skip(wire);
  }
  return v;
}

/** TypeProto: only tensor_type = 1 is read; sequence/map types leave elemType UNDEFINED. */
function readType(r: ProtoReader, v: ValueInfoProto): void {
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field !== 1) {
      r.skip(wire);
      continue;
    }
    const t = r.message(); // TypeProto.Tensor
    while (!t.done) {
      const { field: f, wire: w } = t.tag();
      if (f === 1)
        v.elemType = t.int64(); // elem_type
      else if (f === 2)
        v.shape = readShape(t.message()); // shape
      else t.skip(w);
    }
  }
}

function readShape(r: ProtoReader): Dim[] {
  const dims: Dim[] = [];
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field !== 1) {
      r.skip(wire);
      continue;
    }
    const d = r.message(); // TensorShapeProto.Dimension
    let dim: Dim = null;
    while (!d.done) {
      const { field: f, wire: w } = d.tag();
      if (f === 1)
        dim = d.int64(); // dim_value
      else if (f === 2)
        dim = d.string(); // dim_param
      else d.skip(w);
    }
    dims.push(dim);
  }
  return dims;
}
