// `dlkit keywords train --data DIR`, resumed for a second epoch, then `predict` on its output: the
// JSON contracts end to end on a tiny Speech Commands style folder of tones (the mechanics, not the
// accuracy).
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
  const resumed = await runCli(
    'keywords',
    'train',
    '--data',
    data,
    '--out',
    out,
    '--epochs',
    '2',
    '--batch-size',
    '8',
    '--resume',
    '--json',
  );
  expect(resumed.code).toBe(0);
  expect(resumed.json()).toEqual(expect.objectContaining({ epochs: 2, resumedFromEpoch: 1, model: out }));
  const clip = path.join(data, 'yes', '0.wav');
  const predict = await runCli('keywords', 'predict', '--model', r.model, clip, '--json');
  expect(predict.code).toBe(0);
  expect(predict.json<{ predictions: { file: string }[] }>().predictions[0].file).toBe(clip);
  await expectBadAudioHandled(r.model);
}, 180_000);

/** The list of bad audio inputs, through `keywords predict`: each is served or named, never a crash. */
async function expectBadAudioHandled(model: string): Promise<void> {
  const bad = path.join(tmp, 'bad');
  fs.mkdirSync(bad);
  const file = (name: string) => path.join(bad, name);
  const tone = sineWave(440, 0.5, 48000, 0.3);
  writeWav(file('stereo-48k.wav'), { sampleRate: 48000, channels: [tone, tone] });
  writeWav(file('8-bit.wav'), { sampleRate: 8000, channels: [sineWave(440, 0.5, 8000, 0.3)] }, { bitDepth: '8' });
  writeWav(file('empty.wav'), { sampleRate: 16000, channels: [new Float32Array(0)] });
  const served = await runCli(
    'keywords',
    'predict',
    '--model',
    model,
    '--json',
    ...['stereo-48k', '8-bit', 'empty'].map((n) => file(`${n}.wav`)),
  );
  expect(served.code).toBe(0);
  const predictions = served.json<{ predictions: { file: string; score: number }[] }>().predictions;
  expect(predictions.map((p) => path.basename(p.file))).toEqual(['stereo-48k.wav', '8-bit.wav', 'empty.wav']);
  predictions.forEach((p) => expect(Number.isFinite(p.score)).toBe(true));

  const good = fs.readFileSync(file('stereo-48k.wav'));
  const zeroHz = Buffer.from(good);
  zeroHz.writeUInt32LE(0, 24); // the fmt chunk's sample rate
  fs.writeFileSync(file('zero-hz.wav'), zeroHz);
  const nan = Buffer.from(good.subarray(0, 44));
  nan.writeUInt16LE(3, 20); // IEEE float, 32 bits, mono: two samples, the second NaN
  nan.writeUInt16LE(1, 22);
  nan.writeUInt32LE(16000, 24);
  nan.writeUInt32LE(64000, 28);
  nan.writeUInt16LE(4, 32);
  nan.writeUInt16LE(32, 34);
  nan.writeUInt32LE(8, 40);
  fs.writeFileSync(file('nan.wav'), Buffer.concat([nan, Buffer.from(Float32Array.from([0.1, NaN]).buffer)]));
  fs.writeFileSync(file('truncated.wav'), good.subarray(0, 1000));
  fs.writeFileSync(file('not-a.wav'), 'ID3 this is an mp3 tag, not audio');
  const expected: [string, RegExp][] = [
    ['zero-hz.wav', /0 Hz/],
    ['nan.wav', /sample 1 of channel 0 is NaN/],
    ['truncated.wav', /truncated WAV/],
    ['not-a.wav', /not a WAV file/],
  ];
  for (const [name, why] of expected) {
    const run = await runCli('keywords', 'predict', '--model', model, file(name));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file(name));
    expect(run.stderr).toMatch(why);
  }
}
