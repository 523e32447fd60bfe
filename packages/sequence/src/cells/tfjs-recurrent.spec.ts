import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak, maxAbsDiff } from '@dlkit/core/testing';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';
import { loadWeightsIntoScratch, recurrentLayer, tfjsKindOf, weightsFromScratch } from './tfjs-recurrent';
import type { RecurrentLayerOptions } from './tfjs-recurrent';

beforeAll(async () => {
  await initBackend();
});

const nX = 3;
const nA = 5;

function makeCell(kind: 'simpleRNN' | 'lstm' | 'gru', returnSequences: boolean, seed: number): SimpleRNN | LSTM | GRU {
  const options = { units: nA, inputDim: nX, returnSequences, seed };
  const cell = kind === 'simpleRNN' ? new SimpleRNN(options) : kind === 'lstm' ? new LSTM(options) : new GRU(options);
  // non-zero biases so that the bias mapping (and the GRU's sign flip) is tested too
  for (const [key, v] of Object.entries(cell.params))
    if (key.startsWith('b')) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', seed + key.charCodeAt(1)));
  return cell;
}

/** max |scratch - tfjs| of the outputs for the same weights and input. */
function parity(
  cell: SimpleRNN | LSTM | GRU,
  x: tf.Tensor,
  extra: Partial<RecurrentLayerOptions> = {},
  weights = weightsFromScratch(cell),
): number {
  const layer = recurrentLayer({
    cell: tfjsKindOf(cell),
    units: cell.units,
    returnSequences: cell.returnSequences,
    ...extra,
  });
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights
  layer.setWeights(weights);
  tf.dispose(weights);
  const ours = cell.forward(x, { training: false });
  const theirs = layer.apply(x) as tf.Tensor;
  expect(theirs.shape).toEqual(ours.shape);
  const d = maxAbsDiff(ours, theirs);
  tf.dispose([ours, theirs]);
  layer.dispose();
  return d;
}

describe('scratch cells equal tfjs-layers simpleRNN / lstm / gru on the same weights', () => {
  const x = () => tf.randomNormal([4, 7, nX], 0, 1, 'float32', 21);

  test.each([
    ['simpleRNN', true],
    ['simpleRNN', false],
    ['lstm', true],
    ['lstm', false],
    ['gru', true],
    ['gru', false],
  ] as const)('%s, returnSequences %s: within 1e-5', (kind, returnSequences) => {
    const cell = makeCell(kind, returnSequences, 3);
    const input = x();
    const d = parity(cell, input);
    expect(d).toBeLessThan(1e-5);
    cell.dispose();
    input.dispose();
  });

  test('the mapping matters: tfjs default hardSigmoid gates, or the GRU update gate without its sign flip, do not match', () => {
    const input = x();
    const lstm = makeCell('lstm', true, 4);
    expect(parity(lstm, input, { recurrentActivation: 'hardSigmoid' })).toBeGreaterThan(1e-3);
    const gru = makeCell('gru', true, 5);
    const [kernel, recurrent, bias] = weightsFromScratch(gru);
    // undo the sign flip of the z block (columns 0..nA-1)
    const flipZ = (t: tf.Tensor): tf.Tensor =>
      tf.concat([tf.neg(tf.slice(t, [0, 0], [t.shape[0], nA])), tf.slice(t, [0, nA], [t.shape[0], 2 * nA])], 1);
    const unflipped = [
      flipZ(kernel),
      flipZ(recurrent),
      tf.concat([tf.neg(tf.slice(bias, 0, nA)), tf.slice(bias, nA, 2 * nA)]),
    ];
    tf.dispose([kernel, recurrent, bias]);
    expect(parity(gru, input, {}, unflipped)).toBeGreaterThan(1e-2);
    tf.dispose(input);
    lstm.dispose();
    gru.dispose();
  });

  test('loadWeightsIntoScratch is the inverse mapping (tfjs -> scratch -> tfjs round trip), and validates', () => {
    for (const kind of ['simpleRNN', 'lstm', 'gru'] as const) {
      const layer = recurrentLayer({ cell: kind, units: nA, returnSequences: true, seed: 6 });
      const input = x();
      tf.dispose(layer.apply(input) as tf.Tensor);
      const cell =
        kind === 'simpleRNN'
          ? new SimpleRNN({ units: nA, returnSequences: true })
          : kind === 'lstm'
            ? new LSTM({ units: nA, returnSequences: true })
            : new GRU({ units: nA, returnSequences: true });
      const original = layer.getWeights();
      loadWeightsIntoScratch(cell, original);
      expect(cell.inputDim).toBe(nX);
      const back = weightsFromScratch(cell);
      back.forEach((w, i) => expect(maxAbsDiff(w, original[i])).toBe(0));
      const ours = cell.forward(input, { training: false });
      const theirs = layer.apply(input) as tf.Tensor;
      expect(maxAbsDiff(ours, theirs)).toBeLessThan(1e-5);
      expect(() => loadWeightsIntoScratch(cell, original.slice(0, 2))).toThrow(
        'expected [kernel, recurrentKernel, bias], got 2 tensors',
      );
      tf.dispose([...back, ours, theirs, input]);
      cell.dispose();
      layer.dispose();
    }
    const lstm = new LSTM({ units: 2, inputDim: 3 });
    expect(() => loadWeightsIntoScratch(lstm, [tf.zeros([3, 6]), tf.zeros([2, 8]), tf.zeros([8])])).toThrow(
      'kernel of a lstm with 2 units has shape [3,6], expected [3,8]',
    );
    expect(() => weightsFromScratch(new GRU({ units: 2 }))).toThrow('has no weights yet');
    expect(() => recurrentLayer({ cell: 'transformer' as never, units: 2 })).toThrow(
      "cell must be one of simpleRNN, lstm, gru, got 'transformer'",
    );
    lstm.dispose();
  });

  test('weight mapping leaks nothing', async () => {
    const cell = makeCell('gru', false, 8);
    await expectNoLeak(() => tf.dispose(weightsFromScratch(cell)));
    const w = weightsFromScratch(cell);
    await expectNoLeak(() => loadWeightsIntoScratch(cell, w));
    tf.dispose(w);
    cell.dispose();
  });
});

// The speed numbers in docs/cells.md: packages/sequence/bench/lstm-speed.js.
