import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { bertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { checkBertFolder } from './bert-folder';
import { bertForTokenClassification } from './bert-heads';
import { exportHuggingFace, nerSubwordPooling } from './export-hugging-face';

const tokenizer = tinyWordPiece(['ada', 'met', '##s']);
let dir: string;
let folder: string;
const edit = (file: string, f: (json: Record<string, unknown>) => void) => {
  const p = path.join(folder, file);
  const json = JSON.parse(fs.readFileSync(p, 'utf8'));
  f(json);
  fs.writeFileSync(p, JSON.stringify(json));
};

beforeAll(async () => {
  await initBackend();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bert-folder-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  folder = path.join(dir, 'ner');
  const encoder = buildBertEncoder(
    bertConfig({ vocabSize: 8, hiddenSize: 8, numHeads: 2, intermediateSize: 16, numLayers: 1 }),
  );
  const model = bertForTokenClassification(encoder, 3);
  await exportHuggingFace(model, tokenizer, folder, { task: 'token-classification', labels: ['O', 'B-PER', 'I-PER'] });
  model.dispose();
});

describe('exportHuggingFace and checkBertFolder', () => {
  it('writes config.json with model_type, sizes and labels, and the tokenizer files', () => {
    const info = checkBertFolder(folder, 'token-classification');
    expect(info.config).toMatchObject({
      model_type: 'bert',
      architectures: ['BertForTokenClassification'],
      hidden_size: 8,
      num_hidden_layers: 1,
      id2label: { 0: 'O', 1: 'B-PER', 2: 'I-PER' },
      label2id: { O: 0, 'B-PER': 1, 'I-PER': 2 },
    });
    expect(info.graphs['model.onnx'].inputs.map((v) => [v.name, v.type])).toEqual([
      ['input_ids', 'int64'],
      ['attention_mask', 'int64'],
      ['token_type_ids', 'int64'],
    ]);
    expect(info.graphs['model.onnx'].outputs.map((v) => v.name)).toEqual(['logits']);
    expect(fs.existsSync(path.join(folder, 'special_tokens_map.json'))).toBe(true);
  });

  it('records how word labels are read from sub-words: absent means first, subwordPooling all writes it', async () => {
    expect(nerSubwordPooling(checkBertFolder(folder, 'token-classification').config)).toBe('first');
    const encoder = buildBertEncoder(
      bertConfig({ vocabSize: 8, hiddenSize: 8, numHeads: 2, intermediateSize: 16, numLayers: 1 }),
    );
    const model = bertForTokenClassification(encoder, 3);
    const pooled = path.join(dir, 'ner-all');
    await exportHuggingFace(model, tokenizer, pooled, {
      task: 'token-classification',
      labels: ['O', 'B-PER', 'I-PER'],
      subwordPooling: 'all',
    });
    model.dispose();
    const config = checkBertFolder(pooled, 'token-classification').config;
    expect(config.subword_pooling).toBe('all');
    expect(nerSubwordPooling(config)).toBe('all');
  });

  it('names the missing file and what it is for', () => {
    fs.rmSync(path.join(folder, 'tokenizer_config.json'));
    expect(() => checkBertFolder(folder, 'token-classification')).toThrow(
      /ner\/tokenizer_config.json: missing: the tokenizer class \(BertTokenizer\)/,
    );
  });

  it('reports a tokenizer without post-processor (transformers.js would drop [CLS] and [SEP])', () => {
    edit('tokenizer.json', (t) => (t.post_processor = null));
    expect(() => checkBertFolder(folder, 'token-classification')).toThrow(
      /tokenizer.json: expected a TemplateProcessing post_processor/,
    );
  });

  it('reports a missing model_type, missing labels and the wrong outputs for a task', () => {
    edit('config.json', (c) => delete c.id2label && delete c.label2id);
    expect(() => checkBertFolder(folder, 'token-classification')).toThrow(
      /config.json: token-classification needs "id2label"/,
    );
    expect(() => checkBertFolder(folder, 'feature-extraction')).toThrow(/expected a graph output 'last_hidden_state'/);
    expect(() => checkBertFolder(folder, 'question-answering')).toThrow(/expected a graph output 'start_logits'/);
    edit('config.json', (c) => delete c.model_type);
    expect(() => checkBertFolder(folder, 'token-classification')).toThrow(/config.json: missing "model_type"/);
  });

  it('refuses labels that do not match the logits, and a model of another vocabulary', async () => {
    const encoder = buildBertEncoder(
      bertConfig({ vocabSize: 8, hiddenSize: 8, numHeads: 2, intermediateSize: 16, numLayers: 1 }),
    );
    const model = bertForTokenClassification(encoder, 3);
    await expect(exportHuggingFace(model, tokenizer, folder, { task: 'token-classification' })).rejects.toThrow(
      /needs labels: one name per logit \(3\), got none/,
    );
    const other = tinyWordPiece([]);
    await expect(
      exportHuggingFace(model, other, folder, { task: 'token-classification', labels: ['O', 'B', 'I'] }),
    ).rejects.toThrow(/vocabulary \(8\) differs from the tokenizer's \(5\)/);
    model.dispose();
  });
});
