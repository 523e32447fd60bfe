/**
 * The generic Hugging Face model folder: a tiny transformer token classifier (int64 input_ids and
 * attention_mask → logits, exported with the transformer exporters) written with a character
 * tokenizer, read back, and every malformed or missing piece reported with its file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, initBackend } from '@dlkit/core';
import { charTokenizerJson } from '../tokens/char-tokenizer';
import { Vocabulary } from '../tokens/vocabulary';
import { PositionalEncoding } from '../transformer/positional-encoding';
import { TRANSFORMER_ONNX_EXPORTERS } from '../transformer/onnx-exporters';
import { TransformerEncoderLayer } from '../transformer/transformer-encoder-layer';
import { HfFolderExpectations, HfModelFolder, readHfModelFolder, writeHfModelFolder } from './hf-model-folder';

let tmp: string;
let onnx: Uint8Array;
const tokenizer = charTokenizerJson(new Vocabulary(['<pad>', '<unk>', ...'abc'], { unknownToken: '<unk>' }), {
  padToken: '<pad>',
  tokenizerClass: 'PreTrainedTokenizer',
});
const TOKEN_CLASSIFICATION: HfFolderExpectations = {
  graphs: { 'model.onnx': { inputs: { input_ids: 'int64', attention_mask: 'int64' }, outputs: ['logits'] } },
};
const folder = (): HfModelFolder => ({
  config: { model_type: 'bert', id2label: { 0: 'O', 1: 'B-X' }, label2id: { O: 0, 'B-X': 1 } },
  tokenizer,
  onnx: { 'model.onnx': onnx },
});

beforeAll(async () => {
  await initBackend();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-hf-folder-'));
  const ids = tf.input({ shape: [null], dtype: 'int32', name: 'input_ids' }); // [B, T]
  const mask = tf.input({ shape: [null], dtype: 'int32', name: 'attention_mask' }); // [B, T]
  const x = new PositionalEncoding({ kind: 'learned', maxLength: 16, seed: 1 }).apply(
    tf.layers.embedding({ inputDim: 5, outputDim: 8 }).apply(ids),
  ) as tf.SymbolicTensor;
  const h = new TransformerEncoderLayer({ numHeads: 2, dff: 16, seed: 2 }).apply([x, mask]) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 2, name: 'logits' }).apply(h) as tf.SymbolicTensor; // [B, T, 2]
  const model = tf.model({ inputs: [ids, mask], outputs: logits });
  onnx = exportToOnnx(model, { exporters: TRANSFORMER_ONNX_EXPORTERS });
  model.dispose();
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('writes config.json, the tokenizer files and onnx/model.onnx, and reads them back with the graph signature', async () => {
  const dir = path.join(tmp, 'ok');
  const files = await writeHfModelFolder(dir, folder(), TOKEN_CLASSIFICATION);
  expect(files.map((f) => path.relative(dir, f)).sort()).toEqual(
    ['config.json', 'onnx/model.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'].sort(),
  );
  const info = readHfModelFolder(dir, TOKEN_CLASSIFICATION);
  expect(info.config.model_type).toBe('bert');
  expect(info.tokenizer?.config.tokenizer_class).toBe('PreTrainedTokenizer');
  expect(info.graphs['model.onnx'].inputs).toEqual([
    { name: 'input_ids', type: 'int64', shape: ['batch', 'input_ids_dim1'] },
    { name: 'attention_mask', type: 'int64', shape: ['batch', 'attention_mask_dim1'] },
  ]);
  expect(info.graphs['model.onnx'].outputs.map((o) => o.name)).toEqual(['logits']);
});

it('refuses a folder it would write wrong, before touching the disk', async () => {
  const dir = path.join(tmp, 'never');
  const bad = (patch: Partial<HfModelFolder>) =>
    writeHfModelFolder(dir, { ...folder(), ...patch }, TOKEN_CLASSIFICATION);
  await expect(bad({ config: { model_type: '' } })).rejects.toThrow('config.json: expected a string "model_type"');
  await expect(bad({ config: { model_type: 'bert', id2label: { 0: 'O', 2: 'X' } } })).rejects.toThrow(
    'expected "id2label" keys 0..1',
  );
  await expect(bad({ config: { model_type: 'bert', id2label: { 0: 'O' }, label2id: { X: 0 } } })).rejects.toThrow(
    'expected "label2id" to be the inverse of "id2label"',
  );
  await expect(bad({ tokenizer: undefined })).rejects.toThrow('expected a tokenizer');
  await expect(bad({ onnx: {} })).rejects.toThrow(`${path.join(dir, 'onnx', 'model.onnx')}: no bytes given`);
  await expect(bad({ onnx: { 'model.onnx': new Uint8Array([1, 2, 3]) } })).rejects.toThrow('not a valid ONNX model');
  const withTypes = (inputs: Record<string, 'int64' | 'float32'>, outputs: string[] = []) =>
    writeHfModelFolder(dir, folder(), { graphs: { 'model.onnx': { inputs, outputs } } });
  await expect(withTypes({ token_type_ids: 'int64' })).rejects.toThrow(
    "expected a graph input 'token_type_ids' (int64), has: input_ids, attention_mask",
  );
  await expect(withTypes({ input_ids: 'float32' })).rejects.toThrow(
    "expected graph input 'input_ids' to be float32, got int64",
  );
  await expect(withTypes({}, ['start_logits'])).rejects.toThrow("expected a graph output 'start_logits', has: logits");
  expect(fs.existsSync(dir)).toBe(false);
});

it('names the missing or malformed file of a folder on disk', async () => {
  const dir = path.join(tmp, 'broken');
  await writeHfModelFolder(dir, folder());
  fs.rmSync(path.join(dir, 'onnx', 'model.onnx'));
  expect(() => readHfModelFolder(dir)).toThrow(`${path.join(dir, 'onnx', 'model.onnx')}: missing`);
  fs.writeFileSync(path.join(dir, 'config.json'), '{ not json');
  expect(() => readHfModelFolder(dir)).toThrow(`${path.join(dir, 'config.json')}: expected JSON`);
  fs.rmSync(path.join(dir, 'config.json'));
  expect(() => readHfModelFolder(dir)).toThrow(`${path.join(dir, 'config.json')}: cannot read the file (ENOENT)`);
  expect(() => readHfModelFolder(path.join(tmp, 'nowhere'))).toThrow('model folder not found');
});

it('writes a model without a tokenizer when told (speech)', async () => {
  const dir = path.join(tmp, 'speech');
  await writeHfModelFolder(
    dir,
    { config: { model_type: 'wav2vec2' }, onnx: { 'model.onnx': onnx } },
    { tokenizer: false },
  );
  expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'onnx']);
  expect(readHfModelFolder(dir, { tokenizer: false }).tokenizer).toBeUndefined();
});
