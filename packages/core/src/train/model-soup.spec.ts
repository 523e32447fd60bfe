import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { tinyClassifier } from './__fixtures__/tiny';
import { averageModelWeights } from './model-soup';

beforeAll(() => initBackend());

describe('averageModelWeights', () => {
  it('sets every weight of the target to the element-wise mean of the ingredients', () => {
    const [a, b, c] = [1, 2, 3].map((seed) => tinyClassifier(seed));
    const expected = a
      .getWeights()
      .map((w, i) => tf.tidy(() => w.add(b.getWeights()[i]).add(c.getWeights()[i]).div(3).arraySync()));
    const target = tinyClassifier(9);
    averageModelWeights(target, [a, b, c]);
    target.getWeights().forEach((w, i) => {
      const got = (w.dataSync() as Float32Array).slice();
      const want = (expected[i] as number[] | number[][]).flat();
      want.forEach((v, j) => expect(got[j]).toBeCloseTo(v, 6));
    });
    // Worked out by hand for one entry: the mean of three numbers.
    const bias = (m: tf.LayersModel) => m.getWeights()[1].dataSync()[0];
    expect(bias(target)).toBeCloseTo((bias(a) + bias(b) + bias(c)) / 3, 6);
  });

  it('averages into one of its ingredients and frees what it computes', () => {
    const a = tinyClassifier(1);
    const b = tinyClassifier(2);
    const firstB = b.getWeights()[0].dataSync()[0];
    const firstA = a.getWeights()[0].dataSync()[0];
    const before = tf.memory().numTensors;
    averageModelWeights(a, [a, b]);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.getWeights()[0].dataSync()[0]).toBeCloseTo((firstA + firstB) / 2, 6);
  });

  it('names the weight whose shape differs, and refuses an empty list', () => {
    expect(() => averageModelWeights(tinyClassifier(1), [tinyClassifier(2, { hidden: 4 })])).toThrow(
      /weight 0 \(.*kernel\) is \[2,4\] in model 0 .* \[2,8\] in the target/,
    );
    expect(() => averageModelWeights(tinyClassifier(1), [])).toThrow(/no models/);
  });
});
