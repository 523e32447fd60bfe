import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { NAMES_CHAR_LM, charLanguageModel } from './model';

describe('charLanguageModel', () => {
  beforeAll(() => initBackend());

  it.each(['lstm', 'gru'] as const)(
    '%s: a softmax over the vocabulary at every step, for inputs of any length',
    async (cell) => {
      const model = charLanguageModel({ ...NAMES_CHAR_LM, cell, units: 8, embeddingDim: 4 }, 6);
      for (const steps of [1, 5]) {
        const x = tf.zeros([3, steps], 'int32');
        const p = model.predict(x) as tf.Tensor; // [3, steps, 6]
        expect(p.shape).toEqual([3, steps, 6]);
        const sums = (await tf.sum(p, -1).data()) as Float32Array;
        sums.forEach((s) => expect(s).toBeCloseTo(1, 5));
        tf.dispose([x, p]);
      }
      // The output at step t does not depend on later inputs (causal: right padding is harmless).
      const a = model.predict(tf.tensor2d([[1, 2, 3, 0, 0]], [1, 5], 'int32')) as tf.Tensor;
      const b = model.predict(tf.tensor2d([[1, 2, 3, 4, 5]], [1, 5], 'int32')) as tf.Tensor;
      expect(Array.from(tf.slice(a, [0, 0, 0], [1, 3, 6]).dataSync())).toEqual(
        Array.from(tf.slice(b, [0, 0, 0], [1, 3, 6]).dataSync()),
      );
      tf.dispose([a, b]);
      model.dispose();
    },
  );

  it('the same seed builds the same weights, another seed different ones', () => {
    const weights = (seed: number) => {
      const m = charLanguageModel({ ...NAMES_CHAR_LM, units: 8, embeddingDim: 4, seed }, 5);
      const w = m.getWeights().map((t) => Array.from(t.dataSync()));
      m.dispose();
      return w;
    };
    expect(weights(3)).toEqual(weights(3));
    expect(weights(3)[0]).not.toEqual(weights(4)[0]);
  });

  it('validates its config', () => {
    expect(() => charLanguageModel({ ...NAMES_CHAR_LM, units: 0 }, 5)).toThrow(
      'units must be a positive integer, got 0',
    );
    expect(() => charLanguageModel({ ...NAMES_CHAR_LM, cell: 'rnn' as 'lstm' }, 5)).toThrow(
      /cell must be 'lstm' or 'gru'/,
    );
    expect(() => charLanguageModel(NAMES_CHAR_LM, 1)).toThrow(/vocabSize/);
  });

  it('leaks no tensor in a forward pass', async () => {
    const model = charLanguageModel({ ...NAMES_CHAR_LM, units: 8, embeddingDim: 4 }, 5);
    await expectNoLeak(() => tf.dispose(tf.tidy(() => model.predict(tf.ones([2, 4], 'int32')))));
    model.dispose();
  });
});
