/**
 * Regenerates the style-transfer pictures of the README (a maintainer's script, not part of the
 * package: compiled by `npm run build` into scripts/dist, which the package does not ship):
 *   npm run build && node packages/vision/scripts/dist/render-docs-figures.js packages/vision/docs
 * 1. style-transfer.png: content | style | result of `runStyleTransfer` with the defaults (256 px).
 * 2. style-random-scales.png: texture synthesis from noise (style cost only) with the random net
 *    using only its finest layer vs all four scales, next to the target texture: the evidence for
 *    choosing a multi-scale random network as the offline default.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { imageGrid, initBackend, writePng } from '@dlkit/core';
import {
  randomFeatureNet,
  readRgbImage,
  renderBrushStyle,
  renderContentScene,
  runStyleTransfer,
  styleTransfer,
  writeRgbPng,
} from '@dlkit/vision';

async function strip(files: string[], labels: string[], out: string, size: number): Promise<void> {
  const tiles = files.map((f, i) => ({ image: fs.readFileSync(f), caption: [{ text: labels[i], size: 13 }] }));
  const png = await imageGrid(tiles, {
    columns: files.length,
    tileWidth: size,
    gap: 6,
    margin: 0,
    captionHeight: 22,
    captionAlign: 'center',
    png: { compressionLevel: 9, palette: true, colours: 128 }, // quantised: keeps the docs PNGs < 300 KB
  });
  writePng(out, png);
}

export async function renderStyleDocsFigures(outDir: string): Promise<void> {
  await initBackend();
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-style-docs-'));
  const content = path.join(tmp, 'content.png');
  const style = path.join(tmp, 'style.png');
  fs.writeFileSync(content, await renderContentScene(256));
  fs.writeFileSync(style, await renderBrushStyle(256));
  const result = path.join(tmp, 'stylized.png');
  const r = await runStyleTransfer({ content, style, output: result });
  console.error(
    `style transfer: style loss ${r.styleLoss[0].toExponential(3)} -> ${r.styleLoss[1].toExponential(3)}, ${r.seconds.toFixed(1)} s`,
  );
  await strip(
    [content, style, result],
    ['content', 'style', `result (${r.steps} steps)`],
    path.join(outDir, 'style-transfer.png'),
    256,
  );

  // Texture synthesis from noise: style cost only, 128 px.
  const size = 128;
  const target = await readRgbImage(style, size, 'style image');
  const noise = tf.randomUniform([1, size, size, 3], 0.3, 0.7, 'float32', 5) as tf.Tensor4D;
  const files: string[] = [];
  for (const layers of [['conv1'], ['conv1', 'conv2', 'conv3', 'conv4']]) {
    const net = randomFeatureNet();
    const s = styleTransfer(noise, target, {
      featureNet: net,
      contentLayer: 'conv1',
      styleLayers: layers,
      contentWeight: 0,
      steps: 150,
      noise: 0,
    });
    const f = path.join(tmp, `synth-${layers.length}.png`);
    await writeRgbPng(f, s.image);
    console.error(
      `synthesis with ${layers.join(',')}: style loss ${s.styleLoss[0].toExponential(3)} -> ${s.styleLoss[s.styleLoss.length - 1].toExponential(3)}`,
    );
    s.image.dispose();
    net.dispose();
    files.push(f);
  }
  const targetFile = path.join(tmp, 'target.png');
  await writeRgbPng(targetFile, target);
  tf.dispose([target, noise]);
  await strip(
    [targetFile, ...files],
    ['target texture', 'random net, conv1 only', 'random net, conv1-conv4'],
    path.join(outDir, 'style-random-scales.png'),
    200,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (require.main === module) {
  renderStyleDocsFigures(process.argv[2] ?? 'packages/vision/docs').catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
