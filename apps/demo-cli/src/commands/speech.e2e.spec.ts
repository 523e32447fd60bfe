// `dlkit speech train --data DIR` then `dlkit transcribe` on its export: the JSON contracts and the
// errors end to end, on a tiny folder of tone "recordings" (one epoch: the mechanics, not accuracy).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sineWave, writeWav } from '@dlkit/audio';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-speech-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const data = path.join(tmp, 'data');
const texts = ['call anna', 'stop the music', 'hello', 'three', 'call otto', 'good night', 'play the song', 'yes'];
fs.mkdirSync(data);
texts.forEach((_, i) =>
  writeWav(path.join(data, `${i}.wav`), { sampleRate: 22050, channels: [sineWave(300 + 50 * i, 0.8, 22050, 0.3)] }),
);
fs.writeFileSync(path.join(data, 'transcripts.tsv'), texts.map((t, i) => `${i}.wav\t${t}`).join('\n') + '\n');

// Slow (~20-60 s): one CTC epoch of the BiGRU on 6 clips, the wav2vec2 export, then transformers.js and onnxruntime.
it('trains on a folder with transcripts.tsv and transcribes with the export, greedy and beam', async () => {
  const out = path.join(tmp, 'out');
  const train = await runCli('speech', 'train', '--data', data, '--out', out, '--epochs', '1', '--json');
  expect(train.code).toBe(0);
  const r = train.json<{ task: string; cer: number; wer: number; model: string }>();
  expect(r).toEqual(expect.objectContaining({ task: 'speech', model: path.join(out, 'hf') }));
  expect(r.cer).toBeGreaterThanOrEqual(0);
  expect(r.wer).toBeGreaterThanOrEqual(0);
  const wav = path.join(data, '0.wav');
  for (const beam of [[], ['--beam', '4']]) {
    const t = await runCli('transcribe', '--model', r.model, wav, ...beam, '--json');
    expect(t.code).toBe(0);
    const { transcripts } = t.json<{ transcripts: { file: string; text: string; words: unknown[] }[] }>();
    expect(transcripts).toEqual([{ file: wav, text: expect.any(String), words: expect.any(Array) }]);
  }
}, 240_000);

it('names bad inputs: a non-WAV file (exit 1), a missing file or folder, a bad --beam (exit 2), bad rows (exit 1)', async () => {
  const notWav = path.join(tmp, 'notes.wav');
  fs.writeFileSync(notWav, 'hello');
  const model = path.join(tmp, 'out', 'hf');
  const corrupt = await runCli('transcribe', '--model', model, notWav, '--json');
  expect(corrupt.code).toBe(1);
  expect(corrupt.stderr).toContain(`${notWav}: not a WAV file`);
  const missing = await runCli('transcribe', '--model', model, path.join(tmp, 'none.wav'));
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('none.wav');
  expect((await runCli('transcribe', '--model', path.join(tmp, 'nope'), notWav)).code).toBe(2);
  expect((await runCli('transcribe', '--model', model, '--beam', '0', notWav)).code).toBe(2);
  const empty = path.join(tmp, 'empty-model');
  fs.mkdirSync(empty);
  const noConfig = await runCli('transcribe', '--model', empty, path.join(data, '0.wav'));
  expect(noConfig.code).toBe(1);
  expect(noConfig.stderr).toContain(path.join(empty, 'config.json'));
  const badData = path.join(tmp, 'bad-data');
  fs.mkdirSync(badData);
  fs.writeFileSync(path.join(badData, 'transcripts.tsv'), 'a.wav\thello\n');
  const bad = await runCli('speech', 'train', '--data', badData, '--out', path.join(tmp, 'o2'), '--json');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain(`${path.join(badData, 'transcripts.tsv')}:1: a.wav does not exist`);
}, 120_000);
