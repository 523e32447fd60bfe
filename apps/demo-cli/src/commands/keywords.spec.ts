// `dlkit keywords predict` on an untrained exported model: the JSON contract, and errors that name
// the bad input (usage: exit 2; a file that is not a WAV: exit 1).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  AUDIO_ONNX_EXPORTERS,
  buildKeywordModel,
  KEYWORD_LABELS,
  KEYWORD_MODEL_FILES,
  sineWave,
  writeWav,
} from '@dlkit/audio';
import { exportToOnnx, initBackend } from '@dlkit/core';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-keywords-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const modelDir = path.join(tmp, 'model');
const wav = path.join(tmp, 'tone.wav');
const bad = path.join(tmp, 'bad.wav');

// Slow (~3-6 s): builds and exports a (tiny, untrained) log-mel CNN.
beforeAll(async () => {
  await initBackend();
  const model = buildKeywordModel({ sampleRate: 16000, clipSeconds: 1, classes: KEYWORD_LABELS.length, width: 2 });
  fs.mkdirSync(modelDir, { recursive: true });
  fs.writeFileSync(
    path.join(modelDir, KEYWORD_MODEL_FILES.onnx),
    exportToOnnx(model, { exporters: AUDIO_ONNX_EXPORTERS }),
  );
  model.dispose();
  fs.writeFileSync(path.join(modelDir, KEYWORD_MODEL_FILES.labels), KEYWORD_LABELS.join('\n') + '\n');
  fs.writeFileSync(
    path.join(modelDir, KEYWORD_MODEL_FILES.config),
    JSON.stringify({ sampleRate: 16000, samples: 16000 }),
  );
  writeWav(wav, { sampleRate: 44100, channels: [sineWave(440, 0.7, 44100, 0.3)] });
  fs.writeFileSync(bad, 'hello, not a wav');
}, 30_000);

describe('dlkit keywords predict', () => {
  it('labels WAV files and prints the JSON contract', async () => {
    const r = await runCli('keywords', 'predict', '--model', modelDir, wav, wav, '--json');
    expect(r.code).toBe(0);
    const { predictions } = r.json<{ predictions: { file: string; label: string; score: number }[] }>();
    expect(predictions).toHaveLength(2);
    expect(predictions[0].file).toBe(wav);
    expect(KEYWORD_LABELS).toContain(predictions[0].label);
    expect(predictions[0].score).toBeGreaterThan(0);
    expect(predictions[1]).toEqual(predictions[0]);
  });

  it('names a file that is not a WAV (exit 1), and a missing file or model directory (exit 2)', async () => {
    const notWav = await runCli('keywords', 'predict', '--model', modelDir, bad);
    expect(notWav.code).toBe(1);
    expect(notWav.stderr).toContain(`${bad}: not a WAV file`);
    const missing = await runCli('keywords', 'predict', '--model', modelDir, path.join(tmp, 'nope.wav'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.wav: no such file (expected a WAV file)');
    const noModel = await runCli('keywords', 'predict', '--model', path.join(tmp, 'nothing'), wav);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('--model');
    const notModel = await runCli('keywords', 'predict', '--model', tmp, wav);
    expect(notModel.code).toBe(1);
    expect(notModel.stderr).toContain('no labels.txt, expected a model directory');
  });

  it('refuses bad training flags with exit 2', async () => {
    const r = await runCli('keywords', 'train', '--per-label', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--per-label');
  });
});
