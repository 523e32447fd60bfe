// `dlkit train mnist` and `dlkit predict` end to end on a small slice of the real digits:
// the JSON contract, the files written, resume, and predictions from both runtimes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo, writeImage } from '@dlkit/core';
import { mnistSplit } from '@dlkit/vision';
import { runCli, type CliRun } from '../../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-mnist-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface TrainJson {
  task: string;
  backend: string;
  epochs: number;
  trainSamples: number;
  testSamples: number;
  testAccuracy: number;
  samplesPerSec: number;
  model: string;
  onnx: string;
  curves: string;
  resumedFromEpoch: number;
}

/** Writes test digits 0-5 as PNG files (28x28 greyscale) and returns their paths. */
async function writeDigitPngs(dir: string): Promise<string[]> {
  const { test } = mnistSplit();
  const files: string[] = [];
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, `digit-${i}.png`);
    const bytes = Buffer.from(Array.from(test.images.subarray(i * 784, (i + 1) * 784), (v) => Math.round(v * 255)));
    await writeImage(file, { data: bytes, width: 28, height: 28, channels: 1 });
    files.push(file);
  }
  return files;
}

describe('dlkit train mnist', () => {
  // One training run that every test reads (none writes into it): each test can run alone.
  const out = path.join(tmp, 'run');
  let first: CliRun;
  let files: string[];
  // Slow (~10-20 s): 2 epochs on 1,500 real digits, then the ONNX export and the curves.
  beforeAll(async () => {
    first = await runCli('train', 'mnist', '--epochs', '2', '--train-samples', '1500', '--out', out, '--json');
    files = await writeDigitPngs(tmp);
  }, 120_000);

  it('trains on the real digits and prints the JSON contract as the last stdout line', async () => {
    expect(first.code).toBe(0);
    const json = first.json<TrainJson>();
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'task',
        'backend',
        'epochs',
        'trainSamples',
        'testSamples',
        'testAccuracy',
        'samplesPerSec',
        'model',
        'onnx',
        'curves',
      ]),
    ); // the keys, in any order
    expect(json).toMatchObject({
      task: 'mnist',
      backend: 'wasm',
      epochs: 2,
      trainSamples: 1500,
      testSamples: 2000,
      resumedFromEpoch: 0,
    });
    // Two epochs on 1,500 digits already beat chance (10 %) by far. (After a single epoch of 24
    // steps batch norm's moving statistics still lag the weights, so test accuracy is not yet
    // meaningful.)
    expect(json.testAccuracy).toBeGreaterThan(0.7);
    expect(json.samplesPerSec).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(json.model, 'model.json'))).toBe(true);
    expect(fs.statSync(json.onnx).size).toBeGreaterThan(10000);
    const png = await readImageInfo(json.curves);
    expect(png.format).toBe('png');
    // progress lines went to stderr, not stdout
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(first.stderr).toMatch(/epoch 2\/2/);
  });

  // Slow (~5-10 s): one more epoch on 1,500 digits.
  it('--resume continues from the checkpoint to more epochs', async () => {
    // Resume a copy, so that the shared run stays as the other tests expect it.
    const copy = path.join(tmp, 'resumed');
    fs.cpSync(out, copy, { recursive: true });
    const r = await runCli(
      'train',
      'mnist',
      '--epochs',
      '3',
      '--train-samples',
      '1500',
      '--out',
      copy,
      '--resume',
      '--json',
    );
    expect(r.code).toBe(0);
    const second = r.json<TrainJson>();
    expect(second.resumedFromEpoch).toBe(2);
    expect(second.epochs).toBe(3);
    expect(r.stderr).not.toMatch(/epoch [12]\/3/); // epochs 1 and 2 were not trained again
    expect(r.stderr).toMatch(/epoch 3\/3/);
  }, 60_000);

  it('predict labels digit PNGs the same with the tfjs model and the ONNX export', async () => {
    const { test } = mnistSplit();
    const viaTfjs = await runCli('predict', '--model', path.join(out, 'model'), ...files, '--json');
    const viaOnnx = await runCli('predict', '--model', path.join(out, 'mnist.onnx'), ...files, '--json');
    expect(viaTfjs.code).toBe(0);
    expect(viaOnnx.code).toBe(0);
    type Predictions = { predictions: { file: string; label: string; score: number }[] };
    const a = viaTfjs.json<Predictions>().predictions;
    const b = viaOnnx.json<Predictions>().predictions;
    expect(a.map((p) => p.file)).toEqual(files);
    expect(b.map((p) => p.label)).toEqual(a.map((p) => p.label));
    a.forEach((p, i) => expect(Math.abs(p.score - b[i].score)).toBeLessThan(1e-3));
    // a 2-epoch model on 1,500 digits (test accuracy > 70 %) gets most of these right
    const correct = a.filter((p, i) => p.label === String(test.labels[i])).length;
    expect(correct).toBeGreaterThanOrEqual(4);
  });

  it('predict names a corrupt image and a missing model, with exit codes 1 and 2', async () => {
    const bad = path.join(tmp, 'bad.png');
    fs.writeFileSync(bad, 'not an image');
    const corrupt = await runCli('predict', '--model', path.join(out, 'mnist.onnx'), bad);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/bad\.png: not a readable image/);
    const missing = await runCli('predict', '--model', path.join(tmp, 'nope.onnx'), bad);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.onnx: not found/);
    const truncated = path.join(tmp, 'truncated.onnx');
    fs.writeFileSync(truncated, fs.readFileSync(path.join(out, 'mnist.onnx')).subarray(0, 200));
    const broken = await runCli('predict', '--model', truncated, files[0]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/truncated\.onnx: not a valid ONNX model/);
  });
});
