/**
 * ONNX → trainable tfjs LayersModel. Walks the graph in file order (ONNX requires topological
 * order) and hands each node to its importer from ops/index.ts; initializers and Constant nodes
 * become constants that the importers fold into layer weights. Convolution stacks are rebuilt
 * channels-last (tfjs) with the weights transposed, so the result trains on any tfjs backend.
 *
 * Inputs: files written by dlkit's exporter (metadata layout = channels-last) keep their NHWC
 * inputs; in any other file a rank-4 input is taken as NCHW (the ONNX convention, e.g. the model
 * zoo) and the tfjs model's input is its NHWC version ([N, C, H, W] in the file → tfjs input
 * [H, W, C]), unless the graph itself starts with a Transpose to NCHW. `inputLayout` overrides. Outputs: a
 * channels-first feature map comes out channels-last (NHWC); other outputs keep the ONNX layout.
 *
 * @example
 * const model = importOnnx('mobilenetv2-12.onnx', { inputShape: [224, 224, 3] });
 * const probs = model.predict(tf.zeros([1, 224, 224, 3])) as tf.Tensor; // NHWC in
 */
import * as fs from 'fs';
import * as tf from '@tensorflow/tfjs';
import { decodeModel } from '../proto/decode';
import {
  AttributeType,
  DataType,
  getAttribute,
  ModelProto,
  NodeProto,
  tensorToFloat32,
  TensorProto,
} from '../proto/onnx-types';
import {
  CHANNELS_FIRST,
  ConstantData,
  ImportContext,
  ImportedValue,
  normPerm,
  onnxShapeOf,
  permuteDims,
} from './context';
import { OP_IMPORTERS } from './ops';
import './layers';

export interface OnnxImportOptions {
  /**
   * The tfjs (channels-last) input shape without the batch axis, e.g. [224, 224, 3]: fills the
   * file's symbolic dimensions and is checked against its fixed ones. Single-input models only.
   */
  inputShape?: number[];
  /**
   * How rank-4 graph inputs are laid out: 'nchw' (the tfjs input is their NHWC version) or
   * 'as-is' (the tfjs input is the ONNX input). Default: see the module comment.
   */
  inputLayout?: 'nchw' | 'as-is';
  /** Name used in error messages when importing bytes (a file path names itself). */
  label?: string;
  /** Name of the tfjs model (default: the ONNX graph name). */
  name?: string;
}

/** The ONNX op types the importer handles. */
export function supportedOnnxOps(): string[] {
  return ['Constant', ...Object.keys(OP_IMPORTERS)].sort();
}

/** Imports an .onnx file (path) or its bytes as a trainable tfjs functional model. */
export function importOnnx(source: string | Uint8Array, options: OnnxImportOptions = {}): tf.LayersModel {
  const label = typeof source === 'string' ? source : (options.label ?? 'ONNX bytes');
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    if (!fs.existsSync(source)) throw new Error(`${label}: ONNX model file not found`);
    bytes = fs.readFileSync(source);
  } else {
    bytes = source;
  }
  if (bytes.length === 0) throw new Error(`${label}: not a valid ONNX model (empty)`);
  let model: ModelProto;
  try {
    model = decodeModel(bytes);
  } catch (err) {
    throw new Error(`${label}: not a valid ONNX model (${(err as Error).message})`);
  }
  if (model.graph.node.length === 0 || model.graph.output.length === 0)
    throw new Error(`${label}: not a valid ONNX model (the graph has no nodes or no outputs)`);
  return new GraphImporter(model, label, options).run();
}

/** `node.name` or a stable stand-in. */
function nodeNameOf(node: NodeProto, index: number): string {
  return node.name && node.name.length > 0 ? node.name : `${node.opType}_${index}`;
}

class GraphImporter {
  private readonly values = new Map<string, ImportedValue>();
  private readonly initializers = new Map<string, TensorProto>();
  private readonly layerNames = new Set<string>();
  private readonly layouts = new Map<string, tf.SymbolicTensor>();
  private readonly consumersOf = new Map<string, NodeProto[]>();
  private readonly opset: number;

