/**
 * Builds an ONNX GraphProto node by node while tracking, for every value, its logical (tfjs)
 * shape and its physical layout (see layout.ts). Layer exporters only talk to this class.
 *
 * @example
 * const g = new GraphBuilder({ opset: 17 });
 * const x = g.addInput('image', [null, 28, 28, 1], ['batch', 28, 28, 1]);
 * const y = g.op('Relu', [x.name], {}, 'relu');
 * g.addOutput(g.value(y, x.shape, x.perm), 'probs');
 * const graph = g.build('mnist');
 */
import {
  AttributeProto,
  AttributeType,
  DataType,
  Dim,
  GraphProto,
  NodeProto,
  TensorProto,
  ValueInfoProto,
} from './proto/onnx-types';
import { isIdentityPerm, permuteShape, relativePerm } from './layout';

/** A tfjs shape: batch first, `null` where unknown. */
export type Shape = (number | null)[];

/** A value in the graph: ONNX name, logical tfjs shape, physical layout. */
export interface OnnxValue {
  name: string;
  /** Logical (tfjs) shape. */
  shape: Shape;
  /** Physical = transpose(logical, perm); null = same as logical. */
  perm: number[] | null;
  /** ONNX element type; absent means FLOAT (every value a layer exporter makes, unless it says). */
  elemType?: DataType;
}

/** Attribute values, tagged so that 1 (int) and 1.0 (float) stay distinct. */
export type Attr = Omit<AttributeProto, 'name'>;
export const attr = {
  int: (i: number): Attr => ({ type: AttributeType.INT, i }),
  float: (f: number): Attr => ({ type: AttributeType.FLOAT, f }),
  ints: (ints: number[]): Attr => ({ type: AttributeType.INTS, ints }),
  floats: (floats: number[]): Attr => ({ type: AttributeType.FLOATS, floats }),
  string: (s: string): Attr => ({ type: AttributeType.STRING, s }),
};

export interface GraphBuilderOptions {
  /** ai.onnx opset the nodes are written for (decides e.g. ReduceMean's axes attribute vs input). */
  opset: number;
}

export class GraphBuilder {
  readonly opset: number;
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly names = new Set<string>();
  /** value name → (layout key → the same value in that layout), so each Transpose is made once. */
  private readonly layouts = new Map<string, Map<string, OnnxValue>>();
  /** Constant cache: identical small constants share one initializer. */
  private readonly constants = new Map<string, string>();
  /** Renames done by addOutput: old name → new name. */
  private readonly aliases = new Map<string, string>();

  constructor({ opset }: GraphBuilderOptions) {
    this.opset = opset;
  }

