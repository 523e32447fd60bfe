/**
 * Checks a BERT folder before transformers.js sees it (its own errors are cryptic: "Unsupported
 * model type: null", "this.tokenizer is not a function", labels silently LABEL_n, [CLS]/[SEP]
 * silently omitted). Every problem is an HfFolderError naming the file and what it is for.
 *
 * @example
 * checkBertFolder('out/ner', 'token-classification'); // throws on the first problem
 */
import * as fs from 'fs';
import * as path from 'path';
import { HfFolderError, HfModelFolderInfo, readHfModelFolder } from '@dlkit/sequence';
import { BertTask, bertFolderExpectations, bertTaskSpec } from './bert-tasks';

/** The files a BERT folder needs and what each is for. */
export const BERT_FOLDER_FILES: Readonly<Record<string, string>> = {
  'config.json': 'the model configuration: model_type "bert", sizes, id2label for classifiers',
  'tokenizer.json': 'the WordPiece vocabulary, normalizer and [CLS]/[SEP] post-processor',
  'tokenizer_config.json': 'the tokenizer class (BertTokenizer) and its special tokens',
  'onnx/model.onnx': 'the ONNX graph transformers.js runs (fp32 loads onnx/model.onnx)',
};

export function checkBertFolder(dir: string, task: BertTask): HfModelFolderInfo {
  if (!fs.existsSync(dir)) throw new HfFolderError(dir, 'model folder not found');
  for (const [file, purpose] of Object.entries(BERT_FOLDER_FILES))
    if (!fs.existsSync(path.join(dir, file))) throw new HfFolderError(path.join(dir, file), `missing: ${purpose}`);
  const rawConfig = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  if (rawConfig.model_type === undefined)
    throw new HfFolderError(path.join(dir, 'config.json'), 'missing "model_type" (expected "bert")');
  const info = readHfModelFolder(dir, bertFolderExpectations(task));
  const configFile = path.join(dir, 'config.json');
  if (info.config.model_type !== 'bert')
    throw new HfFolderError(configFile, `expected model_type "bert", got ${JSON.stringify(info.config.model_type)}`);
  if (bertTaskSpec(task).labels && !info.config.id2label)
    throw new HfFolderError(configFile, `${task} needs "id2label" (else transformers.js names the labels LABEL_n)`);
  const tokenizer = info.tokenizer!;
  if (tokenizer.tokenizer.post_processor?.type !== 'TemplateProcessing')
    throw new HfFolderError(
      path.join(dir, 'tokenizer.json'),
      'expected a TemplateProcessing post_processor (without it transformers.js silently omits [CLS] and [SEP])',
    );
  const tc = tokenizer.config;
  if (tc.tokenizer_class !== 'BertTokenizer' || typeof tc.sep_token !== 'string')
    throw new HfFolderError(
      path.join(dir, 'tokenizer_config.json'),
      'expected tokenizer_class "BertTokenizer" and a sep_token (question answering splits question and context on it)',
    );
  return info;
}

/**
 * The longest input (in tokens, special tokens included) a BERT folder takes: config.json's
 * `max_position_embeddings`, or tokenizer_config.json's `model_max_length` when smaller (512 when
 * neither says). Longer inputs must be windowed or truncated before the model sees them: past its
 * position table the ONNX graph fails with a broadcast error.
 */
export function bertMaxTokens(info: Pick<HfModelFolderInfo, 'config' | 'tokenizer'>): number {
  const limits = [info.config.max_position_embeddings, info.tokenizer?.config.model_max_length].filter(
    (n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0,
  );
  return limits.length > 0 ? Math.min(...limits) : 512;
}