  constructor(
    private readonly model: ModelProto,
    private readonly label: string,
    private readonly options: OnnxImportOptions,
  ) {
    const def = model.opsetImport.find((o) => o.domain === '' || o.domain === 'ai.onnx');
    this.opset = def?.version ?? 17;
    for (const t of model.graph.initializer) this.initializers.set(t.name, t);
    for (const node of model.graph.node) {
      for (const name of node.input)
        if (name) this.consumersOf.set(name, [...(this.consumersOf.get(name) ?? []), node]);
    }
  }

  run(): tf.LayersModel {
    const { graph } = this.model;
    this.checkSupported();
    const inputs = this.declareInputs();
    try {
      graph.node.forEach((node, index) => this.importNode(node, index));
      const outputs = graph.output.map((o) => this.outputTensor(o.name));
      const name = (this.options.name ?? graph.name ?? '').replace(/[^A-Za-z0-9_]/g, '_') || 'onnx_import';
      return tf.model({ inputs, outputs, name });
    } catch (err) {
      this.disposeLayers();
      throw err;
    }
  }

  /** Frees the weights of every layer created so far (after a failed import). */
  private disposeLayers(): void {
    const layers = new Set<tf.layers.Layer>();
    for (const v of this.values.values()) if (v.sym) layers.add(v.sym.sourceLayer as tf.layers.Layer);
    for (const t of this.layouts.values()) layers.add(t.sourceLayer as tf.layers.Layer);
    for (const layer of layers) {
      try {
        layer.dispose();
      } catch {
        // Not built or already disposed: nothing to free.
      }
    }
  }

  /** One error listing every unsupported op with its node. */
  private checkSupported(): void {
    const bad = this.model.graph.node
      .map((node, i) => ({ node, i }))
      .filter(
        ({ node }) =>
          (node.domain && node.domain !== 'ai.onnx') || (node.opType !== 'Constant' && !OP_IMPORTERS[node.opType]),
      );
    if (bad.length === 0) return;
    const list = bad
      .slice(0, 10)
      .map(({ node, i }) => `'${node.domain ? node.domain + '.' : ''}${node.opType}' at node '${nodeNameOf(node, i)}'`);
    const more = bad.length > 10 ? ` and ${bad.length - 10} more` : '';
    throw new Error(
      `${this.label}: unsupported ONNX op${bad.length > 1 ? 's' : ''} ${list.join(', ')}${more}; supported ops: ${supportedOnnxOps().join(', ')}`,
    );
  }

  private declareInputs(): tf.SymbolicTensor[] {
    const real = this.model.graph.input.filter((i) => !this.initializers.has(i.name));
    if (real.length === 0) throw new Error(`${this.label}: the graph has no inputs`);
    if (this.options.inputShape && real.length !== 1)
      throw new Error(
        `${this.label}: inputShape is only for single-input models; this one has ${real.length} inputs (${real.map((i) => i.name).join(', ')})`,
      );
    return real.map((info) => {
      const where = `${this.label}: input '${info.name}'`;
      if (info.elemType !== DataType.FLOAT)
        throw new Error(
          `${where} has element type ${DataType[info.elemType] ?? info.elemType}; only float32 inputs are supported`,
        );
      if (!info.shape || info.shape.length < 2)
        throw new Error(
          `${where}: the file gives no shape of rank >= 2 (got ${info.shape ? `[${info.shape}]` : 'none'}); a batch axis first is expected`,
        );
      const dims = info.shape.map((d) => (typeof d === 'number' && d > 0 ? d : null));
      const rank = dims.length;
      const perm = rank === 4 && this.inputLayout(info.name) === 'nchw' ? CHANNELS_FIRST : null;
      // tfjs shape: tfjs axis k = ONNX axis perm⁻¹[k]; for CF that is [N, H, W, C].
      const tfDims = perm ? [dims[0], dims[2], dims[3], dims[1]] : dims.slice();
      const given = this.options.inputShape;
      if (given) {
        if (given.length !== rank - 1 || given.some((d) => !Number.isInteger(d) || d <= 0)) {
          throw new Error(
            `${where}: inputShape [${given}] should be ${rank - 1} positive integers (tfjs layout, no batch axis)`,
          );
        }
        const clash = given.findIndex((d, i) => tfDims[i + 1] !== null && tfDims[i + 1] !== d);
        if (clash >= 0)
          throw new Error(
            `${where} has shape [${info.shape}] in the file (tfjs layout [${tfDims.slice(1)}]); inputShape [${given}] does not match`,
          );
      }
      const shape = tfDims.slice(1).map((d, i) => d ?? given?.[i] ?? null);
      const sym = tf.input({ shape, name: this.layerName(info.name), dtype: 'float32' });
      this.values.set(info.name, { sym, perm });
      return sym;
    });
  }

