/**
 * pretrainMlm end to end on a tiny corpus and model: the products are written, and a run killed
 * after epoch 1 and resumed (--resume) ends exactly where an uninterrupted run ends (the masks are
 * seeded per example and epoch, the batch order by the Trainer's checkpoint).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { checkBertFolder } from './bert-folder';
import { pretrainMlm, PretrainMlmOptions } from './pretrain-mlm';

let dir: string;
beforeAll(async () => {
  await initBackend();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-mlm-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a resumed run ends with the same losses and masked accuracy as an uninterrupted one', async () => {
  // Slow (~8-20 s): three short trainings of a one-layer BERT with ONNX exports
  const options: Omit<PretrainMlmOptions, 'outDir'> = {
    sentences: wordnetGlossSentences({ files: ['data.adv'] }).slice(0, 400),
    vocabSize: 300,
    maxLength: 32,
    batchSize: 16,
    model: { hiddenSize: 16, numHeads: 2, intermediateSize: 32, numLayers: 1 },
  };
  const before = tf.memory().numTensors;
  const whole = await pretrainMlm({ ...options, outDir: path.join(dir, 'whole'), epochs: 2 });
  expect(tf.memory().numTensors).toBe(before);
  expect(whole).toMatchObject({ task: 'mlm', epochs: 2, resumedFromEpoch: 0, heldOutSequences: expect.any(Number) });
  expect(whole.maskedPositions).toBeGreaterThan(0);
  expect(checkBertFolder(whole.model, 'fill-mask').graphs['model.onnx'].outputs.map((o) => o.name)).toEqual([
    'logits',
    'last_hidden_state',
  ]);
  checkBertFolder(whole.model, 'feature-extraction');
  expect(fs.existsSync(path.join(whole.tfjsModel, 'bert.json'))).toBe(true);

  const out = path.join(dir, 'resumed');
  await pretrainMlm({ ...options, outDir: out, epochs: 1 });
  const resumed = await pretrainMlm({ ...options, outDir: out, epochs: 2, resume: true });
  expect(resumed.resumedFromEpoch).toBe(1);
  expect(resumed.losses.map((l) => l.loss)).toEqual(whole.losses.map((l) => l.loss));
  expect(resumed.maskedAccuracy).toBe(whole.maskedAccuracy);
}, 300000);
