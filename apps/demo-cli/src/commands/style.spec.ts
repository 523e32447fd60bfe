// `dlkit style` end to end on rendered PNGs: the JSON contract, the output image, and errors
// that name the bad input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo } from '@dlkit/core';
import { renderBrushStyle, renderContentScene } from '@dlkit/vision';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-style-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const content = path.join(tmp, 'house.png');
const style = path.join(tmp, 'strokes.png');

beforeAll(async () => {
  fs.writeFileSync(content, await renderContentScene(96));
  fs.writeFileSync(style, await renderBrushStyle(96));
});

interface StyleJson {
  task: string;
  output: string;
  styleLoss: [number, number];
  contentLoss: [number, number];
  seconds: number;
  steps: number;
  size: number;
  features: string;
}

describe('dlkit style', () => {
  it('writes the stylised PNG and prints the JSON contract as the last stdout line', async () => {
    const out = path.join(tmp, 'out', 'stylized.png');
    const r = await runCli(
      'style',
      '--content',
      content,
      '--style',
      style,
      '--size',
      '48',
      '--steps',
      '20',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<StyleJson>();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['task', 'output', 'styleLoss', 'contentLoss', 'seconds'])); // the keys, in any order
    expect(j).toMatchObject({ task: 'style', output: out, steps: 20, size: 48, features: 'random' });
    expect(j.styleLoss[1]).toBeLessThan(j.styleLoss[0] / 3);
    const meta = await readImageInfo(out);
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 48, 48, 3]);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/step 20\/20 style/);
  });

  it('names a missing file, a file that is not an image, and missing flags', async () => {
    const missing = await runCli('style', '--content', path.join(tmp, 'nope.png'), '--style', style, '--json');
    expect(missing.code).toBe(2); // a path that does not exist is a usage error (README, "Exit codes")
    expect(missing.stderr).toMatch(/--content .*nope\.png: no such file/);
    const bogus = path.join(tmp, 'notes.png');
    fs.writeFileSync(bogus, 'this is text, not a PNG');
    const bad = await runCli('style', '--content', content, '--style', bogus, '--size', '32', '--steps', '1', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/style image .*notes\.png: not a readable image/);
    const usage = await runCli('style', '--style', style);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--content <file> is required/);
    const layers = await runCli(
      'style',
      '--content',
      content,
      '--style',
      style,
      '--features',
      path.join(tmp, 'vgg.onnx'),
    );
    expect(layers.code).toBe(2);
    expect(layers.stderr).toMatch(/--features needs --content-layer and --style-layers/);
    const onnx = await runCli(
      'style',
      '--content',
      content,
      '--style',
      style,
      '--features',
      path.join(tmp, 'vgg.onnx'),
      '--content-layer',
      'a',
      '--style-layers',
      'b,c',
    );
    expect(onnx.code).toBe(2);
    expect(onnx.stderr).toMatch(/--features .*vgg\.onnx: no such file/);
  });
});
