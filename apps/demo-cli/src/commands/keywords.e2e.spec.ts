// `dlkit keywords train --data DIR` then `predict` on its output: the JSON contracts end to end on a
// tiny Speech Commands style folder of tones (one epoch: the mechanics, not the accuracy).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sineWave, writeWav } from '@dlkit/audio';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-keywords-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Slow (~20-60 s): one epoch of the log-mel CNN on 40 clips, its ONNX export and the confusion PNG.
it('trains on a folder of WAV clips and serves the model through onnxruntime', async () => {
  const data = path.join(tmp, 'data');
  ['yes', 'no', 'stop', 'go'].forEach((label, k) => {
    fs.mkdirSync(path.join(data, label), { recursive: true });
    for (let i = 0; i < 10; i++) {
      writeWav(path.join(data, label, `${i}.wav`), {
        sampleRate: 16000,
        channels: [sineWave(300 + 200 * k + 7 * i, 0.8, 16000, 0.3)],
      });
    }
  });
  const out = path.join(tmp, 'out');
  const train = await runCli(
    'keywords',
    'train',
    '--data',
    data,
    '--out',
    out,
    '--epochs',
    '1',
    '--batch-size',
    '8',
    '--json',
  );
  expect(train.code).toBe(0);
  const r = train.json<{ task: string; testAccuracy: number; confusion: string; model: string; testSamples: number }>();
  expect(r).toEqual(
    expect.objectContaining({
      task: 'keywords',
      confusion: path.join(out, 'confusion.png'),
      model: out,
      testSamples: 4,
    }),
  );
  expect(fs.existsSync(r.confusion)).toBe(true);
  const clip = path.join(data, 'yes', '0.wav');
  const predict = await runCli('keywords', 'predict', '--model', r.model, clip, '--json');
  expect(predict.code).toBe(0);
  expect(predict.json<{ predictions: { file: string }[] }>().predictions[0].file).toBe(clip);
}, 180_000);
