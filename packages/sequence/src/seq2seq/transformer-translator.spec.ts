// The transformer translator on a toy reverse task: it learns, save/load, beam 1 = greedy, no
// leaks, ONNX parity, attention heads and loadTranslator's format dispatch.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity, Rng } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { loadTranslator } from './load-translator';
import { PairCoder, type Pair } from './pairs';
import { trainTransformerTranslator } from './train-transformer';
import { TransformerTranslator } from './transformer-translator';
import { TRANSFORMER_ONNX_EXPORTERS } from '../transformer/onnx-exporters';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-transformer-translator-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => initBackend());

/** Strings of 2-4 letters from 'abcd' and their reverses. */
function reversePairs(n: number, seed: number): Pair[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const s = Array.from({ length: 2 + rng.int(3) }, () => 'abcd'[rng.int(4)]).join('');
    return { source: s, target: [...s].reverse().join('') };
  });
}

const SMALL = { dModel: 16, layers: 1, numHeads: 2, dff: 32, progress: false } as const;

describe('TransformerTranslator', () => {
  const pairs = reversePairs(300, 1);
  const heldOut = reversePairs(40, 2);
  const coder = PairCoder.fromPairs([...pairs, ...heldOut]);

  // Slow (~5-15 s with the 2 cores shared): 8 epochs of 300 pairs.
  it('learns to reverse strings; save/load gives identical outputs; loadTranslator dispatches on format', async () => {
    const untrained = new TransformerTranslator(coder, { ...SMALL, seed: 1 });
    const before = untrained.evaluate(heldOut).exactMatch;
    untrained.dispose();
    const r = await trainTransformerTranslator(coder, pairs, {
      ...SMALL,
      epochs: 8,
      batchSize: 20,
      learningRate: 0.01,
    });
    const t = r.translator;
    try {
      const losses = r.history.epochs.map((e) => e.loss);
      expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.7);
      const after = t.evaluate(heldOut);
      expect(after.exactMatch).toBeGreaterThan(before);
      expect(after.cer).toBeLessThan(1);
      const dir = path.join(tmp, 'model');
      await t.save(dir);
      const loaded = await loadTranslator(dir);
      expect(loaded).toBeInstanceOf(TransformerTranslator);
      const texts = heldOut.slice(0, 8).map((p) => p.source);
      expect(loaded.translateBatch(texts)).toEqual(t.translateBatch(texts));
      loaded.dispose();
      const heads = t.attentionHeads('abcd', 'dcba');
      expect(heads).toHaveLength(2);
      for (const row of heads[0].slice(0, 4)) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    } finally {
      t.dispose();
    }
  }, 120_000);

  it('beam width 1 equals greedy; decoding leaks no tensors', async () => {
    const t = new TransformerTranslator(coder, { ...SMALL, seed: 4 });
    try {
      const texts = heldOut.slice(0, 5).map((p) => p.source);
      expect(t.translateBatch(texts, { beamWidth: 1 })).toEqual(t.translateBatch(texts));
      const beam = t.translateBatch(texts, { beamWidth: 3 });
      expect(beam).toHaveLength(5);
      await expectNoLeak(() => {
        t.translateBatch(texts, { beamWidth: 2 });
        t.attentionHeads('ab', 'ba');
      });
    } finally {
      t.dispose();
    }
  });

  it('incremental decoding (key/value cache) writes exactly what rerunning the whole prefix writes, greedy and beam', async () => {
    for (const [tokens, layers] of [
      ['chars', 2],
      ['pieces', 1],
    ] as const) {
      const c = tokens === 'chars' ? coder : PairCoder.withPieces(pairs, coder, { maxPieces: 12, minCount: 2 });
      const t = new TransformerTranslator(c, { ...SMALL, layers, seed: 6 });
      try {
        const texts = heldOut.slice(0, 6).map((p) => p.source);
        for (const beamWidth of [1, 3]) {
          const cached = t.translateBatch(texts, { beamWidth, batchSize: 4 });
          const uncached = t.translateBatch(texts, { beamWidth, batchSize: 4, cache: false });
          expect(cached.map((r) => r.output)).toEqual(uncached.map((r) => r.output));
          cached.forEach((r, i) => expect(r.logProb).toBeCloseTo(uncached[i].logProb, 4));
        }
        // The step's log-probabilities themselves, position by position along one greedy path.
        const a = t.decoderSession(texts.slice(0, 2));
        const b = t.decoderSession(texts.slice(0, 2), 0, 2, { cache: false });
        let previous = new Int32Array([-1, -1]);
        for (let step = 0; step < c.ty; step++) {
          const pa = a.step(previous);
          const pb = b.step(previous);
          pa.forEach((v, i) => expect(v).toBeCloseTo(pb[i], 4));
          previous = Int32Array.from([0, 1], (r) => 1 + ((step + r) % (c.targetVocab.size - 1)));
        }
        a.dispose();
        b.dispose();
        await expectNoLeak(() => {
          const s = t.decoderSession(texts.slice(0, 2));
          s.step(new Int32Array([-1, -1]));
          s.select(new Int32Array([1, 1, 0]));
          s.step(new Int32Array([1, 2, 1]));
          s.dispose();
        });
      } finally {
        t.dispose();
      }
    }
  });

  // Slow (~2-5 s): one export run in onnxruntime-node.
  it('exports to ONNX: source ids + mask + prefix → next-character probabilities, equal to tfjs', async () => {
    const t = new TransformerTranslator(coder, { ...SMALL, layers: 2, seed: 5 });
    const ids = new Int32Array(2 * coder.tx);
    ids.set(coder.encodeSource('abc', 'x'), 0);
    ids.set(coder.encodeSource('dcba', 'y'), coder.tx);
    const [src, mask] = t.sourceTensors(ids, 2);
    const prefix = tf.tensor2d(t.shifted(new Int32Array(2 * coder.ty).fill(1), 2), [2, coder.ty]);
    try {
      const r = await onnxParity(t.model, [src, mask, prefix], { exporters: TRANSFORMER_ONNX_EXPORTERS });
      expect(r.maxAbsDiff).toBeLessThan(1e-4);
      const file = path.join(tmp, 't.onnx');
      t.exportOnnx(file);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    } finally {
      tf.dispose([src, mask, prefix]);
      t.dispose();
    }
  }, 60_000);
});
