import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { GRADCHECK_THRESHOLD, autodiffCheck } from '@dlkit/core/scratch';
import type { ReferenceForward } from '@dlkit/core/scratch';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { GRU } from './gru';
import { LSTM } from './lstm';
import type { State, StepBackward, StepCache } from './recurrent';
import { SimpleRNN } from './simple-rnn';
import {
  RECURRENT_CELLS,
  RecurrentCellClass,
  manyToManyCheck,
  manyToOneCheck,
  runRecurrentGradcheck,
} from './check-report';

beforeAll(async () => {
  await initBackend();
});

type CellClass = RecurrentCellClass;
const CELLS = RECURRENT_CELLS;

const m = 3;
const T = 4;
const nX = 3;
const nA = 4;

// Independent references in plain tf ops, differentiated by tfjs autodiff (tf.grads).
const REFERENCES: Record<string, ReferenceForward> = {
  SimpleRNN: (x, p) => {
    let a = tf.zeros([x.shape[0], p.Waa.shape[0]]);
    const outs: tf.Tensor[] = [];
    for (const xt of tf.unstack(x, 1))
      outs.push((a = tf.tanh(tf.add(tf.add(tf.matMul(a, p.Waa), tf.matMul(xt, p.Wax)), p.ba))));
    return tf.stack(outs, 1);
  },
  // tf.basicLSTMCell: kernel rows [x; h], gate columns i, j (candidate), f, o
  LSTM: (x, p) => {
    const h = p.bf.shape[0];
    const rows = (W: tf.Tensor): tf.Tensor =>
      tf.concat([tf.slice(W, [h, 0], [W.shape[0] - h, h]), tf.slice(W, [0, 0], [h, h])], 0);
    const kernel = tf.concat([p.Wu, p.Wc, p.Wf, p.Wo].map(rows), 1) as tf.Tensor2D;
    const bias = tf.concat([p.bu, p.bc, p.bf, p.bo], 0) as tf.Tensor1D;
    let c = tf.zeros([x.shape[0], h]) as tf.Tensor2D;
    let a = tf.zeros([x.shape[0], h]) as tf.Tensor2D;
    const outs: tf.Tensor[] = [];
    for (const xt of tf.unstack(x, 1)) {
      [c, a] = tf.basicLSTMCell(0, kernel, bias, xt as tf.Tensor2D, c, a);
      outs.push(a);
    }
    return tf.stack(outs, 1);
  },
  // the course's formulas, with each W split into its state rows and input rows
  GRU: (x, p) => {
    const h = p.bu.shape[0];
    const split = (W: tf.Tensor): [tf.Tensor, tf.Tensor] => [
      tf.slice(W, [0, 0], [h, h]),
      tf.slice(W, [h, 0], [W.shape[0] - h, h]),
    ];
    const [Uu, Xu] = split(p.Wu);
    const [Ur, Xr] = split(p.Wr);
    const [Uc, Xc] = split(p.Wc);
    let c: tf.Tensor = tf.zeros([x.shape[0], h]);
    const outs: tf.Tensor[] = [];
    for (const xt of tf.unstack(x, 1)) {
      const u = tf.sigmoid(tf.add(tf.add(tf.matMul(c, Uu), tf.matMul(xt, Xu)), p.bu));
      const r = tf.sigmoid(tf.add(tf.add(tf.matMul(c, Ur), tf.matMul(xt, Xr)), p.br));
      const cTilde = tf.tanh(tf.add(tf.add(tf.matMul(tf.mul(r, c), Uc), tf.matMul(xt, Xc)), p.bc));
      outs.push((c = tf.add(c, tf.mul(u, tf.sub(cTilde, c))))); // u c̃ + (1 - u) c
    }
    return tf.stack(outs, 1);
  },
};

