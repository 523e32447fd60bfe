// runStyleTransfer with an ONNX feature network: a small CNN exported by core's ONNX exporter,
// imported back by core's importer and used by layer name (the path a VGG19 .onnx takes).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, readImageInfo, saveOnnx } from '@dlkit/core';
import { renderBrushStyle, renderContentScene } from './demo-images';
import { runStyleTransfer } from './style-task';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-style-onnx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await initBackend();
});

describe('runStyleTransfer with --features <onnx>', () => {
  it('imports the ONNX network, picks its layers by name, and lowers the style loss', async () => {
    const input = tf.input({ shape: [32, 32, 3] });
    let h = tf.layers
      .conv2d({
        filters: 8,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: 1 }),
      })
      .apply(input) as tf.SymbolicTensor;
    h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
    h = tf.layers
      .conv2d({
        filters: 16,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: 2 }),
      })
      .apply(h) as tf.SymbolicTensor;
    const cnn = tf.model({ inputs: input, outputs: h });
    const onnx = path.join(tmp, 'tiny.onnx');
    saveOnnx(cnn, onnx);
    cnn.dispose();
    const content = path.join(tmp, 'c.png');
    const style = path.join(tmp, 's.png');
    fs.writeFileSync(content, await renderContentScene(64));
    fs.writeFileSync(style, await renderBrushStyle(64));
    // An unknown layer name lists the imported model's layers.
    await expect(
      runStyleTransfer({
        content,
        style,
        output: path.join(tmp, 'x.png'),
        size: 32,
        steps: 1,
        features: onnx,
        contentLayer: 'nope',
        styleLayers: ['nope'],
      }),
    ).rejects.toThrow(/tiny\.onnx: no layer named 'nope'; layers are: /);
    const before = tf.memory().numTensors;
    let layers: string[] = [];
    try {
      await runStyleTransfer({
        content,
        style,
        output: path.join(tmp, 'x.png'),
        size: 32,
        steps: 1,
        features: onnx,
        contentLayer: 'nope',
        styleLayers: ['nope'],
      });
    } catch (err) {
      layers = (err as Error).message.split('layers are: ')[1].split(', ');
    }
    const convs = layers.filter((n) => /conv/i.test(n));
    expect(convs.length).toBeGreaterThanOrEqual(2);
    const out = path.join(tmp, 'out.png');
    const r = await runStyleTransfer({
      content,
      style,
      output: out,
      size: 32,
      steps: 30,
      features: onnx,
      contentLayer: convs[convs.length - 1],
      styleLayers: convs,
      imagenetNormalization: false,
      styleWeight: 1e3,
    });
    expect(r.features).toBe(onnx);
    expect(r.styleLoss[1]).toBeLessThan(r.styleLoss[0] / 3);
    expect((await readImageInfo(out)).width).toBe(32);
    expect(tf.memory().numTensors).toBe(before); // images, network and result all freed
  });
});
