/**
 * Plain TypeScript shapes of the ONNX protobuf messages that dlkit writes and reads
 * (onnx/onnx.proto, proto2, IR version 8). Field names are camelCase versions of the .proto names;
 * the field numbers live in `encode.ts` and `decode.ts`, beside the code that uses them.
 */

/** TensorProto.DataType (onnx.proto). */
export enum DataType {
  UNDEFINED = 0,
  FLOAT = 1,
  UINT8 = 2,
  INT8 = 3,
  UINT16 = 4,
  INT16 = 5,
  INT32 = 6,
  INT64 = 7,
  STRING = 8,
  BOOL = 9,
  FLOAT16 = 10,
  DOUBLE = 11,
  UINT32 = 12,
  UINT64 = 13,
}

/** AttributeProto.AttributeType (onnx.proto). */
export enum AttributeType {
  UNDEFINED = 0,
  FLOAT = 1,
  INT = 2,
  STRING = 3,
  TENSOR = 4,
  GRAPH = 5,
  FLOATS = 6,
  INTS = 7,
  STRINGS = 8,
  TENSORS = 9,
  GRAPHS = 10,
}

export interface TensorProto {
  name: string;
  dims: number[];
  dataType: DataType;
  /** Little-endian fixed-width elements (how dlkit writes every tensor). */
  rawData?: Uint8Array;
  floatData?: number[];
  int32Data?: number[];
  int64Data?: number[];
  doubleData?: number[];
  docString?: string;
}

export interface AttributeProto {
  name: string;
  type: AttributeType;
  f?: number;
  i?: number;
  /** UTF-8 string (bytes on the wire). */
  s?: string;
  t?: TensorProto;
  g?: GraphProto;
  floats?: number[];
  ints?: number[];
  strings?: string[];
  tensors?: TensorProto[];
  graphs?: GraphProto[];
}

export interface NodeProto {
  input: string[];
  output: string[];
  name?: string;
  opType: string;
  /** Empty or absent = the default ONNX domain. */
  domain?: string;
  attribute: AttributeProto[];
  docString?: string;
}

/** A dimension: a fixed size, a symbolic name (`'batch'`), or unknown (`null`). */
export type Dim = number | string | null;

/** ValueInfoProto restricted to tensor types (all dlkit needs). */
export interface ValueInfoProto {
  name: string;
  /** Element type; UNDEFINED for non-tensor types read from foreign files. */
  elemType: DataType;
  /** Absent = shape unknown (not even the rank). */
  shape?: Dim[];
  docString?: string;
}

export interface GraphProto {
  name: string;
  node: NodeProto[];
  initializer: TensorProto[];
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  valueInfo: ValueInfoProto[];
  docString?: string;
}

export interface OperatorSetId {
  /** '' = ai.onnx. */
  domain: string;
  version: number;
}

export interface ModelProto {
  irVersion: number;
  opsetImport: OperatorSetId[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  graph: GraphProto;
  metadataProps?: { key: string; value: string }[];
}

/** Bytes per element of the fixed-width types dlkit reads from `rawData`. */
const ELEMENT_BYTES: Partial<Record<DataType, number>> = {
  [DataType.FLOAT]: 4,
  [DataType.INT32]: 4,
  [DataType.INT64]: 8,
  [DataType.DOUBLE]: 8,
  [DataType.UINT8]: 1,
  [DataType.INT8]: 1,
  [DataType.BOOL]: 1,
};

function elementCount(t: TensorProto): number {
  return t.dims.reduce((a, b) => a * b, 1);
}

/** Element values as numbers (exact for int64 up to 2^53), from raw_data or the typed field. */
export function tensorToNumbers(t: TensorProto): number[] {
  const n = elementCount(t);
  if (t.rawData && t.rawData.length > 0) {
    const size = ELEMENT_BYTES[t.dataType];
    if (!size)
      throw new Error(`tensor '${t.name}': cannot read raw data of type ${DataType[t.dataType] ?? t.dataType}`);
    if (t.rawData.length !== n * size) {
      throw new Error(
        `tensor '${t.name}': raw data has ${t.rawData.length} bytes, expected ${n * size} for dims [${t.dims}]`,
      );
    }
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      switch (t.dataType) {
        case DataType.FLOAT:
          out[i] = view.getFloat32(i * 4, true);
          break;
        case DataType.DOUBLE:
          out[i] = view.getFloat64(i * 8, true);
          break;
        case DataType.INT32:
          out[i] = view.getInt32(i * 4, true);
          break;
        case DataType.INT64:
          out[i] = Number(view.getBigInt64(i * 8, true));
          break;
        case DataType.INT8:
          out[i] = view.getInt8(i);
          break;
        default:
          out[i] = view.getUint8(i);
      }
    }
    return out;
  }
  const values = t.floatData ?? t.doubleData ?? t.int64Data ?? t.int32Data ?? [];
  if (values.length !== n)
    throw new Error(`tensor '${t.name}': ${values.length} values, expected ${n} for dims [${t.dims}]`);
  return values.slice();
}

/** The values of a FLOAT (or DOUBLE/INT*) tensor as float32. */
export function tensorToFloat32(t: TensorProto): Float32Array {
  if (t.dataType === DataType.FLOAT && t.rawData && t.rawData.length === elementCount(t) * 4) {
    // Fast path: copy the bytes (the source may be unaligned inside the file buffer); assumes a
    // little-endian host, like every platform onnxruntime-node ships for. `new Uint8Array(...)`
    // copies into a fresh buffer of exactly this length: a Node Buffer's own .slice() is a view
    // onto a shared pool, whose .buffer has the wrong length and offset.
    return new Float32Array(new Uint8Array(t.rawData).buffer);
  }
  return Float32Array.from(tensorToNumbers(t));
}

/** Looks up a node attribute by name. */
export function getAttribute(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute.find((a) => a.name === name);
}
