// `dlkit trigger train` on folders of WAV files, resumed, then `detect` with its model: the JSON
// contracts end to end on tones (one epoch on two clips: the mechanics, not the accuracy).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { coloredNoise, sineWave, writeWav } from '@dlkit/audio';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-trigger-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Slow (~40-90 s): two short trainings of the Conv1D + GRU model on 10 s clips, the false-alarm
// pass, the ONNX export, and detection on the example clip.
it('trains on WAV folders, resumes from the checkpoint, and detects with the model', async () => {
  const dirs = { positives: path.join(tmp, 'pos'), negatives: path.join(tmp, 'neg'), background: path.join(tmp, 'bg') };
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  for (let i = 0; i < 2; i++) {
    writeWav(path.join(dirs.positives, `${i}.wav`), {
      sampleRate: 22050,
      channels: [sineWave(900 + 50 * i, 0.6, 22050, 0.4)],
    });
    writeWav(path.join(dirs.negatives, `${i}.wav`), {
      sampleRate: 16000,
      channels: [sineWave(300 + 50 * i, 0.4, 16000, 0.4)],
    });
    writeWav(path.join(dirs.background, `${i}.wav`), {
      sampleRate: 16000,
      channels: [coloredNoise('pink', 48000, i + 1)],
    });
  }
  const out = path.join(tmp, 'model');
  const data = ['--positives', dirs.positives, '--negatives', dirs.negatives, '--background', dirs.background];
  const tiny = [
    '--clips',
    '2',
    '--validation-clips',
    '1',
    '--test-clips',
    '1',
    '--false-alarm-hours',
    '0.003',
    '--batch-size',
    '2',
  ];
  const train = await runCli('trigger', 'train', ...data, ...tiny, '--epochs', '1', '--out', out, '--json');
  expect(train.code).toBe(0);
  const r = train.json<Record<string, unknown>>();
  expect(r).toEqual(
    expect.objectContaining({
      task: 'trigger',
      f1: expect.any(Number),
      precision: expect.any(Number),
      recall: expect.any(Number),
      falseAlarmsPerHour: expect.any(Number),
      model: out,
      example: path.join(out, 'example.png'),
      trainClips: 2,
      epochs: 1,
      heldOut: false, // two files per folder: too few to hold any out, and the JSON says so
    }),
  );
  expect(fs.existsSync(path.join(out, 'trigger.onnx')) && fs.existsSync(path.join(out, 'example.wav'))).toBe(true);

  const resumed = await runCli(
    'trigger',
    'train',
    ...data,
    ...tiny,
    '--epochs',
    '2',
    '--out',
    out,
    '--resume',
    '--json',
  );
  expect(resumed.code).toBe(0);
  expect(resumed.json()).toEqual(expect.objectContaining({ epochs: 2, resumedFromEpoch: 1 }));

  const chimed = path.join(tmp, 'chimed.wav');
  const detect = await runCli(
    'trigger',
    'detect',
    '--model',
    out,
    path.join(out, 'example.wav'),
    '--out',
    chimed,
    '--json',
  );
  expect(detect.code).toBe(0);
  const d = detect.json<{ detections: unknown[]; output: string; plot: string }>();
  expect(Array.isArray(d.detections)).toBe(true);
  expect([d.output, d.plot]).toEqual([chimed, path.join(tmp, 'chimed.png')]);
  expect(fs.existsSync(d.output) && fs.existsSync(d.plot)).toBe(true);
}, 300_000);