  /** See OnnxImportOptions.inputLayout. */
  private inputLayout(name: string): 'nchw' | 'as-is' {
    if (this.options.inputLayout) return this.options.inputLayout;
    const dlkit = this.model.metadataProps?.some((p) => p.key === 'layout' && p.value === 'channels-last');
    if (dlkit) return 'as-is';
    const users = this.consumersOf.get(name) ?? [];
    const selfTransposed =
      users.length > 0 &&
      users.every(
        (n) => n.opType === 'Transpose' && getAttribute(n, 'perm')?.ints?.join(',') === CHANNELS_FIRST.join(','),
      );
    return selfTransposed ? 'as-is' : 'nchw';
  }

  private importNode(node: NodeProto, index: number): void {
    const nodeName = nodeNameOf(node, index);
    const ctx = this.context(node, nodeName);
    let out: ImportedValue | ImportedValue[];
    try {
      out = node.opType === 'Constant' ? this.constantNode(ctx) : OP_IMPORTERS[node.opType](ctx);
    } catch (err) {
      const msg = (err as Error).message;
      if (msg.startsWith(`${this.label}:`)) throw err;
      throw ctx.error(msg);
    }
    const list = Array.isArray(out) ? out : [out];
    node.output.forEach((name, i) => {
      if (!name) return;
      if (!list[i]) throw ctx.error(`output ${i} ('${name}') is not supported`);
      this.values.set(name, list[i]);
    });
  }

  private constantNode(ctx: ImportContext): ImportedValue {
    const a = ctx.node.attribute[0];
    if (!a) throw ctx.error(`Constant without a value`);
    let constant: ConstantData;
    if (a.type === AttributeType.TENSOR && a.t) constant = { data: tensorToFloat32(a.t), dims: a.t.dims.slice() };
    else if (a.type === AttributeType.FLOAT) constant = { data: Float32Array.of(a.f ?? 0), dims: [] };
    else if (a.type === AttributeType.INT) constant = { data: Float32Array.of(a.i ?? 0), dims: [] };
    else if (a.type === AttributeType.FLOATS)
      constant = { data: Float32Array.from(a.floats ?? []), dims: [a.floats?.length ?? 0] };
    else if (a.type === AttributeType.INTS)
      constant = { data: Float32Array.from(a.ints ?? []), dims: [a.ints?.length ?? 0] };
    else throw ctx.error(`Constant attribute '${a.name}' of type ${AttributeType[a.type]} is not supported`);
    return { perm: null, constant };
  }

  private outputTensor(name: string): tf.SymbolicTensor {
    const v = this.values.get(name);
    if (!v) throw new Error(`${this.label}: graph output '${name}' is not produced by any node`);
    if (!v.sym)
      throw new Error(`${this.label}: graph output '${name}' is a constant, which a tfjs model cannot output`);
    if (v.rowOrder)
      throw new Error(
        `${this.label}: graph output '${name}' is a channels-first Flatten, which is not supported as an output`,
      );
    const rank = v.sym.shape.length;
    // Feature maps come out channels-last, the tfjs convention.
    if (rank === 4 && v.perm && v.perm.join(',') === CHANNELS_FIRST.join(',')) return v.sym;
    return this.inLayout(v, null, `output_${name}`);
  }