describe.each(CELLS)('%s', (label, Cell) => {
  // Slow (~1-5 s): numeric gradients, two forward passes per checked entry.
  test('passes gradient checking, many-to-many (softmax over every step) and many-to-one (MSE on a<T>)', () => {
    const many = manyToManyCheck(Cell);
    const one = manyToOneCheck(Cell);
    for (const r of [many, one]) {
      expect(r.passed).toBe(true);
      expect(r.relativeDifference).toBeLessThan(GRADCHECK_THRESHOLD);
    }
    expect(many.entries.map((e) => e.key)).toContain('timeDistributedDense1.W');
    expect(many.entries.find((e) => e.key === 'input')!.checked).toBe(m * T * nX);
  }, 30_000);

  test('backward equals tfjs autodiff of an independent tf-ops forward', async () => {
    const cell = new Cell({ units: nA, inputDim: nX, returnSequences: true, seed: 7 });
    // non-zero biases, so that every bias gradient path is exercised
    for (const [key, v] of Object.entries(cell.params))
      if (key.startsWith('b')) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', key.length + 11));
    const x = tf.randomNormal([m, 5, nX], 0, 1, 'float32', 8);
    const cmp = await autodiffCheck(cell, REFERENCES[label], x, { referenceBackend: 'cpu', seed: 9 });
    expect(cmp.map((c) => c.key)).toEqual(['output', 'input', ...Object.keys(cell.params)]);
    for (const c of cmp) {
      expect(c.scale).toBeGreaterThan(1e-3);
      expectClose(c.ours, c.reference, { atol: 1e-5, rtol: 1e-4, label: `${label} ${c.key}` });
    }
    cell.dispose();
    x.dispose();
  });

  test('many-to-one backward equals the many-to-many one with dA zero except at T', () => {
    const seqCell = new Cell({ units: nA, inputDim: nX, returnSequences: true, seed: 3 });
    const lastCell = new Cell({ units: nA, inputDim: nX, seed: 3 });
    const x = tf.randomNormal([2, 5, nX], 0, 1, 'float32', 4);
    const seq = seqCell.forward(x, { training: true });
    const last = lastCell.forward(x, { training: true });
    expect(last.shape).toEqual([2, nA]);
    expectClose(last, tf.squeeze(tf.slice(seq, [0, 4, 0], [2, 1, nA]), [1]), { atol: 1e-6, label: 'a<T>' });
    const dLast = tf.randomNormal([2, nA], 0, 1, 'float32', 5);
    const dSeq = tf.concat([tf.zeros([2, 4, nA]), tf.expandDims(dLast, 1)], 1);
    expectClose(lastCell.backward(dLast), seqCell.backward(dSeq), { atol: 1e-6, label: 'dx' });
    for (const key of Object.keys(seqCell.params))
      expectClose(lastCell.grads[key], seqCell.grads[key], { atol: 1e-6, label: key });
    seqCell.dispose();
    lastCell.dispose();
  });

  test('no tensor leaks across repeated forward/backward, and validates its input', async () => {
    const cell = new Cell({ units: nA, returnSequences: true, seed: 2 });
    expect(cell.built).toBe(false);
    const x = tf.randomNormal([2, 6, nX], 0, 1, 'float32', 1);
    await expectNoLeak(() => {
      const a = cell.forward(x, { training: true });
      const dA = tf.onesLike(a);
      const dx = cell.backward(dA);
      expect(dx.shape).toEqual([2, 6, nX]);
      tf.dispose([a, dA, dx]);
    });
    expect(cell.inputDim).toBe(nX);
    expect(() => cell.forward(tf.ones([2, 6, 5]), { training: true })).toThrow('input has 5 features, expected 3');
    expect(() => cell.forward(tf.ones([2, 6]), { training: true })).toThrow(
      'expected a rank-3 input [m, T, n_x], got shape [2,6]',
    );
    expect(() => cell.backward(tf.ones([2, 6]))).toThrow('dA has shape [2,6], expected [2,6,4]');
    expect(() => new Cell({ units: 0 })).toThrow('units must be a positive integer, got 0');
    expect(() => new Cell({ units: 2 }).backward(tf.ones([1, 2]))).toThrow('backward called before forward');
    const before = tf.memory().numTensors;
    cell.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
    x.dispose();
  });

  test('a whole life (build, forward, backward, dispose) leaves no tensor behind', async () => {
    const x = tf.randomNormal([2, 3, nX], 0, 1, 'float32', 1);
    await expectNoLeak(() => {
      const cell = new Cell({ units: nA, inputDim: nX, seed: 1 });
      const a = cell.forward(x, { training: true });
      cell.backward(a).dispose();
      a.dispose();
      cell.dispose();
    });
    x.dispose();
  });

  test('step() one time step at a time (for sampling) equals forward, leaks nothing, and validates', async () => {
    const cell = new Cell({ units: nA, inputDim: nX, returnSequences: true, seed: 4 });
    const x = tf.randomNormal([2, 5, nX], 0, 1, 'float32', 5);
    const seq = cell.forward(x, { training: false }); // [2, 5, n_a]
    const xs = tf.unstack(x, 1) as tf.Tensor2D[];
    const run = (): tf.Tensor[] => {
      let state = cell.zeroState(2);
      const outs: tf.Tensor[] = [];
      for (const xt of xs) {
        const next = cell.step(xt, state);
        tf.dispose(Object.values(state).filter((t) => !Object.values(next).includes(t)));
        outs.push(next.a.clone());
        state = next;
      }
      tf.dispose(Object.values(state));
      return outs;
    };
    const outs = run();
    expectClose(tf.stack(outs, 1), seq, { atol: 1e-6, label: `${label} step vs forward` });
    tf.dispose(outs);
    await expectNoLeak(() => tf.dispose(run()));
    expect(() => cell.step(tf.ones([2, 5]) as tf.Tensor2D, cell.zeroState(2))).toThrow(
      `step expects x<t> [m, ${nX}], got shape [2,5]`,
    );
    expect(() => cell.step(xs[0], {})).toThrow("step expects state 'a' [2, 4], got none");
    expect(() => new Cell({ units: 2 }).step(xs[0], {})).toThrow('step called before the weights were built');
    tf.dispose([x, seq, ...xs]);
    cell.dispose();
  });

  test('same seed, same weights and outputs', () => {
    const a = new Cell({ units: nA, inputDim: nX, seed: 5 });
    const b = new Cell({ units: nA, inputDim: nX, seed: 5 });
    const x = tf.randomNormal([2, 3, nX], 0, 1, 'float32', 6);
    expect(Array.from(a.forward(x, { training: false }).dataSync())).toEqual(
      Array.from(b.forward(x, { training: false }).dataSync()),
    );
    a.dispose();
    b.dispose();
  });
});

