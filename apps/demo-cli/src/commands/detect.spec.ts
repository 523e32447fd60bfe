// `dlkit detect` on the pretrained (YOLOv8-style) path: a stub ONNX export whose output is a
// constant [1, 4 + C, N] of known candidates, run on non-square images, with the letterbox
// mapping worked out by hand; plus the shape errors.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GraphBuilder, encodeModel, readImageInfo, writeImage } from '@dlkit/core';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-detect-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An ONNX graph with input [1, channels, 64, 64] and a constant output of the given shape. */
function stubModel(
  file: string,
  output: number[][],
  opts: { channels?: number; outShape?: number[]; names?: string } = {},
): string {
  const g = new GraphBuilder({ opset: 17 });
  g.addInput('images', [1, opts.channels ?? 3, 64, 64], [1, opts.channels ?? 3, 64, 64]);
  const rows = output.length;
  const n = output[0].length;
  const shape = opts.outShape ?? [1, rows, n];
  const values = g.initializer('candidates', Float32Array.from(output.flat()), shape);
  g.addOutput(g.value(values, shape, null), 'output0', shape);
  const bytes = encodeModel({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'dlkit-test',
    graph: g.build('yolov8_stub'),
    metadataProps: opts.names ? [{ key: 'names', value: opts.names }] : [],
  });
  fs.writeFileSync(file, bytes);
  return file;
}

// Five candidates in input (64×64) pixels; rows cx, cy, w, h, score(cat), score(dog).
//  #0 (32, 32, 32×16) cat 0.9 -> corners [16, 24, 48, 40]
//  #1 (33, 32, 32×16) cat 0.8: IoU with #0 = 31·16 / (512 + 512 - 496) = 0.94 > 0.45 -> suppressed by NMS
//  #2 (32, 32, 32×16) dog 0.7: same box as #0 but another class -> kept (class-wise NMS)
//  #3 (60, 20, 16×16) dog 0.6 -> corners [52, 12, 68, 28]
//  #4 (10, 40, 8×8) best score 0.2 < 0.25 -> dropped
const CANDIDATES = [
  [32, 33, 32, 60, 10],
  [32, 32, 32, 20, 40],
  [32, 32, 32, 16, 8],
  [16, 16, 16, 16, 8],
  [0.9, 0.8, 0.1, 0.05, 0.2],
  [0.1, 0.2, 0.7, 0.6, 0.1],
];

async function noiseImage(file: string, width: number, height: number, channels: 1 | 3 = 3): Promise<string> {
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 251;
  await writeImage(file, { data, width, height, channels });
  return file;
}

interface DetectJson {
  detections: { file: string; label: string; score: number; box: number[] }[];
  images: string[];
}

describe('dlkit detect (YOLOv8-style ONNX)', () => {
  const model = stubModel(path.join(tmp, 'yolov8-stub.onnx'), CANDIDATES, { names: "{0: 'cat', 1: 'dog'}" });

  it('letterboxes a wide image and maps the boxes back exactly', async () => {
    // 256×128 -> scale min(64/128, 64/256) = 0.25, content 64×32, pad left round(0 - 0.1) = 0, top round(16 - 0.1) = 16.
    // Back: x = (x' - 0) / 0.25, y = (y' - 16) / 0.25, clipped to 256×128:
    //  [16, 24, 48, 40] -> [64, 32, 192, 96];  [52, 12, 68, 28] -> [208, -16, 272, 48] -> clipped [208, 0, 256, 48].
    const wide = await noiseImage(path.join(tmp, 'wide.png'), 256, 128);
    const out = path.join(tmp, 'out-wide');
    const r = await runCli('detect', '--model', model, wide, '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = r.json<DetectJson>();
    expect(json.detections).toEqual([
      { file: wide, label: 'cat', score: 0.9, box: [64, 32, 192, 96] },
      { file: wide, label: 'dog', score: 0.7, box: [64, 32, 192, 96] },
      { file: wide, label: 'dog', score: 0.6, box: [208, 0, 256, 48] },
    ]);
    expect(json.images).toHaveLength(1);
    const meta = await readImageInfo(json.images[0]);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 128]);
  });

  it('letterboxes a tall image (padding left/right), with --labels and --score', async () => {
    // 128×256 -> scale 0.25, content 32×64, pad left round(16 - 0.1) = 16, top 0.
    //  [16, 24, 48, 40] -> [0, 96, 128, 160];  [52, 12, 68, 28] -> [144, 48, 208, 112] -> clipped [128, 48, 128, 112].
    const tall = await noiseImage(path.join(tmp, 'tall.png'), 128, 256, 1); // greyscale: expanded to RGB
    const labels = path.join(tmp, 'labels.txt');
    fs.writeFileSync(labels, 'left\nright\n');
    const r = await runCli(
      'detect',
      '--model',
      model,
      tall,
      '--labels',
      labels,
      '--score',
      '0.65',
      '--out',
      path.join(tmp, 'out-tall'),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.json<DetectJson>().detections).toEqual([
      { file: tall, label: 'left', score: 0.9, box: [0, 96, 128, 160] },
      { file: tall, label: 'right', score: 0.7, box: [0, 96, 128, 160] },
    ]);
  });

  it('rejects an output that is not [1, 4 + C, N], naming the file', async () => {
    const bad = stubModel(path.join(tmp, 'bad-output.onnx'), CANDIDATES, { outShape: [6, 5] });
    const img = await noiseImage(path.join(tmp, 'small.png'), 40, 30);
    const r = await runCli('detect', '--model', bad, img, '--out', path.join(tmp, 'o'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/output 'output0' is \[6, 5\].*\[1, 4 \+ classes, N\]/);
  });

  it('rejects an input that is not 3-channel NCHW', async () => {
    const grey = stubModel(path.join(tmp, 'grey-input.onnx'), CANDIDATES, { channels: 1 });
    const img = await noiseImage(path.join(tmp, 'small2.png'), 40, 30);
    const r = await runCli('detect', '--model', grey, img, '--out', path.join(tmp, 'o'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${grey}: input has 1 channels at axis 1, expected 3`);
  });

  it('rejects a labels file with the wrong class count, and a corrupt image', async () => {
    const labels = path.join(tmp, 'three.txt');
    fs.writeFileSync(labels, 'a\nb\nc\n');
    const img = await noiseImage(path.join(tmp, 'small3.png'), 40, 30);
    let r = await runCli('detect', '--model', model, img, '--labels', labels, '--out', path.join(tmp, 'o'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the model has 2 classes, the labels file gives 3/);
    const broken = path.join(tmp, 'broken.png');
    fs.writeFileSync(broken, 'not a png');
    r = await runCli('detect', '--model', model, broken, '--out', path.join(tmp, 'o'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${broken}: not a readable image`);
  });

  it('usage errors exit 2', async () => {
    const r = await runCli('detect', '--model', model, path.join(tmp, 'missing.png'), '--json');
    expect(r.code).toBe(2);
    expect((await runCli('detect', '--model', model, path.join(tmp, 'wide.png'), '--score', '2')).code).toBe(2);
  });
});
