import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, initBackend, loadOnnx, Trainer } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { sineWave } from '../signals/test-signals';
import { SPEECH_ONNX_EXPORTERS } from './dynamic-log-mel-exporter';
import { ctcTrainingLoss, normalizeWaveform, SpeechDataset } from './speech-dataset';
import { buildSpeechModel, speechFrames } from './speech-model';
import { SPEECH_TOKENS } from './speech-vocab';

beforeAll(() => initBackend());

const tiny = () => buildSpeechModel({ vocab: SPEECH_TOKENS.length, units: 8, filters: 8, nMels: 16, layers: 1 });

describe('speech model', () => {
  // Slow (~3-6 s): two ONNX exports with the 400-tap DFT kernels, run in onnxruntime.
  it('takes audio of any length, in tfjs and in its ONNX export', async () => {
    const model = tiny();
    const session = await loadOnnx(
      exportToOnnx(model, { exporters: SPEECH_ONNX_EXPORTERS, inputNames: ['input_values'], outputNames: ['logits'] }),
    );
    for (const n of [8000, 12345]) {
      const x = tf.randomNormal([2, n], 0, 1, 'float32', n);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([2, speechFrames(n), SPEECH_TOKENS.length]);
      const out = await session.run(x.dataSync() as Float32Array, [2, n]);
      const onnx = out.logits;
      expect(onnx.shape).toEqual(y.shape);
      const a = y.dataSync();
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - (onnx.data as Float32Array)[i]));
      expect(diff).toBeLessThan(1e-4);
      tf.dispose([x, y]);
    }
    await session.dispose();
    model.dispose();
  }, 30_000);

  // Slow (~5-20 s, more on a loaded machine): 2 × 4 CTC steps of a tiny BiGRU on wasm.
  it('trains with CTC through core Trainer without leaking tensors, and the loss falls', async () => {
    const clips = [sineWave(300, 0.3, 16000, 0.3), sineWave(900, 0.4, 16000, 0.3)];
    const data = new SpeechDataset({ clips, texts: ['ab', 'call'], sources: ['a', 'b'] });
    const model = tiny();
    const trainer = new Trainer(model, {
      loss: ctcTrainingLoss,
      metrics: [],
      batchSize: 2,
      learningRate: 1e-2,
      progress: false,
      seed: 1,
      epochs: 4,
    });
    const before = tf.tidy(() => {
      const { x, y } = data.batch([0, 1]);
      return ctcTrainingLoss(y, model.predict(x) as tf.Tensor).dataSync()[0];
    });
    await trainer.fit(data); // creates the optimizer's slots outside the leak check
    await expectNoLeak(async () => {
      await trainer.fit(data);
    });
    const after = tf.tidy(() => {
      const { x, y } = data.batch([0, 1]);
      return ctcTrainingLoss(y, model.predict(x) as tf.Tensor).dataSync()[0];
    });
    expect(after).toBeLessThan(0.9 * before);
    trainer.dispose();
    model.dispose();
  }, 90_000);

  it('encodes batches as padded audio and [frames, label length, ids] rows', () => {
    const data = new SpeechDataset({
      clips: [new Float32Array(3200).fill(0.5), sineWave(440, 0.1, 16000)],
      texts: ['ab', 'call'],
      sources: ['a', 'b'],
    });
    const { x, y } = data.batch([0, 1]);
    expect(x.shape).toEqual([2, 3200]);
    expect((y.arraySync() as number[][])[1]).toEqual([speechFrames(1600), 4, 5, 3, 14, 14]);
    expect((y.arraySync() as number[][])[0].slice(0, 4)).toEqual([speechFrames(3200), 2, 3, 4]);
    const n = normalizeWaveform(Float32Array.from([1, 2, 3, 4]));
    expect(n.reduce((a, b) => a + b)).toBeCloseTo(0, 5);
    expect(n.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 4);
    tf.dispose([x, y]);
  });
});
