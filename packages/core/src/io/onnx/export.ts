/**
 * tfjs LayersModel → ONNX. Walks the model's layer graph from its outputs (so Sequential and
 * functional models, branches, shared and nested models all work), hands each layer call to its
 * exporter from the table in ops/index.ts, and serializes the result (opset 17, IR version 8 by
 * default). The graph's inputs and outputs keep the tfjs layout (NHWC), so the same preprocessing
 * feeds both runtimes; inside, conv/pool stacks run channels-first with one Transpose at each end.
 *
 * @example
 * const bytes = exportToOnnx(model);                  // Uint8Array of an .onnx file
 * saveOnnx(model, 'out/mnist.onnx', { batchSize: 'dynamic' });
 * const session = await loadOnnx('out/mnist.onnx');
 */
import type * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '../atomic';
import { attr, GraphBuilder, OnnxValue, Shape } from './graph-builder';
import { LAYER_EXPORTERS, LayerExportContext, LayerExporter, WeightData } from './ops';
import { layerError } from './ops/context';
import { encodeModel } from './proto/encode';
import { DataType, Dim, ModelProto } from './proto/onnx-types';

export interface OnnxExportOptions {
  /** ai.onnx opset version, 17 to 21. */
  opset?: number;
  /** 'dynamic' writes a symbolic batch dimension named 'batch'; a number fixes it. */
  batchSize?: 'dynamic' | number;
  /** Graph input names, one per model input (default: the tfjs input layer names). */
  inputNames?: string[];
  /** Graph output names, one per model output (default: the tfjs output layer names). */
  outputNames?: string[];
  /** Graph name (default: the tfjs model name). */
  graphName?: string;
  /**
   * Exporters for layer classes core does not know (a package's own layers), by tfjs class name;
   * merged over core's table, so an entry here also replaces core's exporter for that class.
   * A supplied exporter receives its inputs as they are, int64 ones included.
   */
  exporters?: Readonly<Record<string, LayerExporter>>;
}

/** Model input dtypes → ONNX element types. tfjs int32 ids become int64, as Hugging Face models take them. */
const INPUT_ELEM_TYPES: Record<string, DataType> = { float32: DataType.FLOAT, int32: DataType.INT64 };

/** Core layers that take integer inputs as they are; every other core exporter gets them cast to float. */
const INTEGER_INPUT_LAYERS = new Set(['Embedding']);

export const ONNX_EXPORT_DEFAULTS = { opset: 17, batchSize: 'dynamic' } as const;

/** Producer written into the file (ModelProto.producer_name / producer_version). */
const PRODUCER = { name: 'dlkit', version: '0.1.0' };

/** Minimum IR version each opset needs (onnx/onnx docs/Versioning.md). */
const IR_VERSION_FOR_OPSET: Record<number, number> = { 17: 8, 18: 8, 19: 9, 20: 9, 21: 10 };

/** The names of every tfjs layer class the exporter handles (core's, plus `exporters` when given). */
export function supportedOnnxLayers(exporters: Readonly<Record<string, LayerExporter>> = {}): string[] {
  return [...new Set(['InputLayer', ...Object.keys(LAYER_EXPORTERS), ...Object.keys(exporters)])].sort();
}

/** What the model walk carries: the graph and the exporter table in force. */
interface ExportRun {
  g: GraphBuilder;
  table: Readonly<Record<string, LayerExporter>>;
  /** Classes whose exporter came from options.exporters. */
  supplied: ReadonlySet<string>;
}

/** Exports a tfjs layers model to the bytes of an .onnx file. */
export function exportToOnnx(model: tf.LayersModel, options: OnnxExportOptions = {}): Uint8Array {
  return encodeModel(toOnnxModel(model, options));
}

/** Exports a tfjs layers model and writes it to `file` atomically (temp file, fsync, rename). */
export function saveOnnx(model: tf.LayersModel, file: string, options: OnnxExportOptions = {}): void {
  writeFileAtomic(file, exportToOnnx(model, options));
}