// The sweep over seeds behind the numbers in docs/cells.md: packages/sequence/bench/gradcheck-sweep.js.

// Planted bugs: each must be flagged by gradient checking.
class LSTMWithoutForgetPath extends LSTM {
  // dc<t-1> = dc<t> * Γf dropped: the cell state no longer carries gradient back in time
  protected override stepBackward(cache: StepCache, dNext: State): StepBackward {
    const r = super.stepBackward(cache, dNext);
    return { ...r, dPrev: { ...r.dPrev, c: tf.zerosLike(r.dPrev.c) } };
  }
}
class RNNWithoutTanhDerivative extends SimpleRNN {
  // dz = da instead of da * (1 - a<t>^2)
  protected override stepBackward(cache: StepCache, dNext: State): StepBackward {
    return super.stepBackward({ ...cache, a: tf.zerosLike(cache.a) }, dNext);
  }
}
class GRUTruncatedBptt extends GRU {
  // no gradient passed to c<t-1>: backpropagation through one step only
  protected override stepBackward(cache: StepCache, dNext: State): StepBackward {
    const r = super.stepBackward(cache, dNext);
    return { ...r, dPrev: { a: tf.zerosLike(r.dPrev.a) } };
  }
}

describe('the report behind `dlkit dls rnn-gradcheck`', () => {
  // Slow (~5-12 s): six gradient checks and three tfjs-layers comparisons.
  it('passes every cell in both model shapes and matches tfjs-layers', async () => {
    const r = await runRecurrentGradcheck({ seed: 1 });
    expect(Object.keys(r.results)).toEqual([
      'SimpleRNN many-to-many',
      'SimpleRNN many-to-one',
      'LSTM many-to-many',
      'LSTM many-to-one',
      'GRU many-to-many',
      'GRU many-to-one',
    ]);
    for (const row of Object.values(r.results)) {
      expect(row.passed).toBe(true);
      expect(row.relativeDifference).toBeLessThan(GRADCHECK_THRESHOLD);
    }
    for (const cell of ['SimpleRNN', 'LSTM', 'GRU'])
      expect(r.results[`${cell} many-to-many`].tfjsMaxDiff).toBeLessThan(1e-5);
  }, 60_000);
});

describe('gradient checking flags planted bugs', () => {
  // Slow (~0.5-3 s each): a numeric gradient check.
  test.each([
    ['LSTM without the forget-gate term of dc<t-1>', LSTMWithoutForgetPath as CellClass],
    ['SimpleRNN without the tanh derivative', RNNWithoutTanhDerivative as CellClass],
    ['GRU with truncated backpropagation through time', GRUTruncatedBptt as CellClass],
  ])(
    '%s',
    (_label, Buggy) => {
      const r = manyToManyCheck(Buggy);
      expect(r.passed).toBe(false);
      expect(r.relativeDifference).toBeGreaterThan(10 * GRADCHECK_THRESHOLD);
    },
    30_000,
  );
});
