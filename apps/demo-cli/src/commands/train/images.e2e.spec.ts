// `dlkit train images` end to end on real MNIST digits written as PNG/JPEG class folders, with
// a corrupt and an empty file that must be reported by name: the JSON contract, the files, the
// usage errors (exit 2 naming the path).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultTrainingWorkers, readImageInfo } from '@dlkit/core';
import { writeDigitImageFolder } from '@dlkit/vision';
import { runCli } from '../../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-images-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const data = path.join(tmp, 'digits');

// Slow (~1-3 s): encodes 180 digits as PNG and JPEG files.
beforeAll(async () => {
  await writeDigitImageFolder(data, { digits: [3, 4, 8], perClass: 60 });
  fs.writeFileSync(path.join(data, 'four', 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  fs.writeFileSync(path.join(data, 'eight', 'zero-bytes.png'), '');
  fs.mkdirSync(path.join(data, 'nothing-here'));
}, 30_000);

interface ImagesJson {
  task: string;
  classes: string[];
  testAccuracy: number;
  workers: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  misclassified: string;
  confusion: string;
  model: string;
  onnx: string;
  skipped: { file: string; reason: string }[];
  emptyClasses: string[];
  samplesPerSec: number;
}

describe('dlkit train images', () => {
  // Slow (~10-30 s): 8 augmented epochs of a CNN on an image folder, the ONNX export, two predict runs.
  it('trains on the folder and prints the JSON contract as the last stdout line', async () => {
    const r = await runCli(
      'train',
      'images',
      '--data',
      data,
      '--size',
      '28',
      '--epochs',
      '8',
      '--batch-size',
      '16',
      '--augment',
      '--out',
      path.join(tmp, 'out'),
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<ImagesJson>();
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'task',
        'classes',
        'testAccuracy',
        'perClass',
        'misclassified',
        'confusion',
        'model',
        'onnx',
      ]),
    ); // the keys, in any order
    expect(j.task).toBe('images');
    expect(j.classes).toEqual(['eight', 'four', 'three']);
    expect(j.testAccuracy).toBeGreaterThan(0.7); // chance 1/3; measured 1.0 (27/27) with these flags
    expect(j.workers).toBe(defaultTrainingWorkers()); // data parallel by default (2 on 2+ cores)
    expect(Object.keys(j.perClass)).toEqual(j.classes);
    expect(j.perClass.four.support).toBe(9);
    expect(j.skipped.map((s) => path.basename(s.file))).toEqual(['zero-bytes.png', 'broken.jpg']);
    expect(j.emptyClasses).toEqual(['nothing-here']);
    expect(r.stderr).toMatch(/warning: skipped 2 unreadable file\(s\).*zero-bytes\.png.*broken\.jpg/);
    expect(r.stderr).toMatch(/nothing-here has no readable/);
    for (const f of [j.misclassified, j.confusion]) expect((await readImageInfo(f)).format).toBe('png');
    expect(fs.existsSync(path.join(j.model, 'model.json'))).toBe(true);
    expect(fs.statSync(j.onnx).size).toBeGreaterThan(10000);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);

    // `dlkit predict` serves the RGB classifier (tfjs dir and ONNX) with its labels.txt, preprocessed as in training.
    const files = ['three', 'four', 'eight'].map((c) => {
      const dir = path.join(data, c);
      return path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.png') && f !== 'zero-bytes.png')[0]);
    });
    type Predictions = { predictions: { file: string; label: string; score: number }[] };
    const viaTfjs = await runCli('predict', '--model', j.model, ...files, '--json');
    const viaOnnx = await runCli('predict', '--model', j.onnx, ...files, '--json');
    expect(viaTfjs.code).toBe(0);
    expect(viaOnnx.code).toBe(0);
    const a = viaTfjs.json<Predictions>().predictions;
    const b = viaOnnx.json<Predictions>().predictions;
    expect(b.map((p) => p.label)).toEqual(a.map((p) => p.label));
    expect(a.every((p) => j.classes.includes(p.label))).toBe(true); // names from labels.txt, not indices
    expect(a.filter((p, i) => p.label === ['three', 'four', 'eight'][i]).length).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it('exits 2 naming the path for a missing --data dir, 1 for a dir without class folders (found by reading it), 2 for a bad --arch', async () => {
    const missing = await runCli('train', 'images', '--data', path.join(tmp, 'nope'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--data .*nope: no such directory/);
    const flat = path.join(tmp, 'flat');
    fs.mkdirSync(flat);
    const noClasses = await runCli('train', 'images', '--data', flat, '--json');
    expect(noClasses.code).toBe(1);
    expect(noClasses.stderr).toMatch(/flat: no class folders/);
    const arch = await runCli('train', 'images', '--data', data, '--arch', 'vgg');
    expect(arch.code).toBe(2);
    expect(arch.stderr).toMatch(/--arch must be one of small, resnet, mobilenet, got 'vgg'/);
  });

  it('rejects --workers 0 as a usage error naming the flag', async () => {
    const r = await runCli('train', 'images', '--data', data, '--workers', '0', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  });
});
