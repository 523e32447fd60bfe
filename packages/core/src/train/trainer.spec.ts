import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Dataset, tensorDataset } from '../data/dataset';
import { expectClose, expectNoLeak, maxAbsDiff } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import type { Callback } from './callback';
import { NonFiniteLossError } from './errors';
import { Trainer, fit } from './trainer';

beforeAll(() => initBackend());

describe('Trainer', () => {
  let data: ReturnType<typeof blobs>;
  beforeAll(() => {
    data = blobs(96, 3);
  });
  afterAll(() => tf.dispose([data.x, data.y]));

  it('matches model.fit step for step (no shuffle, SGD, L2 penalties included)', async () => {
    // Oracle: tfjs-layers' own fit on an identical model, same batches in the same order.
    const ours = tinyClassifier(7, { l2: 1e-3 });
    const ref = tinyClassifier(7, { l2: 1e-3 });
    expect(maxAbsDiff(flatWeights(ours), flatWeights(ref))).toBe(0);
    const trainer = new Trainer(ours, {
      epochs: 3,
      batchSize: 20,
      shuffle: false,
      optimizer: 'sgd',
      learningRate: 0.1,
      loss: 'categoricalCrossentropy',
      progress: false,
    });
    const history = await trainer.fit({ x: data.x, y: data.y });
    trainer.dispose();

    const sgd = tf.train.sgd(0.1);
    ref.compile({ optimizer: sgd, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const refHistory = await ref.fit(data.x, data.y, { epochs: 3, batchSize: 20, shuffle: false, verbose: 0 });
    sgd.dispose();

    expectClose(flatWeights(ours), flatWeights(ref), { atol: 1e-5, label: 'weights vs model.fit' });
    expectClose(history.series('loss') as number[], refHistory.history.loss as number[], {
      atol: 1e-5,
      label: 'epoch loss vs model.fit',
    });
    expectClose(history.series('acc') as number[], refHistory.history.acc as number[], {
      atol: 1e-6,
      label: 'epoch acc vs model.fit',
    });
  });

  it('matches model.fit with Adam and validation data (valLoss, valAcc)', async () => {
    const ours = tinyClassifier(11);
    const ref = tinyClassifier(11);
    const val = blobs(30, 99);
    const history = await fit(
      ours,
      { x: data.x, y: data.y },
      {
        epochs: 2,
        batchSize: 32,
        shuffle: false,
        optimizer: 'adam',
        learningRate: 0.01,
        loss: 'categoricalCrossentropy',
        validationData: { x: val.x, y: val.y },
        validationBatchSize: 7,
        progress: false,
      },
    );
    const adam = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    ref.compile({ optimizer: adam, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const refHistory = await ref.fit(data.x, data.y, {
      epochs: 2,
      batchSize: 32,
      shuffle: false,
      verbose: 0,
      validationData: [val.x, val.y],
    });
    adam.dispose();
    expectClose(flatWeights(ours), flatWeights(ref), { atol: 1e-5, label: 'weights vs model.fit (adam)' });
    expectClose(history.series('valLoss') as number[], refHistory.history.val_loss as number[], {
      atol: 1e-5,
      label: 'valLoss',
    });
    expectClose(history.series('valAcc') as number[], refHistory.history.val_acc as number[], {
      atol: 1e-6,
      label: 'valAcc',
    });
    tf.dispose([val.x, val.y]);
  });

  it('learns the blobs and records every documented key per epoch', async () => {
    const model = tinyClassifier(1, { hidden: 16 });
    const trainer = new Trainer(model, {
      epochs: 15,
      batchSize: 16,
      seed: 5,
      learningRate: 0.03,
      loss: 'categoricalCrossentropy',
      validationSplit: 0.25,
      progress: false,
    });
    const history = await trainer.fit({ x: data.x, y: data.y });
    trainer.dispose();
    expect(history.length).toBe(15);
    const last = history.last()!;
    expect(Object.keys(last)).toEqual(['epoch', 'loss', 'acc', 'valLoss', 'valAcc', 'lr', 'seconds']);
    expect(last.epoch).toBe(14);
    expect(last.lr).toBeCloseTo(0.03, 10);
    expect(last.acc!).toBeGreaterThan(0.9);
    expect(last.valAcc!).toBeGreaterThan(0.85);
    expect(last.loss).toBeLessThan(history.epochs[0].loss);
    expect(JSON.parse(JSON.stringify(history))).toHaveLength(15);
  });

  it('is reproducible from the seed, and the seed changes the shuffle order', async () => {
    const run = async (seed: number) => {
      const model = tinyClassifier(2);
      const history = await fit(
        model,
        { x: data.x, y: data.y },
        { epochs: 2, batchSize: 10, seed, loss: 'categoricalCrossentropy', progress: false },
      );
      return { losses: history.series('loss') as number[], weights: flatWeights(model) };
    };
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    expect(b.losses).toEqual(a.losses);
    expect(maxAbsDiff(a.weights, b.weights)).toBe(0);
    expect(maxAbsDiff(a.weights, c.weights)).toBeGreaterThan(1e-4);
  });

  it('trains from a batch-producing Dataset exactly as from tensors', async () => {
    let calls = 0;
    const base = tensorDataset(data.x, data.y);
    const lazy: Dataset = { size: base.size, batch: (idx) => (calls++, base.batch(idx)) };
    const m1 = tinyClassifier(4);
    const m2 = tinyClassifier(4);
    const options = { epochs: 2, batchSize: 25, seed: 3, loss: 'categoricalCrossentropy' as const, progress: false };
    await fit(m1, { x: data.x, y: data.y }, options);
    await fit(m2, lazy, options);
    expect(calls).toBe(2 * Math.ceil(96 / 25));
    expect(maxAbsDiff(flatWeights(m1), flatWeights(m2))).toBe(0);
  });

  it('trains a two-input model from an array of input tensors', async () => {
    const a = tf.input({ shape: [1] });
    const b = tf.input({ shape: [1] });
    const out = tf.layers
      .dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) })
      .apply(tf.layers.concatenate().apply([a, b])) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [a, b], outputs: out });
    const [x0, x1] = tf.split(data.x, 2, 1);
    const history = await fit(
      model,
      { x: [x0, x1], y: data.y },
      { epochs: 20, batchSize: 16, learningRate: 0.05, loss: 'categoricalCrossentropy', progress: false },
    );
    expect(history.last()!.acc!).toBeGreaterThan(0.85);
    tf.dispose([x0, x1]);
  });

  it('trains a two-output model with a loss function of both outputs, and refuses a named loss for it', async () => {
    const x = tf.input({ shape: [2] });
    const init = (seed: number) => tf.initializers.glorotUniform({ seed });
    const sum = tf.layers.dense({ units: 1, kernelInitializer: init(1) }).apply(x) as tf.SymbolicTensor;
    const diff = tf.layers.dense({ units: 1, kernelInitializer: init(2) }).apply(x) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: [sum, diff] });
    const xs = tf.randomUniform([64, 2], -1, 1, 'float32', 4);
    const [a, b] = tf.split(xs, 2, 1);
    const ys = tf.concat([tf.add(a, b), tf.sub(a, b)], 1); // y packs both targets: [b, 2]
    const fn = (yTrue: tf.Tensor, yPred: tf.Tensor) => {
      const [p, q] = yPred as unknown as tf.Tensor[]; // the list of outputs
      const [t, u] = tf.split(yTrue, 2, 1);
      return tf.add(tf.mean(tf.square(tf.sub(p, t))), tf.mean(tf.square(tf.sub(q, u)))) as tf.Scalar;
    };
    expect(() => new Trainer(model, { loss: 'meanSquaredError' })).toThrow(
      'this model has 2 outputs: the Trainer needs a loss function of them all',
    );
    const history = await fit(
      model,
      { x: xs, y: ys },
      { epochs: 30, batchSize: 16, learningRate: 0.05, loss: { fn, kind: 'regression' }, progress: false },
    );
    expect(history.epochs[0].loss).toBeGreaterThan(0.1);
    expect(history.last()!.loss).toBeLessThan(1e-3); // both heads learn their own target
    tf.dispose([xs, a, b, ys]);
    model.dispose();
  });

  it('evaluates in batches: the result does not depend on the batch size and equals a direct computation', async () => {
    const model = tinyClassifier(6);
    const trainer = new Trainer(model, { loss: 'categoricalCrossentropy', progress: false });
    const small = await trainer.evaluate({ x: data.x, y: data.y }, { batchSize: 7 });
    const whole = await trainer.evaluate({ x: data.x, y: data.y }, { batchSize: 1000 });
    // Independent reference: tfjs-layers' loss and accuracy on the full set.
    const [refLoss, refAcc] = tf.tidy(() => {
      const p = model.predict(data.x) as tf.Tensor;
      return [
        tf.mean(tf.metrics.categoricalCrossentropy(data.y, p)).dataSync()[0],
        tf.mean(tf.metrics.categoricalAccuracy(data.y, p)).dataSync()[0],
      ];
    });
    expect(small.loss).toBeCloseTo(refLoss, 5);
    expect(whole.loss).toBeCloseTo(refLoss, 5);
    expect(small.acc).toBeCloseTo(refAcc, 6);
    expect(whole.acc).toBeCloseTo(refAcc, 6);
    trainer.dispose();
  });

  it('stops at once on a NaN/Inf loss with a NonFiniteLossError naming epoch, batch, loss and learning rate', async () => {
    // Linear regression by SGD diverges when lr exceeds 2 / (largest eigenvalue of the Hessian):
    // with lr 50 every step multiplies the error by ~100 until float32 overflows.
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }) }),
      ],
    });
    const trainer = new Trainer(model, {
      epochs: 5,
      batchSize: 8,
      optimizer: 'sgd',
      learningRate: 50,
      loss: 'meanSquaredError',
      progress: false,
    });
    let seen = 0;
    const err = await trainer.fit({ x: data.x, y: data.y }).catch((e) => e);
    expect(err).toBeInstanceOf(NonFiniteLossError);
    const e = err as NonFiniteLossError;
    expect(Number.isFinite(e.loss)).toBe(false);
    expect(e.message).toMatch(
      new RegExp(`^loss is (NaN|-?Infinity) at epoch ${e.epoch + 1}/5, batch ${e.batch + 1}/12`),
    );
    expect(e.message).toMatch(/learning rate \(50\) is probably too high: try lowering it/);
    expect(e.learningRate).toBe(50);
    // The bad update was not applied: every weight is still a number.
    for (const w of flatWeights(model)) if (Number.isNaN(w)) seen++;
    expect(seen).toBe(0);
    // History has only the completed epochs.
    expect(trainer.history.length).toBe(e.epoch);
    trainer.dispose();
  });

  it('leaks no tensors across steps, epochs, validation and repeated fits', async () => {
    const model = tinyClassifier(9);
    const counts: number[] = [];
    const probe: Callback = {
      name: 'probe',
      onEpochEnd: () => void counts.push(tf.memory().numTensors),
      onBatchEnd: (b) => void (b === 2 && counts.push(tf.memory().numTensors)),
    };
    const trainer = new Trainer(model, {
      epochs: 4,
      batchSize: 16,
      loss: 'categoricalCrossentropy',
      validationSplit: 0.2,
      callbacks: [probe],
      progress: false,
    });
    await expectNoLeak(() => trainer.fit({ x: data.x, y: data.y }), 2);
    // Adam creates its slots during the first step; after that the count is flat.
    expect(new Set(counts.slice(1)).size).toBe(1);
    await expectNoLeak(() => trainer.evaluate({ x: data.x, y: data.y }, { batchSize: 10 }), 2);
    trainer.dispose();
  });

  it('rejects bad inputs with messages naming the problem', async () => {
    const model = tinyClassifier(1);
    expect(() => new Trainer(model, { progress: false })).toThrow(/loss is required/);
    expect(() => new Trainer(model, { loss: 'nope' as never })).toThrow(/unknown loss 'nope'/);
    expect(() => new Trainer(model, { loss: 'meanSquaredError', metrics: ['accuracy'] })).toThrow(
      /needs a classification loss/,
    );
    expect(() => new Trainer(model, { loss: 'categoricalCrossentropy', batchSize: 0 })).toThrow(
      /batchSize must be a positive integer, got 0/,
    );
    expect(() => new Trainer(model, { loss: 'categoricalCrossentropy', optimizer: 'adamw' as never })).toThrow(
      /unknown optimizer 'adamw'/,
    );
    expect(
      () =>
        new Trainer(model, {
          loss: 'categoricalCrossentropy',
          validationSplit: 0.2,
          validationData: { x: data.x, y: data.y },
        }),
    ).toThrow(/either validationSplit or validationData/);
    const trainer = new Trainer(model, { loss: 'categoricalCrossentropy', progress: false });
    const y = data.y.slice([0, 0], [10, 3]);
    await expect(trainer.fit({ x: data.x, y })).rejects.toThrow(
      /training data: x has shape \[96,2\] but y has 10 examples/,
    );
    y.dispose();
    trainer.dispose();
  });

  it('uses the loss and optimizer the model was compiled with when none are given', async () => {
    const model = tinyClassifier(3);
    const opt = tf.train.sgd(0.05);
    model.compile({ optimizer: opt, loss: 'categoricalCrossentropy' });
    const trainer = new Trainer(model, { epochs: 1, progress: false });
    expect(trainer.optimizer).toBe(opt);
    expect(trainer.learningRate).toBe(0.05);
    const history = await trainer.fit({ x: data.x, y: data.y });
    expect(history.last()!.acc).toBeDefined();
    trainer.dispose();
    expect(opt.getClassName()).toBe('SGD'); // still usable: the Trainer did not dispose the caller's optimizer
    opt.dispose();
  });
});
