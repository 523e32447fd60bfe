import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, Rng } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { DateSplit, formatDate, dateFromDayNumber, isoDate } from './dates';
import { PairCoder, type Pair } from './pairs';
import { dateCoder, trainDateTranslator, trainPairsTranslator, trainTranslator } from './train';
import { Seq2seqTranslator } from './translator';

beforeAll(() => initBackend());

// A small, quick task: day-first dotted dates (09.05.2018) to ISO (2018-05-09), so the model must
// learn to reorder the fields with its attention.
function numericPairs(n: number, pool: readonly number[], rng: Rng): Pair[] {
  return Array.from({ length: n }, () => {
    const date = dateFromDayNumber(pool[rng.int(pool.length)]);
    return { source: formatDate(date, 'dd.mm.yyyy'), target: isoDate(date) };
  });
}
const SMALL = { nA: 16, nS: 32, attentionUnits: 8 };

describe('seq2seq training', () => {
  // Slow (~4-8 s): five 1-epoch training runs and a save/load.
  it('is seeded, leaks no tensors, and saves/loads to the same translations', async () => {
    const pairs = numericPairs(40, new DateSplit({ seed: 1 }).train, new Rng(4));
    const coder = PairCoder.fromPairs(pairs);
    const opts = { ...SMALL, epochs: 1, batchSize: 20, progress: false };
    const run = async (seed: number) => {
      const { translator, history } = await trainTranslator(coder, pairs, { ...opts, seed });
      return { translator, loss: history.epochs[0].loss };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b.loss).toBe(a.loss);
    expect(c.loss).not.toBe(a.loss);
    expect(b.translator.model.getWeights().map((t) => Array.from(t.dataSync()))).toEqual(
      a.translator.model.getWeights().map((t) => Array.from(t.dataSync())),
    );
    b.translator.dispose();
    c.translator.dispose();

    await expectNoLeak(async () => (await run(7)).translator.dispose(), 1);
    await expectNoLeak(() => a.translator.translateBatch(pairs.slice(0, 5).map((p) => p.source)));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seq2seq-'));
    await a.translator.save(path.join(dir, 'model'));
    const loaded = await Seq2seqTranslator.load(path.join(dir, 'model'));
    const inputs = pairs.slice(0, 4).map((p) => p.source);
    expect(loaded.translateBatch(inputs)).toEqual(a.translator.translateBatch(inputs));
    const t = loaded.translate(inputs[0]);
    expect(t.attention.length).toBe(coder.ty);
    for (const row of t.attention) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(() => loaded.translate('12.x5.2000')).toThrow('unknown token "x" in the input "12.x5.2000"');
    loaded.dispose();
    a.translator.dispose();
    await expect(Seq2seqTranslator.load(dir)).rejects.toThrow(/no translator.json/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  // Slow (~2-4 s): two tiny training runs.
  it('trains on dates and on pairs end to end (tiny runs), holding out unseen sources', async () => {
    const before = tf.memory().numTensors;
    const dates = await trainDateTranslator({
      ...SMALL,
      examples: 60,
      heldOut: 20,
      epochs: 2,
      batchSize: 30,
      progress: false,
    });
    expect(dates.heldOut.length).toBe(20);
    // Two epochs of two steps already learn something: the loss falls (measured 2.42 -> 2.27) and
    // the per-character accuracy (measured 0.20: the dashes' places) is above what an untrained
    // model gets (about 1/12 per character).
    const [first, second] = dates.history.epochs.map((e) => e.loss);
    expect(second).toBeLessThan(first * 0.98);
    expect(dates.charAccuracy).toBeGreaterThanOrEqual(0.15);
    // The reported exact match is the held-out pairs' own.
    expect(dates.exactMatch).toBe(dates.translator.evaluate(dates.heldOut).exactMatch);
    expect(dates.translator.info.exactMatch).toBe(dates.exactMatch);
    expect(dates.translator.coder.toJSON()).toEqual(dateCoder().toJSON());
    expect(dates.translator.info).toMatchObject({ task: 'dates', examples: 60, heldOut: 20 });
    dates.translator.dispose();

    const pairs = Array.from({ length: 30 }, (_, i) => ({ source: `n${i % 10}`, target: `${i % 10}` }));
    const r = await trainPairsTranslator(pairs, {
      ...SMALL,
      epochs: 1,
      batchSize: 10,
      heldOutFraction: 0.2,
      progress: false,
    });
    const heldOutSources = new Set(r.heldOut.map((p) => p.source));
    expect(heldOutSources.size).toBe(2); // 20% of 10 distinct sources
    expect(r.trainPairs + r.heldOut.length).toBe(30);
    expect(r.evaluatedOnHeldOut).toBe(true);
    r.translator.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
