/**
 * pretrainMlm end to end on a tiny corpus and model: the products are written, and a run killed
 * after epoch 1 and resumed (--resume) ends exactly where an uninterrupted run ends (the masks are
 * seeded per example and epoch, the batch order by the Trainer's checkpoint); and a run continued
 * `from` a folder starts from that folder's weights and tokenizer.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { checkBertFolder } from './bert-folder';
import { pretrainMlm, PretrainMlmOptions } from './pretrain-mlm';
import { disposeModels, loadBert } from './saved-bert';

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

test('a run continued from a folder starts from its weights and keeps its tokenizer', async () => {
  // Slow (~6-15 s): two short trainings of a one-layer BERT with ONNX exports
  const model = { hiddenSize: 16, numHeads: 2, intermediateSize: 32, numLayers: 1 };
  const base = { vocabSize: 300, maxLength: 32, batchSize: 16, epochs: 1 };
  const first = await pretrainMlm({
    ...base,
    sentences: wordnetGlossSentences({ files: ['data.adv'] }).slice(0, 300),
    model,
    outDir: path.join(dir, 'first'),
  });
  const before = tf.memory().numTensors;
  // other sentences, a learning rate too small to move the weights: the outputs must stay the first run's
  const next = await pretrainMlm({
    ...base,
    sentences: wordnetGlossSentences({ files: ['data.adj'] }).slice(0, 300),
    learningRate: 1e-12,
    seed: 7,
    from: path.join(dir, 'first'),
    outDir: path.join(dir, 'next'),
  });
  expect(tf.memory().numTensors).toBe(before);
  expect(next.embeddingInit).toBe('pretrained');
  const tokenizerJson = (r: { model: string }) => fs.readFileSync(path.join(r.model, 'tokenizer.json'), 'utf8');
  expect(tokenizerJson(next)).toBe(tokenizerJson(first));
  const a = await loadBert(first.tfjsModel);
  const b = await loadBert(next.tfjsModel);
  const ids = [[2, 10, 11, 12, 3]];
  const inputs = () => [ids, [[1, 1, 1, 1, 1]], [[0, 0, 0, 0, 0]]].map((r) => tf.tensor2d(r, undefined, 'int32'));
  const logits = (m: tf.LayersModel) => {
    const x = inputs();
    const y = [m.predict(x)].flat();
    const out = (y[0].arraySync() as number[][][]).flat(2);
    tf.dispose([...x, ...y]);
    return out;
  };
  const [la, lb] = [logits(a.mlm), logits(b.mlm)];
  expect(la.length).toBe(5 * 300);
  expect(Math.max(...la.map((v, i) => Math.abs(v - lb[i])))).toBeLessThan(1e-4);
  disposeModels([a.mlm, a.encoder.model, b.mlm, b.encoder.model]);
  await expect(pretrainMlm({ ...base, from: path.join(dir, 'missing'), outDir: path.join(dir, 'x') })).rejects.toThrow(
    /missing.*hf: expected the tokenizer of an MLM folder/,
  );
}, 300000);