  private layerName(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z]/, 'n$&') || 'layer';
    let name = clean;
    for (let i = 1; this.layerNames.has(name); i++) name = `${clean}_${i}`;
    this.layerNames.add(name);
    return name;
  }

  /** The tensor of `v` stored in layout `perm`, through one cached Permute layer. */
  private inLayout(v: ImportedValue, perm: number[] | null, hint: string): tf.SymbolicTensor {
    if (!v.sym) throw new Error(`${this.label}: ${hint}: a constant is used where a computed tensor is expected`);
    const want = normPerm(perm);
    const have = normPerm(v.perm);
    if ((want?.join(',') ?? '') === (have?.join(',') ?? '')) return v.sym;
    if (v.rowOrder) throw new Error(`${this.label}: ${hint}: cannot change the layout of a channels-first Flatten`);
    const key = `${v.sym.id}:${want?.join(',') ?? 'id'}`;
    const cached = this.layouts.get(key);
    if (cached) return cached;
    const dims = permuteDims(have, want, v.sym.shape.length);
    if (dims[0] !== 0) throw new Error(`${this.label}: ${hint}: layout change moves the batch axis`);
    const y = tf.layers
      .permute({ dims: dims.slice(1), name: this.layerName(`${hint}_permute`) })
      .apply(v.sym) as tf.SymbolicTensor;
    this.layouts.set(key, y);
    return y;
  }

  private context(node: NodeProto, nodeName: string): ImportContext {
    const where = `${this.label}: node '${nodeName}' (${node.opType})`;
    const error = (message: string): Error => new Error(`${where}: ${message}`);
    const constantOf = (name: string): ConstantData | undefined => {
      const init = this.initializers.get(name);
      if (init) return { data: tensorToFloat32(init), dims: init.dims.slice() };
      return this.values.get(name)?.constant;
    };
    const input = (i: number): ImportedValue => {
      const name = node.input[i];
      if (!name) throw error(`missing input ${i}`);
      const c = constantOf(name);
      if (c) return { perm: null, constant: c };
      const v = this.values.get(name);
      if (!v) throw error(`input '${name}' is not produced by an earlier node`);
      return v;
    };
    const attr = (name: string) => getAttribute(node, name);
    const ctx: ImportContext = {
      node,
      nodeName,
      opset: this.opset,
      input,
      hasInput: (i) => Boolean(node.input[i]),
      constant: (i) => (node.input[i] ? constantOf(node.input[i]) : undefined),
      requireConstant: (i, what) => {
        const c = node.input[i] ? constantOf(node.input[i]) : undefined;
        if (!c)
          throw error(
            `${what} (input ${i}${node.input[i] ? ` '${node.input[i]}'` : ''}) must be a constant (an initializer or Constant node)`,
          );
        return c;
      },
      tensorInput: (i) => {
        const v = input(i);
        if (!v.sym) throw error(`input ${i} ('${node.input[i]}') is a constant; a computed tensor is expected here`);
        return v as ImportedValue & { sym: tf.SymbolicTensor };
      },
      attrInt: (name, fallback) => attr(name)?.i ?? fallback,
      attrInts: (name, fallback) => attr(name)?.ints ?? fallback,
      attrFloat: (name, fallback) => attr(name)?.f ?? fallback,
      attrString: (name, fallback) => attr(name)?.s ?? fallback,
      layerName: (suffix) => this.layerName(suffix ? `${nodeName}_${suffix}` : nodeName),
      inLayout: (v, perm) => this.inLayout(v, perm, nodeName),
      onnxShape: onnxShapeOf,
      consumers: (outputIndex = 0) => this.consumersOf.get(node.output[outputIndex]) ?? [],
      error,
    };
    return ctx;
  }
}