/** The ONNX model as plain objects, before serialization (what `exportToOnnx` encodes). */
export function toOnnxModel(model: tf.LayersModel, options: OnnxExportOptions = {}): ModelProto {
  const opset = options.opset ?? ONNX_EXPORT_DEFAULTS.opset;
  const batchSize = options.batchSize ?? ONNX_EXPORT_DEFAULTS.batchSize;
  const irVersion = IR_VERSION_FOR_OPSET[opset];
  if (irVersion === undefined)
    throw new Error(`opset must be one of ${Object.keys(IR_VERSION_FOR_OPSET).join(', ')}, got ${opset}`);
  if (batchSize !== 'dynamic' && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new Error(`batchSize must be 'dynamic' or a positive integer, got ${batchSize}`);
  }
  const supplied = options.exporters ?? {};
  const run: ExportRun = {
    g: new GraphBuilder({ opset }),
    table: { ...LAYER_EXPORTERS, ...supplied },
    supplied: new Set(Object.keys(supplied)),
  };
  checkSupported(model, run);
  const { g } = run;
  const inputNames = names(
    'input',
    options.inputNames,
    model.inputs.map((t) => t.sourceLayer.name),
  );
  const outputNames = names(
    'output',
    options.outputNames,
    model.outputs.map((t) => outputLayerName(t)),
  );
  const dims = (shape: Shape, name: string): Dim[] =>
    shape.map((d, i) => (i === 0 ? (batchSize === 'dynamic' ? 'batch' : batchSize) : (d ?? `${name}_dim${i}`)));

  const inputs = model.inputs.map((t, i) => {
    const dtype = (t.sourceLayer.getConfig() as { dtype?: string }).dtype ?? 'float32';
    const elemType = INPUT_ELEM_TYPES[dtype];
    if (elemType === undefined)
      throw new Error(
        `ONNX export: model input '${t.sourceLayer.name}' has dtype ${dtype}; supported: float32, int32 (exported as int64)`,
      );
    return g.addInput(inputNames[i], t.shape, dims(t.shape, inputNames[i]), elemType);
  });
  const outputs = exportGraph(run, model, inputs);
  outputs.forEach((v, i) => g.addOutput(v, outputNames[i], dims(model.outputs[i].shape, outputNames[i])));

  return {
    irVersion,
    opsetImport: [{ domain: '', version: opset }],
    producerName: PRODUCER.name,
    producerVersion: PRODUCER.version,
    docString: `Exported from the tfjs model '${model.name}'. Inputs and outputs use the tfjs (channels-last) layout.`,
    graph: g.build(options.graphName ?? model.name),
    metadataProps: [
      { key: 'source', value: 'tfjs-layers' },
      { key: 'layout', value: 'channels-last' },
    ],
  };
}

function names(kind: string, given: string[] | undefined, defaults: string[]): string[] {
  const list = given ?? dedupe(defaults);
  if (list.length !== defaults.length)
    throw new Error(`${kind}Names: the model has ${defaults.length} ${kind}s, got ${list.length} names`);
  if (new Set(list).size !== list.length || list.some((n) => !n))
    throw new Error(`${kind}Names must be distinct and non-empty, got ${JSON.stringify(list)}`);
  return list;
}

/** Makes default names distinct: a layer called twice gives `name` and `name_1`. */
function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.map((base) => {
    let name = base;
    for (let i = 1; seen.has(name); i++) name = `${base}_${i}`;
    seen.add(name);
    return name;
  });
}

function outputLayerName(t: tf.SymbolicTensor): string {
  const layer = t.sourceLayer;
  const node = layer.inboundNodes[t.nodeIndex ?? 0];
  return node && node.outputTensors.length > 1 ? `${layer.name}_${t.tensorIndex}` : layer.name;
}

function isNestedModel(layer: tf.layers.Layer): layer is tf.LayersModel {
  const l = layer as unknown as { inputs?: unknown; outputs?: unknown; layers?: unknown };
  return Array.isArray(l.layers) && Array.isArray(l.inputs) && Array.isArray(l.outputs);
}

/** Throws one error listing every layer the table cannot export, with the supported classes. */
function checkSupported(model: tf.LayersModel, run: ExportRun): void {
  const bad: string[] = [];
  const visit = (m: tf.LayersModel): void => {
    for (const layer of m.layers) {
      const cls = layer.getClassName();
      if (isNestedModel(layer)) visit(layer);
      else if (cls !== 'InputLayer' && !run.table[cls]) bad.push(`'${layer.name}' (${cls})`);
    }
  };
  visit(model);
  if (bad.length > 0) {
    throw new Error(
      `ONNX export: unsupported layer${bad.length > 1 ? 's' : ''} ${bad.join(', ')}; supported layers: ${supportedOnnxLayers(run.table).join(', ')}`,
    );
  }
}

