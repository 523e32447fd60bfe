/**
 * Multi-task training on real MNIST digits: partially labelled training (30% of the labels of each
 * head missing) trains without NaN, the training loop leaks no tensors, and mismatched data is
 * named. Multi-task versus single-task accuracy: multitask.e2e.spec.ts.
 */
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { mnistSplit, selectDigits } from '../datasets/mnist';
import { DIGIT_HEAD, GREATER_THAN_4_HEAD, multiTaskNet } from './model';
import { digitTaskData, evaluateMultiTask, trainMultiTask } from './train';

beforeAll(() => initBackend());

describe('multi-task learning on MNIST', () => {
  // Slow (~2 s): a 2-epoch run on 128 digits, then three more 1-epoch runs inside the leak check.
  it("trains with 30% of each head's labels missing, without NaN or leaks", async () => {
    const { train } = mnistSplit();
    const small = selectDigits(
      train,
      Array.from({ length: 128 }, (_, i) => i),
    );
    const heads = [DIGIT_HEAD, { ...GREATER_THAN_4_HEAD, weight: 0.5 }];
    const data = digitTaskData(small, heads, { missingFraction: 0.3, seed: 5 });
    expect(Array.from(data.targets.digit).filter((t) => t < 0).length).toBe(Math.round(0.3 * 128));
    const model = multiTaskNet({ heads, seed: 2 });
    const history = await trainMultiTask(model, heads, data, { epochs: 2, batchSize: 32, seed: 1 });
    history.forEach((h) => expect(Number.isFinite(h.loss)).toBe(true));
    await expectNoLeak(() => trainMultiTask(model, heads, data, { epochs: 1, batchSize: 64, seed: 2 }), 2);
    await expectNoLeak(() => {
      evaluateMultiTask(model, heads, data);
    }, 2);
    model.dispose();
  }, 30_000);

  it('names what is wrong with mismatched data', async () => {
    const model = multiTaskNet({ heads: [DIGIT_HEAD], seed: 1 });
    const data = {
      images: new Float32Array(784 * 2),
      imageShape: [28, 28, 1],
      count: 2,
      targets: { digits: new Float32Array(2) },
    };
    await expect(trainMultiTask(model, [DIGIT_HEAD], data)).rejects.toThrow(
      "no targets for head 'digit' (have: digits)",
    );
    model.dispose();
    expect(() => multiTaskNet({ heads: [DIGIT_HEAD, DIGIT_HEAD] })).toThrow('head names must be distinct');
  });
});
