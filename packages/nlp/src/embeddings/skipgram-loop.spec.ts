import { SkipgramArrays, runSkipgramThread } from './skipgram-loop';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('runSkipgramThread', () => {
  it('applies the negative-sampling updates worked out by hand on a two-word sentence', () => {
    // vocabulary {0, 1}, dim 2, sentence [0, 1], every word kept, window 1, one noise word (always 1)
    const input = Float32Array.from([0.1, -0.2, 0.3, 0.4]);
    const output = Float32Array.from([0.5, 0.1, -0.3, 0.2]);
    const arrays: SkipgramArrays = {
      input: input.slice(),
      output: output.slice(),
      ids: Int32Array.from([0, 1]),
      sentenceStarts: Int32Array.from([0, 2]),
      keep: Float32Array.from([2, 2]),
      noise: Int32Array.from([1]),
      progress: new Int32Array(1),
    };
    const lr = 0.1;
    const tokens = runSkipgramThread(arrays, {
      dim: 2,
      window: 1,
      negative: 1,
      epochs: 1,
      lr,
      seed: 1,
      thread: 0,
      threads: 1,
    });
    expect(tokens).toBe(2);
    expect(arrays.progress[0]).toBe(2);
    // the expected values, in float64; σ comes from a 512-entry table, so compare to ~1e-2 relative
    const w = [Array.from(input.subarray(0, 2)), Array.from(input.subarray(2))];
    const c = [Array.from(output.subarray(0, 2)), Array.from(output.subarray(2))];
    const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1];
    // pair 1: centre 0, context 1 (label 1); the noise word 1 equals the context and is skipped
    let g = lr * (1 - sigmoid(dot(w[0], c[1])));
    const grad0 = c[1].map((x) => g * x);
    c[1] = c[1].map((x, i) => x + g * w[0][i]);
    w[0] = w[0].map((x, i) => x + grad0[i]);
    // pair 2: centre 1, context 0 (label 1), then noise word 1 (label 0)
    g = lr * (1 - sigmoid(dot(w[1], c[0])));
    const grad1 = c[0].map((x) => g * x);
    c[0] = c[0].map((x, i) => x + g * w[1][i]);
    const gNoise = lr * (0 - sigmoid(dot(w[1], c[1])));
    c[1].forEach((x, i) => (grad1[i] += gNoise * x));
    c[1] = c[1].map((x, i) => x + gNoise * w[1][i]);
    w[1] = w[1].map((x, i) => x + grad1[i]);
    [...w.flat(), ...c.flat()].forEach((x, i) => expect([...arrays.input, ...arrays.output][i]).toBeCloseTo(x, 3));
    // and the weights did move
    expect(arrays.output[2]).not.toBeCloseTo(output[2], 4);
  });
});
