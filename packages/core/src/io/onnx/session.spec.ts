/**
 * OnnxSession on onnxruntime-node: loading from files and bytes, input checks against the model's
 * metadata, and errors that name the file / the input and the expectation.
 *
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { exportToOnnx, saveOnnx } from './export';
import { loadOnnx, OnnxSession } from './session';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-onnx-'));
let model: tf.LayersModel;
let bytes: Uint8Array;

beforeAll(async () => {
  await initBackend();
  model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [4, 3, 2], filters: 2, kernelSize: 2, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  bytes = exportToOnnx(model, { inputNames: ['image'], outputNames: ['probs'] });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('loading', () => {
  it('saveOnnx writes atomically; the file loads and predicts like tfjs; metadata names the inputs', async () => {
    const file = path.join(tmp, 'sub', 'model.onnx');
    saveOnnx(model, file, { inputNames: ['image'], outputNames: ['probs'] });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['model.onnx']);
    const session = await loadOnnx(file, { intraOpNumThreads: 1 });
    expect(session.source).toBe(file);
    expect(session.inputs).toEqual([{ name: 'image', type: 'float32', shape: ['batch', 4, 3, 2] }]);
    expect(session.outputs).toEqual([{ name: 'probs', type: 'float32', shape: ['batch', 3] }]);
    const x = tf.randomNormal([5, 4, 3, 2], 0, 1, 'float32', 1);
    const out = await session.predict(x.dataSync() as Float32Array, [5, 4, 3, 2]);
    expect(out.shape).toEqual([5, 3]);
    const expected = model.predict(x) as tf.Tensor;
    expectClose(out.data, expected.dataSync(), { atol: 1e-5, label: 'probs' });
    // exporting reads the model's weights without leaving tensors behind
    await expectNoLeak(() => saveOnnx(model, file, { inputNames: ['image'], outputNames: ['probs'] }), 1);
    tf.dispose([x, expected]);
    await session.dispose();
    await session.dispose(); // idempotent
    await expect(session.run(new Float32Array(24), [1, 4, 3, 2])).rejects.toThrow(`${file}: session has been disposed`);
  });

  it('a missing file is named', async () => {
    const file = path.join(tmp, 'nope.onnx');
    await expect(loadOnnx(file)).rejects.toThrow(`${file}: ONNX model file not found`);
  });

  it('a truncated file, garbage bytes and an empty file are "not a valid ONNX model", naming the file', async () => {
    const truncated = path.join(tmp, 'truncated.onnx');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(loadOnnx(truncated)).rejects.toThrow(
      new RegExp(`^${escape(truncated)}: not a valid ONNX model \\(.+\\)$`),
    );
    const garbage = path.join(tmp, 'garbage.onnx');
    fs.writeFileSync(garbage, Buffer.from('this is not a protobuf file at all, just text'));
    await expect(loadOnnx(garbage)).rejects.toThrow(
      new RegExp(`^${escape(garbage)}: not a valid ONNX model \\(.+\\)$`),
    );
    const empty = path.join(tmp, 'empty.onnx');
    fs.writeFileSync(empty, '');
    await expect(loadOnnx(empty)).rejects.toThrow(`${empty}: not a valid ONNX model (empty file)`);
    await expect(loadOnnx(bytes.subarray(0, 100), { label: 'upload.onnx' })).rejects.toThrow(
      /^upload\.onnx: not a valid ONNX model \(/,
    );
  });
});

describe('input checks', () => {
  let session: OnnxSession;
  beforeAll(async () => (session = await loadOnnx(bytes, { intraOpNumThreads: 1 })));
  afterAll(() => session.dispose());

  it('a wrong shape names the input and the expected shape', async () => {
    await expect(session.run(new Float32Array(2 * 4 * 3 * 3), [2, 4, 3, 3])).rejects.toThrow(
      "ONNX bytes: input 'image' has shape [2,4,3,3], expected [batch,4,3,2]",
    );
    await expect(session.run(new Float32Array(24), [4, 3, 2])).rejects.toThrow(
      "input 'image' has shape [4,3,2], expected [batch,4,3,2]",
    );
  });
  it('a wrong element type, a short buffer, a wrong name and a missing shape are reported', async () => {
    await expect(session.run(new Int32Array(24), [1, 4, 3, 2])).rejects.toThrow(
      "input 'image' has element type int32, expected float32",
    );
    await expect(session.run(new Float32Array(23), [1, 4, 3, 2])).rejects.toThrow(
      "input 'image': 23 values do not fill shape [1,4,3,2] (24 values)",
    );
    await expect(session.run({ img: { data: new Float32Array(24), shape: [1, 4, 3, 2] } })).rejects.toThrow(
      "missing input 'image' (expected inputs: image)",
    );
    await expect(
      session.run({
        image: { data: new Float32Array(24), shape: [1, 4, 3, 2] },
        extra: { data: new Float32Array(1), shape: [1] },
      }),
    ).rejects.toThrow("unknown input 'extra' (expected inputs: image)");
    await expect(session.run(new Float32Array(24), undefined as unknown as number[])).rejects.toThrow(
      "needs the shape of input 'image'",
    );
  });
  it('named inputs work, and a multi-input model refuses run(data, shape)', async () => {
    const out = await session.run({ image: { data: new Float32Array(48).fill(0.5), shape: [2, 4, 3, 2] } });
    expect(Object.keys(out)).toEqual(['probs']);
    expect(out.probs.shape).toEqual([2, 3]);
    const a = tf.input({ shape: [3] });
    const b = tf.input({ shape: [3] });
    const two = tf.model({ inputs: [a, b], outputs: tf.layers.add().apply([a, b]) as tf.SymbolicTensor });
    const s2 = await loadOnnx(exportToOnnx(two, { inputNames: ['a', 'b'] }), { intraOpNumThreads: 1 });
    await expect(s2.run(new Float32Array(3), [1, 3])).rejects.toThrow(
      'the model has 2 inputs (a, b); pass them by name',
    );
    const sum = await s2.run({
      a: { data: Float32Array.from([1, 2, 3]), shape: [1, 3] },
      b: { data: Float32Array.from([10, 20, 30]), shape: [1, 3] },
    });
    expect(Array.from(sum[s2.outputNames[0]].data as Float32Array)).toEqual([11, 22, 33]);
    await s2.dispose();
  });
  it('a fixed batch size is enforced', async () => {
    const fixed = await loadOnnx(exportToOnnx(model, { batchSize: 2, inputNames: ['image'] }), {
      intraOpNumThreads: 1,
    });
    expect(fixed.inputs[0].shape).toEqual([2, 4, 3, 2]);
    await expect(fixed.run(new Float32Array(24), [1, 4, 3, 2])).rejects.toThrow(
      "input 'image' has shape [1,4,3,2], expected [2,4,3,2]",
    );
    await fixed.dispose();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
