/**
 * ONNX inference on onnxruntime-node: the only module in dlkit that imports 'onnxruntime-node'.
 * `loadOnnx` opens a session from a file or bytes with errors that name the file; `run` checks
 * input names, element types and shapes against the model's metadata before calling the runtime.
 *
 * @example
 * const session = await loadOnnx('out/mnist.onnx');
 * const { data, shape } = await session.predict(pixels, [256, 28, 28, 1]); // [256, 10]
 * await session.dispose();
 */
import * as fs from 'fs';
import * as os from 'os';
import * as ort from 'onnxruntime-node';

/** Typed arrays accepted as tensor data, with the ONNX element type each one maps to. */
export type OnnxTensorData = Float32Array | Float64Array | Int32Array | BigInt64Array | Int8Array | Uint8Array;

const ELEMENT_TYPE_OF = [
  [Float32Array, 'float32'],
  [Float64Array, 'float64'],
  [Int32Array, 'int32'],
  [BigInt64Array, 'int64'],
  [Int8Array, 'int8'],
  [Uint8Array, 'uint8'],
] as const;

/** A tensor going into or coming out of a session: row-major data and its shape. */
export interface OnnxTensor<D extends OnnxTensorData = OnnxTensorData> {
  data: D;
  shape: number[];
}

/** Name, element type and shape (numbers, or names for symbolic dimensions such as 'batch'). */
export interface OnnxValueInfo {
  name: string;
  type: string;
  /** Empty when the model does not declare the shape. */
  shape: (number | string)[];
}

export interface OnnxSessionOptions {
  /** Threads used inside one operator (default: the number of cores). */
  intraOpNumThreads?: number;
  /** Threads running independent operators in parallel (only with executionMode 'parallel'). */
  interOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  executionMode?: 'sequential' | 'parallel';
  /** Name used in error messages when loading from bytes. */
  label?: string;
  /** Write the graph as onnxruntime optimized it to this path (for inspection). */
  optimizedModelFilePath?: string;
}

const SESSION_DEFAULTS = {
  intraOpNumThreads: () =>
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
  label: 'ONNX bytes',
} as const;

/**
 * An onnxruntime-node inference session with checked inputs.
 *
 * @example
 * const session = await OnnxSession.load(exportToOnnx(model), { intraOpNumThreads: 2 });
 * const out = await session.run({ image: { data: x, shape: [1, 28, 28, 1] } });
 * console.log(out[session.outputNames[0]].shape);
 */
export class OnnxSession {
  /** The file path, or the label of the bytes, the session was loaded from. */
  readonly source: string;
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  private session: ort.InferenceSession | undefined;

  private constructor(session: ort.InferenceSession, source: string) {
    this.session = session;
    this.source = source;
    this.inputs = describe(session.inputNames, session.inputMetadata);
    this.outputs = describe(session.outputNames, session.outputMetadata);
  }

