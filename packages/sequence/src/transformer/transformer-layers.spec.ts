/**
 * The transformer layers as tfjs layers: save and load (core's saveModel/loadModel) with identical
 * outputs, no tensor leak in a forward pass or a training step (dropout on), the loss of a few
 * Adam steps falls, config errors name the layer and the key, and the positional tables.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadModel, saveModel } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { TOY, toyInputs, toyTransformer } from './__fixtures__/toy-transformer';
import { layerNorm } from './layer-norm';
import { MultiHeadAttention } from './multi-head-attention';
import { PositionalEncoding, sinusoidalTable } from './positional-encoding';
import { TransformerDecoderLayer } from './transformer-decoder-layer';
import { TransformerEncoderLayer } from './transformer-encoder-layer';

beforeAll(() => initBackend());

/** Cross-entropy of the toy model's logits against the target ids shifted by one (any fixed target works). */
function toyLoss(model: tf.LayersModel, xs: tf.Tensor[], training: boolean): tf.Scalar {
  const [logits] = model.apply(xs, { training }) as tf.Tensor[]; // [B, T, V]
  const labels = tf.oneHot(
    tf.reshape(tf.mod(tf.add(xs[2], tf.scalar(1, 'int32')), tf.scalar(TOY.vocab, 'int32')), [-1]),
    TOY.vocab,
  );
  return tf.losses.softmaxCrossEntropy(labels, tf.reshape(logits, [-1, TOY.vocab]));
}