interface LayerCall {
  layer: tf.layers.Layer;
  inputs: tf.SymbolicTensor[];
  outputs: tf.SymbolicTensor[];
}

/**
 * Exports the layer calls between `model.inputs` (bound to `inputs`) and `model.outputs`, in
 * topological order; returns the output values. Nested models are inlined recursively.
 */
function exportGraph(run: ExportRun, model: tf.LayersModel, inputs: OnnxValue[]): OnnxValue[] {
  const values = new Map<number, OnnxValue>();
  model.inputs.forEach((t, i) => values.set(t.id, inputs[i]));

  // Depth-first from the outputs: a call is emitted after the calls producing its inputs.
  const order: LayerCall[] = [];
  const seen = new Set<string>();
  const visit = (t: tf.SymbolicTensor): void => {
    if (values.has(t.id)) return;
    const layer = t.sourceLayer;
    const nodeIndex = t.nodeIndex ?? 0;
    const key = `${layer.name}#${nodeIndex}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (layer.getClassName() === 'InputLayer') {
      throw new Error(`ONNX export: the model uses input '${layer.name}' that is not among its inputs`);
    }
    const node = layer.inboundNodes[nodeIndex];
    for (const input of node.inputTensors) visit(input);
    order.push({ layer, inputs: node.inputTensors, outputs: node.outputTensors });
  };
  model.outputs.forEach(visit);

  for (const call of order) {
    const ins = call.inputs.map((t) => {
      const v = values.get(t.id);
      if (!v) throw new Error(`ONNX export: no value for tensor '${t.name}' (input of '${call.layer.name}')`);
      return v;
    });
    const outs = isNestedModel(call.layer) ? exportGraph(run, call.layer, ins) : exportLayer(run, call, ins);
    if (outs.length !== call.outputs.length) {
      throw layerError(
        { name: call.layer.name, className: call.layer.getClassName() },
        `exporter returned ${outs.length} outputs, expected ${call.outputs.length}`,
      );
    }
    call.outputs.forEach((t, i) => values.set(t.id, outs[i]));
  }
  return model.outputs.map((t) => values.get(t.id)!);
}

/** Integer values cast to float, for core exporters written for float inputs. */
function floatInputs(g: GraphBuilder, layerName: string, inputs: OnnxValue[]): OnnxValue[] {
  return inputs.map((v) => {
    if (v.elemType === undefined || v.elemType === DataType.FLOAT) return v;
    const cast = g.op('Cast', [v.name], { to: attr.int(DataType.FLOAT) }, `${layerName}/CastToFloat`);
    return { name: cast, shape: v.shape, perm: v.perm };
  });
}

function exportLayer(run: ExportRun, call: LayerCall, rawInputs: OnnxValue[]): OnnxValue[] {
  const { g } = run;
  const { layer } = call;
  const className = layer.getClassName();
  const exporter = run.table[className];
  const keepIntegers = run.supplied.has(className) || INTEGER_INPUT_LAYERS.has(className);
  const inputs = keepIntegers ? rawInputs : floatInputs(g, layer.name, rawInputs);
  const weights = new Map<string, tf.LayerVariable>();
  for (const w of layer.weights) {
    const full = w.originalName ?? w.name;
    weights.set(full.slice(full.lastIndexOf('/') + 1), w);
  }
  const weight = (shortName: string): WeightData | undefined => {
    const w = weights.get(shortName);
    if (!w) return undefined;
    // read() returns the variable's own tensor (no new allocation); dataSync copies out of it.
    const t = w.read();
    if (t.dtype !== 'float32')
      throw layerError({ name: layer.name, className }, `weight '${shortName}' has dtype ${t.dtype}, expected float32`);
    return { data: t.dataSync() as Float32Array, shape: t.shape.slice() };
  };
  const ctx: LayerExportContext = {
    g,
    layer,
    className,
    name: layer.name,
    config: layer.getConfig() as Record<string, unknown>,
    inputs,
    outputShapes: call.outputs.map((t) => t.shape),
    weight,
    requireWeight: (shortName) => {
      const w = weight(shortName);
      if (!w) throw layerError(ctx, `missing weight '${shortName}' (has: ${[...weights.keys()].join(', ') || 'none'})`);
      return w;
    },
  };
  const out = exporter(ctx);
  return Array.isArray(out) ? out : [out];
}
