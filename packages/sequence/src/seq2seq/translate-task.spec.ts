// The `dlkit translate train` flow with tiny runs: the result and the files, a resumed run, and
// the transformer architecture, an unknown one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { trainTranslation } from './translate-task';
import { Seq2seqTranslator } from './translator';
import { loadTranslator } from './load-translator';
import { TransformerTranslator } from './transformer-translator';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-translate-flow-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => initBackend());

const TINY = { examples: 30, heldOut: 6, nA: 8, nS: 16, attentionUnits: 4, batchSize: 15, progress: false } as const;

describe('trainTranslation', () => {
  // Slow (~8-15 s idle, 28 s with the 2 cores shared): two tiny training runs on en-de (Tx 64, Ty 66) with greedy and beam scores.
  it('trains a number preset, scores greedy and beam, saves the translator; resume continues the checkpoint', async () => {
    const before = tf.memory().numTensors;
    const outDir = path.join(tmp, 'en-de');
    const r = await trainTranslation({ ...TINY, pairs: 'en-de', outDir, epochs: 1, beamWidth: 2, seed: 3 });
    expect(r).toMatchObject({
      pairs: 'en-de',
      arch: 'lstm',
      trainPairs: 30,
      heldOut: 6,
      evaluatedOnHeldOut: true,
      examples: 30,
      model: path.join(outDir, 'model'),
      attention: path.join(outDir, 'attention.png'),
      resumedFromEpoch: 0,
    });
    expect(r.beam?.width).toBe(2);
    for (const v of [r.exactMatch, r.beam!.exactMatch]) expect(v >= 0 && v <= 1).toBe(true);
    expect(r.cer).toBeGreaterThan(0);
    expect(r.parameters).toBeGreaterThan(0);
    expect(r.onnx).toBe(path.join(outDir, 'translator.onnx'));
    for (const f of [
      'attention.png',
      'curves.png',
      'history.json',
      'checkpoint',
      'model/translator.json',
      'translator.onnx',
    ])
      expect(fs.existsSync(path.join(outDir, f))).toBe(true);
    const loaded = await Seq2seqTranslator.load(r.model);
    expect(loaded.models.config.feedPrevious).toBe(true);
    expect(loaded.info).toMatchObject({ task: 'translate', pairs: 'en-de', arch: 'lstm' });
    loaded.dispose();

    const resumed = await trainTranslation({
      ...TINY,
      pairs: 'en-de',
      outDir,
      epochs: 2,
      beamWidth: 1,
      seed: 3,
      resume: true,
    });
    expect(resumed.resumedFromEpoch).toBe(1);
    expect(resumed.history.epochs).toHaveLength(2);
    expect(resumed.beam).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  }, 90_000);

  // Slow (~15-30 s with the 2 cores shared): three tiny transformer runs on en-fr, greedy and beam 2.
  it('trains the transformer architecture: scores, the saved translator, ONNX, one attention PNG per head; resume after a time budget trains on', async () => {
    const outDir = path.join(tmp, 'tr');
    const tiny = {
      ...TINY,
      pairs: 'en-fr',
      outDir,
      arch: 'transformer',
      seed: 3,
      dModel: 16,
      layers: 1,
      numHeads: 2,
      dff: 16,
    } as const;
    // A budget of 1 ms stops after the first epoch of three.
    const r = await trainTranslation({ ...tiny, epochs: 3, beamWidth: 2, maxSeconds: 0.001 });
    expect(r.history.epochs).toHaveLength(1);
    // `--resume --epochs 2` trains the second epoch (the budget's stop was checkpointed: it only re-evaluated).
    const resumed = await trainTranslation({ ...tiny, epochs: 2, beamWidth: 1, resume: true });
    expect(resumed.resumedFromEpoch).toBe(1);
    expect(resumed.history.epochs).toHaveLength(2);
    expect(resumed.history.epochs[1].loss).not.toBe(resumed.history.epochs[0].loss);
    // The budget counts every run of the series: resumed with the same (spent) budget, nothing more trains.
    const spent = await trainTranslation({ ...tiny, epochs: 3, beamWidth: 1, resume: true, maxSeconds: 0.001 });
    expect(spent.history.epochs).toHaveLength(2);
    expect(r).toMatchObject({ arch: 'transformer', trainPairs: 30, heldOut: 6 });
    expect(r.attentionHeads).toEqual([1, 2].map((i) => path.join(outDir, `attention-head-${i}.png`)));
    for (const f of [...r.attentionHeads!, r.attention, r.onnx]) expect(fs.existsSync(f)).toBe(true);
    const loaded = await loadTranslator(r.model);
    expect(loaded).toBeInstanceOf(TransformerTranslator);
    expect(loaded.info).toMatchObject({ arch: 'transformer' });
    loaded.dispose();
  }, 90_000);

  it('refuses an unknown architecture, before any work', async () => {
    await expect(
      trainTranslation({ pairs: 'en-fr', outDir: path.join(tmp, 'x'), arch: 'gru' as 'lstm' }),
    ).rejects.toThrow('unknown architecture "gru" (known: lstm, transformer)');
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });
});
