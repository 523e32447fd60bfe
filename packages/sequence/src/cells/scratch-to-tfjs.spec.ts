import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, initBackend, loadOnnx, onnxParity } from '@dlkit/core';
import { Dense, Flatten, ScratchSequential, Tanh } from '@dlkit/core/scratch';
import { expectNoLeak, maxAbsDiff } from '@dlkit/core/testing';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { scratchToTfjs } from './scratch-to-tfjs';
import { SimpleRNN } from './simple-rnn';
import { TimeDistributedDense } from './time-distributed-dense';

beforeAll(async () => {
  await initBackend();
});

const [m, T, nX] = [3, 6, 4];

/** Non-zero biases everywhere, so that every mapped tensor matters. */
function randomizeBiases(model: ScratchSequential, seed: number): void {
  Object.entries(model.params()).forEach(([key, v], i) => {
    if (/\.b\w?$/.test(key)) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', seed + i));
  });
}

describe('scratchToTfjs: a scratch model as a tfjs-layers model, and on to ONNX', () => {
  test.each([
    [
      'LSTM (sequences) -> TimeDistributedDense',
      () => [
        new LSTM({ units: 5, inputDim: nX, returnSequences: true, seed: 1 }),
        new TimeDistributedDense({ units: 3, seed: 2 }),
      ],
    ],
    [
      'GRU (sequences) -> TimeDistributedDense',
      () => [
        new GRU({ units: 5, inputDim: nX, returnSequences: true, seed: 3 }),
        new TimeDistributedDense({ units: 3, seed: 4 }),
      ],
    ],
    [
      'SimpleRNN (last) -> Dense -> Tanh -> Dense',
      () => [
        new SimpleRNN({ units: 5, inputDim: nX, seed: 5 }),
        new Dense({ units: 4, seed: 6 }),
        new Tanh(),
        new Dense({ units: 2, seed: 7 }),
      ],
    ],
  ])('%s: tfjs output = scratch within 1e-5, ONNX = tfjs and scratch within 1e-4', async (label, layers) => {
    const scratch = new ScratchSequential(layers()).build([T, nX]);
    randomizeBiases(scratch, 11);
    const model = scratchToTfjs(scratch, { inputShape: [null, nX], name: 'fromScratch' });
    const x = tf.randomNormal([m, T, nX], 0, 1, 'float32', 12);
    const ours = scratch.predict(x);
    const tfjsOut = model.predict(x) as tf.Tensor;
    expect(tfjsOut.shape).toEqual(ours.shape);
    const dTfjs = maxAbsDiff(ours, tfjsOut);
    const { maxAbsDiff: dOnnx } = await onnxParity(model, x);
    // ONNX directly against the scratch forward
    const session = await loadOnnx(exportToOnnx(model), { label });
    const out = await session.run({ [session.inputNames[0]]: { data: x.dataSync() as Float32Array, shape: x.shape } });
    const dScratchOnnx = maxAbsDiff(Float32Array.from(out[session.outputNames[0]].data as Float32Array), ours);
    await session.dispose();
    expect(dTfjs).toBeLessThan(1e-5);
    expect(dOnnx).toBeLessThan(1e-4);
    expect(dScratchOnnx).toBeLessThan(1e-4);
    tf.dispose([x, ours, tfjsOut]);
    model.dispose();
    scratch.dispose();
  });

  test('clear errors for unsupported layers and unbuilt models; no leaks', async () => {
    const bad = new ScratchSequential([new LSTM({ units: 2, inputDim: 3, returnSequences: true }), new Flatten()]);
    expect(() => scratchToTfjs(bad, { inputShape: [4, 3] })).toThrow(
      "layer 'flatten1' (flatten) has no tfjs equivalent here; supported: simpleRnn, lstm, gru",
    );
    const unbuilt = new ScratchSequential([new GRU({ units: 2 })]);
    expect(() => scratchToTfjs(unbuilt, { inputShape: [null, 3] })).toThrow(
      "cannot copy the weights of 'gru1' (build the scratch model for inputs [T, 3] first)",
    );
    expect(() => scratchToTfjs(bad, { inputShape: [null, 0] })).toThrow(
      'inputShape must be [T or null, n_x] with positive integers, got [,0]',
    );
    const ok = new ScratchSequential([new LSTM({ units: 2, inputDim: 3 }), new Dense({ units: 1, inputDim: 2 })]);
    await expectNoLeak(() => scratchToTfjs(ok, { inputShape: [null, 3] }).dispose());
    [bad, unbuilt, ok].forEach((s) => s.dispose());
  });
});
