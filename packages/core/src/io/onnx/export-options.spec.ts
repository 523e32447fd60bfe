/**
 * The exporter's two extension points: int32 model inputs exported as int64 graph inputs (token ids,
 * as Hugging Face models take them), and `exporters`, a package's own layer exporters merged over
 * core's table for one call.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { exportToOnnx, supportedOnnxLayers } from './export';
import type { LayerExporter } from './ops';
import { onnxParity } from './parity';
import { decodeModel } from './proto/decode';
import { DataType } from './proto/onnx-types';

beforeAll(() => initBackend());

/** y = x · factor, elementwise: a layer class core has no exporter for. */
class Scale extends tf.layers.Layer {
  static className = 'DlkitTestScale';
  readonly factor: number;
  constructor(config: { factor: number; name?: string }) {
    super(config);
    this.factor = config.factor;
  }
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.factor);
  }
  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), factor: this.factor };
  }
}

const scaleExporter: LayerExporter = ({ g, name, inputs, config }) => {
  const factor = g.floatConstant([config.factor as number], `${name}/factor`, []);
  return g.value(g.op('Mul', [inputs[0].name, factor], {}, `${name}/Mul`), inputs[0].shape, inputs[0].perm);
};

/** ids [N, 4] (int32) → Embedding(10, 3) → Flatten → Dense(2). */
function idsModel(): tf.LayersModel {
  const ids = tf.input({ shape: [4], dtype: 'int32', name: 'input_ids' });
  const emb = tf.layers.embedding({ inputDim: 10, outputDim: 3, embeddingsInitializer: 'randomNormal' }).apply(ids);
  const flat = tf.layers.flatten().apply(emb);
  const out = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }).apply(flat);
  return tf.model({ inputs: ids, outputs: out as tf.SymbolicTensor });
}

describe('int32 model inputs', () => {
  it('become int64 graph inputs that Embedding gathers with directly, with the same outputs as tfjs', async () => {
    const model = idsModel();
    const graph = decodeModel(exportToOnnx(model)).graph;
    expect(graph.input.map((i) => [i.name, i.elemType])).toEqual([['input_ids', DataType.INT64]]);
    expect(graph.node.filter((n) => n.opType === 'Cast')).toEqual([]);
    const x = tf.tensor2d(
      [
        [0, 9, 3, 3],
        [7, 1, 0, 5],
      ],
      undefined,
      'int32',
    );
    try {
      expect((await onnxParity(model, x)).maxAbsDiff).toBeLessThan(1e-5);
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  it('are cast to float for a core layer that computes on them', async () => {
    const input = tf.input({ shape: [3], dtype: 'int32' });
    const out = tf.layers
      .dense({ units: 2, kernelInitializer: tf.initializers.glorotNormal({ seed: 5 }) })
      .apply(input);
    const model = tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
    const casts = decodeModel(exportToOnnx(model)).graph.node.filter((n) => n.opType === 'Cast');
    expect(casts.map((n) => n.attribute[0].i)).toEqual([DataType.FLOAT]);
    const x = tf.tensor2d([[1, -2, 3]], undefined, 'int32');
    try {
      expect((await onnxParity(model, x)).maxAbsDiff).toBeLessThan(1e-5);
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  it('rejects other input dtypes by name', () => {
    const input = tf.input({ shape: [2], dtype: 'bool', name: 'flags' });
    const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor });
    expect(() => exportToOnnx(model)).toThrow("model input 'flags' has dtype bool; supported: float32, int32");
    model.dispose();
  });
});

describe('exporters option', () => {
  const model = (): tf.LayersModel =>
    tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 2, kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }) }),
        new Scale({ factor: 2.5 }),
      ],
    });

  it('without it, a layer of a package’s own is reported as unsupported', () => {
    const m = model();
    expect(() => exportToOnnx(m)).toThrow(/unsupported layer '.*' \(DlkitTestScale\)/);
    expect(supportedOnnxLayers()).not.toContain('DlkitTestScale');
    m.dispose();
  });

  it('exports the layer with the supplied exporter and matches tfjs', async () => {
    const m = model();
    const x = tf.tensor2d([
      [0.5, -1, 2],
      [3, 0, -0.25],
    ]);
    try {
      const r = await onnxParity(m, x, { exporters: { DlkitTestScale: scaleExporter } });
      expect(r.maxAbsDiff).toBeLessThan(1e-5);
      expect(supportedOnnxLayers({ DlkitTestScale: scaleExporter })).toContain('DlkitTestScale');
    } finally {
      x.dispose();
      m.dispose();
    }
  });

  it('replaces core’s exporter for a class it names, for that call only', () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    const calls: string[] = [];
    const spy: LayerExporter = (ctx) => {
      calls.push(ctx.name);
      return ctx.inputs[0];
    };
    const withSpy = decodeModel(exportToOnnx(m, { exporters: { Dense: spy } })).graph;
    expect(calls).toHaveLength(1);
    expect(withSpy.node.map((n) => n.opType)).toEqual(['Identity']);
    const plain = decodeModel(exportToOnnx(m)).graph;
    expect(plain.node.map((n) => n.opType)).toContain('MatMul');
    m.dispose();
  });

  it('hands int64 inputs to a supplied exporter as they are', () => {
    const input = tf.input({ shape: [2], dtype: 'int32' });
    const m = tf.model({ inputs: input, outputs: new Scale({ factor: 1 }).apply(input) as tf.SymbolicTensor });
    let seen: DataType | undefined;
    const probe: LayerExporter = (ctx) => {
      seen = ctx.inputs[0].elemType;
      return ctx.inputs[0];
    };
    exportToOnnx(m, { exporters: { DlkitTestScale: probe } });
    expect(seen).toBe(DataType.INT64);
    m.dispose();
  });
});