it('saves and loads with core’s saveModel/loadModel, giving identical outputs', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-transformer-'));
  const model = toyTransformer({ preNorm: true, activation: 'gelu', dropout: 0.1 });
  const xs = toyInputs(2, 6, 5, 1);
  try {
    await saveModel(model, dir);
    const loaded = await loadModel(dir);
    const [a, b] = [model, loaded].map((m) => m.predict(xs) as tf.Tensor[]);
    a.forEach((t, i) => expect(Array.from(b[i].dataSync())).toEqual(Array.from(t.dataSync())));
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
    tf.dispose([...a, ...b]);
    loaded.dispose();
  } finally {
    tf.dispose(xs);
    model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Slow (~1.6 s alone, ~6 s beside other suites): ten Adam steps of the toy encoder-decoder.
it('leaks no tensor in a forward pass or a training step, and a few Adam steps lower the loss', async () => {
  const model = toyTransformer({ dropout: 0.1 });
  const xs = toyInputs(2, 6, 5, 2);
  const optimizer = tf.train.adam(0.01);
  const step = () => optimizer.minimize(() => toyLoss(model, xs, true), true)?.dispose();
  const evalLoss = () => tf.tidy(() => toyLoss(model, xs, false).dataSync()[0]);
  try {
    await expectNoLeak(() => tf.dispose(model.predict(xs) as tf.Tensor[]));
    const before = evalLoss();
    await expectNoLeak(step); // 4 steps
    for (let i = 0; i < 6; i++) step();
    expect(evalLoss()).toBeLessThan(before * 0.8);
  } finally {
    tf.dispose(xs);
    optimizer.dispose();
    model.dispose();
  }
}, 15_000);

describe('layers', () => {
  it('work in functional models with unknown sequence lengths (shapes in, shapes out)', () => {
    const x = tf.input({ shape: [null, 8] });
    const pad = tf.input({ shape: [null] });
    const mha = new MultiHeadAttention({ numHeads: 2, keyDim: 4, returnAttentionWeights: true });
    const [y, w] = mha.apply([x, pad]) as tf.SymbolicTensor[];
    expect([y.shape, w.shape]).toEqual([
      [null, null, 8],
      [null, 2, null, null],
    ]);
    const enc = new TransformerEncoderLayer({ numHeads: 2, dff: 16 }).apply([x, pad]) as tf.SymbolicTensor;
    const dec = new TransformerDecoderLayer({ numHeads: 2, dff: 16 }).apply([x, enc]) as tf.SymbolicTensor;
    expect(dec.shape).toEqual([null, null, 8]);
  });

  it('reject bad configs naming the layer and the key', () => {
    expect(() => new MultiHeadAttention({ numHeads: 0, keyDim: 4 })).toThrow(
      'MultiHeadAttention: numHeads must be an integer >= 1, got 0',
    );
    expect(() => new TransformerEncoderLayer({ numHeads: 2, dff: 8, dropout: 1 })).toThrow(
      'TransformerEncoderLayer: dropout must be in [0, 1), got 1',
    );
    expect(() => new PositionalEncoding({ kind: 'rotary' as 'learned', maxLength: 4 })).toThrow(
      `PositionalEncoding: kind must be 'sinusoidal' or 'learned', got "rotary"`,
    );
    const enc = new TransformerEncoderLayer({ numHeads: 3, dff: 8 });
    expect(() => enc.apply(tf.input({ shape: [4, 8] }))).toThrow('the feature size 8 must be divisible by numHeads 3');
  });

  it('keep a default for an option given as undefined, and round-trip their config', () => {
    const enc = new TransformerEncoderLayer({ numHeads: 2, dff: 8, dropout: undefined, preNorm: true });
    expect([enc.dropout, enc.activation, enc.preNorm, enc.layerNormEpsilon, enc.causal]).toEqual([
      0,
      'relu',
      true,
      1e-5,
      false,
    ]);
    const again = new TransformerEncoderLayer(
      enc.getConfig() as unknown as ConstructorParameters<typeof TransformerEncoderLayer>[0],
    );
    expect(again.getConfig()).toEqual(enc.getConfig());
    expect(new TransformerDecoderLayer({ numHeads: 2, dff: 8 }).causal).toBe(true);
  });

  it('name a wrong input list', () => {
    const dec = new TransformerDecoderLayer({ numHeads: 2, dff: 8 });
    expect(() => dec.apply(tf.input({ shape: [4, 8] }))).toThrow('TransformerDecoderLayer: expected 2-2 sequences');
  });
});

describe('PositionalEncoding', () => {
  it('adds the sinusoid table of Vaswani et al. (sin on even, cos on odd features)', () => {
    const table = sinusoidalTable(3, 4);
    // pos 2: [sin 2, cos 2, sin(2 / 100), cos(2 / 100)]
    expect(Array.from(table.subarray(8, 12))).toEqual(
      Array.from(Float32Array.from([Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)])),
    );
    tf.tidy(() => {
      const pe = new PositionalEncoding({ kind: 'sinusoidal', maxLength: 5 });
      const y = pe.apply(tf.ones([2, 3, 4])) as tf.Tensor;
      expect(y.shape).toEqual([2, 3, 4]);
      expect(Array.from(y.slice([1, 0, 0], [1, 3, 4]).dataSync())).toEqual(
        Array.from(table, (v) => Math.fround(v + 1)),
      );
      expect(pe.trainableWeights).toEqual([]);
    });
  });

  it('has a trainable table when learned, and rejects sequences longer than maxLength', () => {
    const pe = new PositionalEncoding({ kind: 'learned', maxLength: 3, seed: 1, name: 'pos' });
    tf.dispose(pe.apply(tf.zeros([1, 2, 4])) as tf.Tensor);
    expect(pe.trainableWeights.map((w) => w.shape)).toEqual([[3, 4]]);
    expect(() => pe.apply(tf.zeros([1, 4, 4]))).toThrow('pos: sequence of 4 positions is longer than maxLength 3');
    pe.dispose();
  });
});

it('layerNorm normalises the last axis (population variance, ε = 1e-5)', () => {
  tf.tidy(() => {
    const y = layerNorm(tf.tensor2d([[1, 2, 3]]), tf.ones([3]), tf.zeros([3]));
    const s = Math.sqrt(2 / 3 + 1e-5);
    expect(Array.from(y.dataSync())).toEqual(
      Array.from(Float32Array.from([-1 / s, 0, 1 / s])).map((v) => expect.closeTo(v, 6)),
    );
  });
});
