import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-mlm-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('dlkit mlm train writes a Hugging Face folder that dlkit similarity serves through transformers.js', async () => {
  // Slow (~20-60 s): WordNet's glosses loaded, a WordPiece trained, one epoch of a 2-layer BERT, then two pipelines
  const out = path.join(tmp, 'mlm');
  const r = await runCli(
    'mlm',
    'train',
    '--max-sentences',
    '600',
    '--vocab-size',
    '1000',
    '--epochs',
    '1',
    '--whole-words',
    '--out',
    out,
    '--json',
  );
  expect(r.code).toBe(0);
  const json = r.json<{ task: string; maskedAccuracy: number; model: string; unigramAccuracy: number }>();
  expect(json).toMatchObject({
    task: 'mlm',
    model: path.join(out, 'hf'),
    embeddingInit: 'skipgram',
    wholeWordMasking: true,
  });
  expect(json.maskedAccuracy).toBeGreaterThanOrEqual(0);
  for (const f of [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    'special_tokens_map.json',
    'onnx/model.onnx',
  ])
    expect(fs.existsSync(path.join(json.model, f))).toBe(true);
  const same = await runCli('similarity', '--model', json.model, 'a small cat', 'a small cat', '--json');
  expect(same.code).toBe(0);
  expect(same.json<{ similarity: number }>().similarity).toBeCloseTo(1, 3);
  const other = await runCli('similarity', '--model', json.model, 'a small cat', 'the act of running', '--json');
  const s = other.json<{ task: string; similarity: number }>();
  expect(s.task).toBe('similarity');
  expect(s.similarity).toBeGreaterThan(-1);
  expect(s.similarity).toBeLessThan(1);
}, 300000);
