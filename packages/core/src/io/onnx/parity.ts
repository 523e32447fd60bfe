/**
 * Checks an export: runs the tfjs model and its ONNX export (onnxruntime-node) on the same inputs
 * and reports the largest absolute difference per output. Used by the exporter's own specs and
 * available to any package that exports a model.
 *
 * @example
 * const { maxAbsDiff } = await onnxParity(model, tf.randomNormal([4, 28, 28, 1]));
 * expect(maxAbsDiff).toBeLessThan(1e-4);
 */
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, OnnxExportOptions } from './export';
import { loadOnnx, type OnnxTensorData } from './session';

export interface OnnxParityOptions extends OnnxExportOptions {
  /** onnxruntime threads for the check (default 1: parity, not speed). */
  intraOpNumThreads?: number;
}

export interface OnnxParityResult {
  /** Largest |onnx - tfjs| over all outputs. */
  maxAbsDiff: number;
  /** Per output, in the model's output order. */
  perOutput: number[];
  outputNames: string[];
  /** Size of the exported file in bytes. */
  bytes: number;
}

export async function onnxParity(
  model: tf.LayersModel,
  inputs: tf.Tensor | tf.Tensor[],
  options: OnnxParityOptions = {},
): Promise<OnnxParityResult> {
  const { intraOpNumThreads = 1, ...exportOptions } = options;
  const xs = Array.isArray(inputs) ? inputs : [inputs];
  const bytes = exportToOnnx(model, exportOptions);
  const session = await loadOnnx(bytes, { label: `ONNX export of '${model.name}'`, intraOpNumThreads });
  try {
    const expected = tf.tidy(() => {
      const y = model.predict(xs.length === 1 ? xs[0] : xs);
      return (Array.isArray(y) ? y : [y]).map((t) => ({ data: t.dataSync() as Float32Array, shape: t.shape.slice() }));
    });
    const feeds = Object.fromEntries(
      session.inputNames.map((name, i) => [
        name,
        { data: feedData(xs[i], session.inputs[i].type), shape: xs[i].shape.slice() },
      ]),
    );
    const actual = await session.run(feeds);
    const perOutput = session.outputNames.map((name, i) => {
      const a = actual[name];
      const e = expected[i];
      if (a.shape.join(',') !== e.shape.join(','))
        throw new Error(`output '${name}': ONNX shape [${a.shape}] differs from tfjs [${e.shape}]`);
      let m = 0;
      for (let j = 0; j < e.data.length; j++) {
        const d = Math.abs(Number(a.data[j]) - e.data[j]);
        if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
        if (d > m) m = d;
      }
      return m;
    });
    return { maxAbsDiff: Math.max(...perOutput), perOutput, outputNames: session.outputNames, bytes: bytes.length };
  } finally {
    await session.dispose();
  }
}

/** A tfjs input as the session wants it: int32 ids become the int64 the export declares. */
function feedData(x: tf.Tensor, onnxType: string): OnnxTensorData {
  const data = x.dataSync();
  return onnxType === 'int64' ? BigInt64Array.from(data, (v) => BigInt(v)) : (data as Float32Array);
}
