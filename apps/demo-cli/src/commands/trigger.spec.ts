// `dlkit trigger detect` on an untrained exported model: the JSON contract and the files, and
// errors that name the bad input (usage: exit 2; a file that is not a WAV: exit 1).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  buildTriggerModel,
  readWav,
  sineWave,
  TRIGGER_GEOMETRY,
  TRIGGER_MODEL_FILES,
  triggerGeometry,
  writeWav,
} from '@dlkit/audio';
import { exportToOnnx, initBackend } from '@dlkit/core';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-trigger-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const modelDir = path.join(tmp, 'model');
const wav = path.join(tmp, 'tone.wav');
const bad = path.join(tmp, 'bad.wav');

// Slow (~3-6 s): builds and exports a (tiny, untrained) Conv1D + GRU model.
beforeAll(async () => {
  await initBackend();
  const model = buildTriggerModel(triggerGeometry(), { filters: 2, units: 2 });
  fs.mkdirSync(modelDir, { recursive: true });
  fs.writeFileSync(path.join(modelDir, TRIGGER_MODEL_FILES.onnx), exportToOnnx(model));
  model.dispose();
  const info = { word: 'activate', geometry: TRIGGER_GEOMETRY, threshold: 0.5, minGapSeconds: 0.3 };
  fs.writeFileSync(path.join(modelDir, TRIGGER_MODEL_FILES.config), JSON.stringify(info));
  const tone = sineWave(440, 3, 44100, 0.3);
  writeWav(wav, { sampleRate: 44100, channels: [tone, tone] });
  fs.writeFileSync(bad, 'hello, not a wav');
}, 30_000);

describe('dlkit trigger detect', () => {
  // Slow (~2-5 s): runs the model over 3 s of audio and draws the picture.
  it('prints the detections and writes the chimed WAV (input rate and channels) and the picture', async () => {
    const out = path.join(tmp, 'out', 'chimed.wav');
    const r = await runCli(
      'trigger',
      'detect',
      '--model',
      modelDir,
      wav,
      '--out',
      out,
      '--threshold',
      '0.01',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<{ detections: { time: number; score: number }[]; output: string; plot: string }>();
    expect(j.output).toBe(out);
    expect(j.plot).toBe(path.join(tmp, 'out', 'chimed.png'));
    expect(j.detections.length).toBeGreaterThan(0); // threshold 0.01: the untrained curve is above it
    expect(Object.keys(j.detections[0]).sort()).toEqual(['score', 'time']);
    const chimed = readWav(out);
    expect([chimed.sampleRate, chimed.channels.length]).toEqual([44100, 2]);
    expect(fs.statSync(j.plot).size).toBeGreaterThan(1000);
  }, 30_000);

  it('names a file that is not a WAV (exit 1), and a missing file, model or bad --out (exit 2)', async () => {
    const notWav = await runCli('trigger', 'detect', '--model', modelDir, bad, '--out', path.join(tmp, 'x.wav'));
    expect(notWav.code).toBe(1);
    expect(notWav.stderr).toContain(`${bad}: not a WAV file`);
    const missing = await runCli('trigger', 'detect', '--model', modelDir, path.join(tmp, 'nope.wav'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.wav: no such file (expected a WAV file)');
    const noModel = await runCli('trigger', 'detect', '--model', path.join(tmp, 'nothing'), wav);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('--model');
    const notModel = await runCli('trigger', 'detect', '--model', tmp, wav, '--out', path.join(tmp, 'y.wav'));
    expect(notModel.code).toBe(1);
    expect(notModel.stderr).toContain('no trigger.json, expected a model directory');
    const notWavOut = await runCli('trigger', 'detect', '--model', modelDir, wav, '--out', path.join(tmp, 'z.mp3'));
    expect(notWavOut.code).toBe(2);
    expect(notWavOut.stderr).toContain('--out must name a .wav file');
  });
});

describe('dlkit trigger train (usage errors)', () => {
  it('refuses bad flags and incomplete or missing data folders with exit 2', async () => {
    const clips = await runCli('trigger', 'train', '--clips', '0');
    expect(clips.code).toBe(2);
    expect(clips.stderr).toContain('--clips');
    const some = await runCli('trigger', 'train', '--positives', tmp);
    expect(some.code).toBe(2);
    expect(some.stderr).toContain('--positives, --negatives and --background go together (got only --positives)');
    const none = path.join(tmp, 'none');
    const missing = await runCli('trigger', 'train', '--positives', none, '--negatives', tmp, '--background', tmp);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--positives ${none}: no such directory`);
    const hours = await runCli('trigger', 'train', '--false-alarm-hours', '0');
    expect(hours.code).toBe(2);
    expect(hours.stderr).toContain('--false-alarm-hours');
  });
});