  /** Opens `source` (a .onnx path or its bytes). */
  static async load(source: string | Uint8Array, options: OnnxSessionOptions = {}): Promise<OnnxSession> {
    const label = typeof source === 'string' ? source : (options.label ?? SESSION_DEFAULTS.label);
    if (typeof source === 'string' && !fs.existsSync(source)) throw new Error(`${source}: ONNX model file not found`);
    if (typeof source !== 'string' && source.length === 0) throw new Error(`${label}: not a valid ONNX model (empty)`);
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: options.intraOpNumThreads ?? SESSION_DEFAULTS.intraOpNumThreads(),
      interOpNumThreads: options.interOpNumThreads ?? SESSION_DEFAULTS.interOpNumThreads,
      graphOptimizationLevel: options.graphOptimizationLevel ?? SESSION_DEFAULTS.graphOptimizationLevel,
      executionMode: options.executionMode ?? SESSION_DEFAULTS.executionMode,
      ...(options.optimizedModelFilePath ? { optimizedModelFilePath: options.optimizedModelFilePath } : {}),
    };
    let session: ort.InferenceSession;
    try {
      session =
        typeof source === 'string'
          ? await ort.InferenceSession.create(source, sessionOptions)
          : await ort.InferenceSession.create(source, sessionOptions);
    } catch (err) {
      if (typeof source === 'string' && fs.existsSync(source) && fs.statSync(source).size === 0) {
        throw new Error(`${label}: not a valid ONNX model (empty file)`);
      }
      throw new Error(`${label}: not a valid ONNX model (${(err as Error).message})`);
    }
    return new OnnxSession(session, label);
  }

  get inputNames(): string[] {
    return this.inputs.map((i) => i.name);
  }

  get outputNames(): string[] {
    return this.outputs.map((o) => o.name);
  }

  /** Runs the model on named inputs; returns every output by name. */
  run(inputs: Record<string, OnnxTensor>): Promise<Record<string, OnnxTensor>>;
  /** Runs a single-input model. */
  run(data: OnnxTensorData, shape: number[]): Promise<Record<string, OnnxTensor>>;
  async run(
    inputsOrData: Record<string, OnnxTensor> | OnnxTensorData,
    shape?: number[],
  ): Promise<Record<string, OnnxTensor>> {
    const session = this.live();
    const inputs = ArrayBuffer.isView(inputsOrData)
      ? this.single(inputsOrData as OnnxTensorData, shape)
      : (inputsOrData as Record<string, OnnxTensor>);
    const feeds: Record<string, ort.Tensor> = {};
    for (const info of this.inputs) {
      const t = inputs[info.name];
      if (!t)
        throw new Error(
          `${this.source}: missing input '${info.name}' (expected inputs: ${this.inputNames.join(', ')})`,
        );
      feeds[info.name] = this.toOrt(info, t);
    }
    const unknown = Object.keys(inputs).filter((k) => !this.inputNames.includes(k));
    if (unknown.length > 0)
      throw new Error(
        `${this.source}: unknown input${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} (expected inputs: ${this.inputNames.join(', ')})`,
      );
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await session.run(feeds);
    } catch (err) {
      throw new Error(`${this.source}: inference failed (${(err as Error).message})`);
    }
    const out: Record<string, OnnxTensor> = {};
    for (const [name, value] of Object.entries(results)) {
      out[name] = { data: value.data as OnnxTensorData, shape: value.dims.slice() };
      value.dispose();
    }
    return out;
  }

  /** Runs a single-input model and returns its first output as float32 (e.g. class probabilities). */
  async predict(data: OnnxTensorData, shape: number[]): Promise<OnnxTensor<Float32Array>> {
    const out = (await this.run(data, shape))[this.outputs[0].name];
    if (!(out.data instanceof Float32Array))
      throw new Error(`${this.source}: output '${this.outputs[0].name}' is not float32`);
    return out as OnnxTensor<Float32Array>;
  }

  /** Releases the native session; later calls to `run` throw. Safe to call twice. */
  async dispose(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s) await s.release();
  }

  private live(): ort.InferenceSession {
    if (!this.session) throw new Error(`${this.source}: session has been disposed`);
    return this.session;
  }

  private single(data: OnnxTensorData, shape: number[] | undefined): Record<string, OnnxTensor> {
    if (this.inputs.length !== 1) {
      throw new Error(
        `${this.source}: the model has ${this.inputs.length} inputs (${this.inputNames.join(', ')}); pass them by name`,
      );
    }
    if (!shape) throw new Error(`${this.source}: run(data, shape) needs the shape of input '${this.inputs[0].name}'`);
    return { [this.inputs[0].name]: { data, shape } };
  }

  /** Checks one input against the model's declared type and shape, then wraps it. */
  private toOrt(info: OnnxValueInfo, t: OnnxTensor): ort.Tensor {
    const where = `${this.source}: input '${info.name}'`;
    const type = ELEMENT_TYPE_OF.find(([ctor]) => t.data instanceof ctor)?.[1];
    if (!type)
      throw new Error(`${where}: unsupported data ${Object.prototype.toString.call(t.data)} (expected a typed array)`);
    if (info.type && type !== info.type) throw new Error(`${where} has element type ${type}, expected ${info.type}`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new Error(`${where}: shape must be non-negative integers, got ${JSON.stringify(t.shape)}`);
    }
    const expected = info.shape;
    const mismatch =
      expected.length > 0 &&
      (t.shape.length !== expected.length ||
        expected.some((d, i) => typeof d === 'number' && d >= 0 && d !== t.shape[i]));
    if (mismatch) throw new Error(`${where} has shape [${t.shape}], expected [${expected}]`);
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== size)
      throw new Error(`${where}: ${t.data.length} values do not fill shape [${t.shape}] (${size} values)`);
    return new ort.Tensor(type, t.data, t.shape);
  }
}

/** Opens an ONNX model from a file path or bytes (see `OnnxSession.load`). */
export function loadOnnx(source: string | Uint8Array, options: OnnxSessionOptions = {}): Promise<OnnxSession> {
  return OnnxSession.load(source, options);
}

function describe(
  names: readonly string[],
  metadata: readonly ort.InferenceSession.ValueMetadata[] | undefined,
): OnnxValueInfo[] {
  return names.map((name, i) => {
    const m = metadata?.find((x) => x.name === name) ?? metadata?.[i];
    if (m && m.isTensor)
      return { name, type: m.type, shape: m.shape.map((d) => (typeof d === 'number' && d < 0 ? '?' : d)) };
    return { name, type: '', shape: [] };
  });
}
