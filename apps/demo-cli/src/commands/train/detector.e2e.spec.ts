// `dlkit train detector` end to end on a tiny run (the 0.85 mAP target is measured by the default
// run and reported in packages/vision/docs/detection.md): the JSON contract, the files, the loss
// falling, no tensor leak across the run, and `dlkit detect` on the trained model (tfjs and ONNX).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, readImageInfo } from '@dlkit/core';
import { SCENE_DETECTOR_CONFIG, SceneDataset, rgbToPng } from '@dlkit/vision';
import { runCli, type CliRun } from '../../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-detector-'));
beforeAll(async () => {
  await initBackend();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface TrainJson {
  task: string;
  map50: number;
  perClassAp: Record<string, number>;
  testScenes: number;
  model: string;
  onnx: string;
  examples: string;
  loss: [number, number];
}

describe('dlkit train detector', () => {
  // One training run that every test reads (none writes into it): each test can run alone.
  const out = path.join(tmp, 'run');
  let training: CliRun;
  let tensorsBefore: number;
  let tensorsAfter: number;
  // Slow (~5-10 s): 2 epochs of the detector on 64 generated scenes, then its ONNX export.
  beforeAll(async () => {
    tensorsBefore = tf.memory().numTensors;
    training = await runCli(
      'train',
      'detector',
      '--scenes',
      '64',
      '--epochs',
      '2',
      '--test-scenes',
      '20',
      '--out',
      out,
      '--json',
    );
    tensorsAfter = tf.memory().numTensors;
  }, 120_000);

  it('trains on generated scenes and prints the JSON contract', async () => {
    expect(training.stderr).toMatch(/epoch 2\/2/);
    expect(training.code).toBe(0);
    const result = training.json<TrainJson>();
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['task', 'map50', 'perClassAp', 'testScenes', 'model', 'onnx', 'examples']),
    ); // the keys, in any order
    expect(result.task).toBe('detector');
    expect(result.testScenes).toBe(20);
    expect(Object.keys(result.perClassAp).sort()).toEqual(['circle', 'square', 'triangle']);
    expect(result.map50).toBeGreaterThanOrEqual(0);
    expect(result.map50).toBeLessThanOrEqual(1);
    expect(result.loss[1]).toBeLessThan(result.loss[0]);
    expect(fs.existsSync(path.join(result.model, 'model.json'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(result.model, 'detector.json'), 'utf8'))).toEqual(
      SCENE_DETECTOR_CONFIG,
    );
    expect(JSON.parse(fs.readFileSync(`${result.onnx}.json`, 'utf8'))).toEqual(SCENE_DETECTOR_CONFIG);
    expect((await readImageInfo(result.examples)).format).toBe('png');
    expect(tensorsAfter).toBe(tensorsBefore);
  });

  // Slow (~3-5 s): one more epoch.
  it('--resume continues from the checkpoint', async () => {
    // Resume a copy, so that the shared run stays as the other tests expect it.
    const copy = path.join(tmp, 'resumed');
    fs.cpSync(out, copy, { recursive: true });
    const r = await runCli(
      'train',
      'detector',
      '--scenes',
      '64',
      '--epochs',
      '3',
      '--test-scenes',
      '20',
      '--out',
      copy,
      '--resume',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/epoch 1\/3/); // epochs 1-2 come from the checkpoint
    expect(r.stderr).toMatch(/epoch 3\/3/);
    expect(r.json<TrainJson & { epochs: number }>().epochs).toBe(3);
  }, 60_000);

  it('dlkit detect serves the trained model from the tfjs directory and the ONNX export alike', async () => {
    const result = training.json<TrainJson>();
    const scene = new SceneDataset(1, SCENE_DETECTOR_CONFIG, 5, 'test').scene(0);
    // Upscaled 2x: the boxes come back in the 128x128 image's pixels.
    const file = path.join(tmp, 'scene.png');
    fs.writeFileSync(file, await rgbToPng(scene.pixels, 64, 64, 2));
    const run = async (model: string) => {
      const r = await runCli(
        'detect',
        '--model',
        model,
        file,
        '--score',
        '0.01',
        '--out',
        path.join(tmp, 'det'),
        '--json',
      );
      expect(r.code).toBe(0);
      return r.json<{
        detections: { file: string; label: string; score: number; box: number[] }[];
        images: string[];
      }>();
    };
    const a = await run(result.model);
    const b = await run(result.onnx);
    expect(a.detections.length).toBeGreaterThan(0);
    expect(b.detections.map((d) => d.label)).toEqual(a.detections.map((d) => d.label));
    a.detections.forEach((d, i) =>
      d.box.forEach((v, k) => expect(Math.abs(b.detections[i].box[k] - v)).toBeLessThan(0.05)),
    );
    for (const d of a.detections) for (const v of d.box) expect(v >= 0 && v <= 128).toBe(true);
    expect((await readImageInfo(a.images[0])).width).toBe(128);
  });
});
