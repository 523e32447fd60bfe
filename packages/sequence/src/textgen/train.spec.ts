import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { loadCharLm } from './saved';
import { sampleCharLm } from './sample';
import { trainCharLm } from './train';

// The names corpus run (perplexity against the baselines, sampling): train.e2e.spec.ts.
describe('trainCharLm on running text (chunks)', () => {
  // Slow (~1-3 s): a 3-epoch training run on 1,000 characters, then sampling.
  it('cuts the text into chunks, trains, and samples continuations of the chunk length', async () => {
    await initBackend();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'textgen-chunks-'));
    try {
      const file = path.join(dir, 'prose.txt');
      const sentence = 'the quick brown fox jumps over the lazy dog while the cat sleeps by the warm fire. ';
      fs.writeFileSync(file, sentence.repeat(12)); // one 1,000-character line: running text
      const before = tf.memory().numTensors;
      const r = await trainCharLm({
        outDir: path.join(dir, 'out'),
        corpus: file,
        corpusOptions: { chunkLength: 16 },
        epochs: 3,
        batchSize: 8,
        learningRate: 0.02,
        model: { units: 24, embeddingDim: 8 },
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(r.kind).toBe('chunks');
      expect(r.trainItems + r.validationItems).toBe(Math.ceil((sentence.length * 12 - 2) / 16)); // trimmed text, windows of 17 overlapping by 1
      expect(r.valPerplexity).toBeLessThan(r.unigramPerplexity); // a repetitive text: even a short run learns it
      const lm = await loadCharLm(r.model);
      try {
        const free = sampleCharLm(lm, { n: 3, seed: 1 });
        expect(free.samples.every((s) => s.length === 16)).toBe(true); // the first character plus up to the chunk length
        const cont = sampleCharLm(lm, { n: 2, prefix: 'the ', seed: 1 });
        expect(cont.samples.every((s) => s.startsWith('the ') && s.length === 4 + 16)).toBe(true);
        await expectNoLeak(() => sampleCharLm(lm, { n: 2, seed: 2 }));
      } finally {
        lm.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
