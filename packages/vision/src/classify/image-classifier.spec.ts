// Every architecture builds, has the blocks it claims (identity / projection shortcuts,
// depthwise convs, linear bottlenecks), trains one step on wasm without leaking tensors, and
// exports to ONNX with outputs equal to tfjs within 1e-4.
import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { IMAGE_ARCHS, buildImageClassifier } from './image-classifier';

beforeAll(async () => {
  await initBackend();
});

describe('buildImageClassifier', () => {
  it.each(IMAGE_ARCHS)(
    '%s: builds, trains a step without leaking, exports to ONNX with parity ≤ 1e-4',
    async (arch) => {
      const model = buildImageClassifier({ arch, inputShape: [32, 32, 3], classes: 3, seed: 1, l2: 1e-4 });
      try {
        expect(model.outputs[0].shape).toEqual([null, 3]);
        const x = tf.randomUniform([4, 32, 32, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
        const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat();
        const optimizer = tf.train.adam(1e-3);
        const step = () =>
          tf.tidy(() => {
            const cost = optimizer.minimize(
              () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
              true,
            );
            return cost?.dataSync()[0] ?? NaN;
          });
        step(); // creates the optimizer's slots
        await expectNoLeak(() => step(), 2);
        const losses = Array.from({ length: 5 }, step);
        expect(losses[4]).toBeLessThan(losses[0]); // it learns (4 fixed examples)
        const { maxAbsDiff } = await onnxParity(model, x);
        expect(maxAbsDiff).toBeLessThan(1e-4);
        optimizer.dispose();
        tf.dispose([x, y]);
      } finally {
        model.dispose();
      }
    },
  );

  it('resnet has identity and 1x1 projection shortcuts; mobilenet has depthwise convs, linear bottlenecks and residual adds', () => {
    const resnet = buildImageClassifier({ arch: 'resnet', inputShape: [32, 32, 3], classes: 2 });
    const names = resnet.layers.map((l) => l.name);
    expect(names).toContain('res1_add');
    expect(names).not.toContain('res1_proj'); // same shape: identity
    const proj = resnet.getLayer('res2_proj').getConfig();
    expect(proj.kernelSize).toEqual([1, 1]);
    expect(proj.strides).toEqual([2, 2]);
    const mobile = buildImageClassifier({ arch: 'mobilenet', inputShape: [32, 32, 3], classes: 2 });
    expect(mobile.layers.filter((l) => l.getClassName() === 'DepthwiseConv2D').length).toBe(5);
    expect(mobile.getLayer('ir1_project').getConfig().activation).toBe('linear');
    expect(mobile.layers.map((l) => l.name)).toEqual(expect.arrayContaining(['ir2_add', 'ir4_add']));
    expect(mobile.layers.map((l) => l.name)).not.toContain('ir1_add'); // stride 2: no residual
    resnet.dispose();
    mobile.dispose();
  });

  it('l2 sets a kernel regularizer on every conv/dense kernel; dropout adds a Dropout layer that exports as identity', async () => {
    const model = buildImageClassifier({ arch: 'small', inputShape: [16, 16, 1], classes: 2, l2: 1e-3, dropout: 0.3 });
    const withKernel = model.layers.filter((l) => ['Conv2D', 'Dense'].includes(l.getClassName()));
    expect(withKernel.length).toBe(4);
    for (const l of withKernel)
      expect((l.getConfig().kernelRegularizer as { config: { l2: number } }).config.l2).toBeCloseTo(1e-3, 9);
    expect(model.getLayer('dropout').getConfig().rate).toBe(0.3);
    const x = tf.randomUniform([2, 16, 16, 1], 0, 1, 'float32', 1);
    expect((await onnxParity(model, x)).maxAbsDiff).toBeLessThan(1e-4); // inference: dropout is the identity
    x.dispose();
    model.dispose();
    const plain = buildImageClassifier({ arch: 'small', inputShape: [16, 16, 1], classes: 2 });
    expect(plain.layers.some((l) => l.getClassName() === 'Dropout')).toBe(false);
    expect(plain.getLayer('classes').getConfig().kernelRegularizer).toBeNull();
    plain.dispose();
  });

  it('rejects bad configs with the field named', () => {
    expect(() => buildImageClassifier({ arch: 'vgg' as never, inputShape: [32, 32, 3], classes: 2 })).toThrow(
      /arch must be one of small, resnet, mobilenet, got 'vgg'/,
    );
    expect(() => buildImageClassifier({ inputShape: [32, 32, 4], classes: 2 })).toThrow(/inputShape/);
    expect(() => buildImageClassifier({ inputShape: [32, 32, 3], classes: 1 })).toThrow(
      /classes must be an integer ≥ 2, got 1/,
    );
  });
});