  /** A fresh value name based on `base` (`base`, `base_1`, ...). */
  uniqueName(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_./:-]/g, '_') || 'v';
    let name = clean;
    for (let i = 1; this.names.has(name); i++) name = `${clean}_${i}`;
    this.names.add(name);
    return name;
  }

  /** Declares a graph input (the tfjs logical layout, which the graph keeps for its inputs). */
  addInput(name: string, shape: Shape, dims: Dim[], elemType: DataType = DataType.FLOAT): OnnxValue {
    if (this.names.has(name)) throw new Error(`duplicate ONNX input name '${name}'`);
    this.names.add(name);
    this.inputs.push({ name, elemType, shape: dims });
    return elemType === DataType.FLOAT ? { name, shape, perm: null } : { name, shape, perm: null, elemType };
  }

  /**
   * Declares a graph output named `name`: converts `v` back to the logical layout and renames the
   * producing node's output (an Identity only when the value is a graph input or already an output).
   * Call after all nodes are added.
   */
  addOutput(v: OnnxValue, name: string, dims: Dim[]): void {
    const logical = this.toLayout({ ...v, name: this.resolve(v.name) }, null);
    const elemType = v.elemType ?? DataType.FLOAT;
    if (this.inputs.some((i) => i.name === name) || this.outputs.some((o) => o.name === name)) {
      throw new Error(`ONNX output name '${name}' is already used by a graph input or output`);
    }
    if (logical.name === name) {
      this.outputs.push({ name, elemType, shape: dims });
      return;
    }
    // An internal value that happens to carry the wanted name gives it up.
    if (this.names.has(name)) this.rename(name, this.uniqueName(`${name}_internal`));
    this.names.add(name);
    const producedHere = this.nodes.some((n) => n.output.includes(logical.name));
    const alreadyOutput = this.outputs.some((o) => o.name === logical.name);
    if (producedHere && !alreadyOutput) {
      this.rename(logical.name, name);
    } else {
      // A graph input, or a value already exported under another name.
      this.nodes.push({
        input: [logical.name],
        output: [name],
        opType: 'Identity',
        name: `${name}/Identity`,
        attribute: [],
      });
    }
    this.outputs.push({ name, elemType, shape: dims });
  }

  /** Renames a value everywhere it is produced or consumed. */
  private rename(from: string, to: string): void {
    this.aliases.set(from, to);
    const cache = this.layouts.get(from);
    if (cache) {
      this.layouts.delete(from);
      this.layouts.set(to, cache);
    }
    for (const n of this.nodes) {
      n.input = n.input.map((i) => (i === from ? to : i));
      n.output = n.output.map((o) => (o === from ? to : o));
    }
    for (const cache of this.layouts.values()) {
      for (const v of cache.values()) if (v.name === from) v.name = to;
    }
  }

  /** The current name of a value that `addOutput` may have renamed. */
  private resolve(name: string): string {
    for (let n = this.aliases.get(name); n !== undefined; n = this.aliases.get(name)) name = n;
    return name;
  }

  /** Appends a node with one output; returns the output's name. */
  op(opType: string, inputs: string[], attrs: Record<string, Attr> = {}, nameHint = opType): string {
    return this.opMulti(opType, inputs, 1, attrs, nameHint)[0];
  }

  /** Appends a node with `outputs` outputs; returns their names. */
  opMulti(
    opType: string,
    inputs: string[],
    outputs: number,
    attrs: Record<string, Attr> = {},
    nameHint = opType,
  ): string[] {
    const out = Array.from({ length: outputs }, (_, i) =>
      this.uniqueName(outputs === 1 ? nameHint : `${nameHint}:${i}`),
    );
    this.nodes.push({
      input: inputs,
      output: out,
      opType,
      name: out[0],
      attribute: Object.entries(attrs).map(([name, a]) => ({ name, ...a })),
    });
    return out;
  }

  /** Wraps a node output as a value (same logical shape bookkeeping as its source by default). */
  value(name: string, shape: Shape, perm: number[] | null): OnnxValue {
    return { name, shape, perm: isIdentityPerm(perm) ? null : perm };
  }

  /** A float32 initializer; returns its name. */
  initializer(nameHint: string, data: Float32Array, dims: number[]): string {
    const n = dims.reduce((a, b) => a * b, 1);
    if (n !== data.length) throw new Error(`initializer '${nameHint}': ${data.length} values for dims [${dims}]`);
    const name = this.uniqueName(nameHint);
    this.initializers.push({ name, dims, dataType: DataType.FLOAT, rawData: floatBytes(data) });
    return name;
  }

  /** An int64 initializer (shapes, axes, pads); shared when identical. */
  int64Constant(values: number[], nameHint = 'const_i64', dims: number[] = [values.length]): string {
    const key = `i64:${dims}:${values}`;
    const cached = this.constants.get(key);
    if (cached) return cached;
    const name = this.uniqueName(nameHint);
    const raw = new Uint8Array(values.length * 8);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    this.initializers.push({ name, dims, dataType: DataType.INT64, rawData: raw });
    this.constants.set(key, name);
    return name;
  }

  /** A float32 constant (scalar when dims = []); shared when identical. */
  floatConstant(
    values: number[],
    nameHint = 'const_f32',
    dims: number[] = values.length === 1 ? [] : [values.length],
  ): string {
    const key = `f32:${dims}:${values}`;
    const cached = this.constants.get(key);
    if (cached) return cached;
    const name = this.initializer(nameHint, Float32Array.from(values), dims);
    this.constants.set(key, name);
    return name;
  }

  /**
   * The value `v` stored with physical layout `perm` (null = logical). Inserts one Transpose the
   * first time a layout is requested and returns the same value on later requests.
   */
  toLayout(v: OnnxValue, perm: number[] | null): OnnxValue {
    const want = isIdentityPerm(perm) ? null : perm;
    const rank = v.shape.length;
    if (want && want.length !== rank) throw new Error(`layout [${want}] does not match rank ${rank} of '${v.name}'`);
    const key = want ? want.join(',') : 'logical';
    const haveKey = v.perm ? v.perm.join(',') : 'logical';
    if (key === haveKey) return v;
    let cache = this.layouts.get(v.name);
    if (!cache) {
      cache = new Map([[haveKey, v]]);
      this.layouts.set(v.name, cache);
    }
    const hit = cache.get(key);
    if (hit) return hit;
    const t = this.op(
      'Transpose',
      [v.name],
      { perm: attr.ints(relativePerm(v.perm, want, rank)) },
      `${v.name}/${want ? 'to_' + key.replace(/,/g, '') : 'to_logical'}`,
    );
    const out: OnnxValue = { name: t, shape: v.shape, perm: want, ...(v.elemType ? { elemType: v.elemType } : {}) };
    cache.set(key, out);
    // The transposed value can go back without another node.
    this.layouts.set(t, cache);
    return out;
  }

  /** Physical shape of a value (its logical shape permuted by its layout). */
  physicalShape(v: OnnxValue): Shape {
    return permuteShape(v.shape, v.perm);
  }

  /** ReduceMean/ReduceMax/...: axes are an attribute up to opset 17 and an input from opset 18. */
  reduce(opType: string, x: string, axes: number[], keepdims: boolean, nameHint = opType): string {
    if (this.opset >= 18) {
      return this.op(opType, [x, this.int64Constant(axes, 'axes')], { keepdims: attr.int(keepdims ? 1 : 0) }, nameHint);
    }
    return this.op(opType, [x], { axes: attr.ints(axes), keepdims: attr.int(keepdims ? 1 : 0) }, nameHint);
  }

  build(name: string, docString?: string): GraphProto {
    if (this.outputs.length === 0) throw new Error('graph has no outputs');
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
      valueInfo: [],
      ...(docString ? { docString } : {}),
    };
  }
}

/** float32 values as little-endian bytes (TensorProto.raw_data). */
function floatBytes(data: Float32Array): Uint8Array {
  const out = new Uint8Array(data.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return out;
}
