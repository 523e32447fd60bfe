/**
 * The generic part of a Hugging Face model folder, as transformers.js loads it offline (DESIGN.md,
 * "transformers.js from a local folder"):
 *
 *   config.json                     model_type, and id2label / label2id for classifiers
 *   tokenizer.json                  (optional: speech models without text input have none)
 *   tokenizer_config.json, special_tokens_map.json
 *   onnx/model.onnx                 fp32 graph (or encoder_model.onnx + decoder_model_merged.onnx, ...)
 *
 * `writeHfModelFolder` validates everything first, then replaces the folder atomically;
 * `readHfModelFolder` validates a folder (every missing or malformed file is an `HfFolderError`
 * naming the file and the expectation, instead of transformers.js's "Unsupported model type: null"),
 * optionally against the graph inputs and outputs a task needs. Model-specific parts (BERT's inputs,
 * its config fields) belong to the package that defines the model (nlp, audio).
 *
 * @example
 * await writeHfModelFolder('out/ner', {
 *   config: { model_type: 'bert', id2label: { 0: 'O', 1: 'B-PER' } },
 *   tokenizer: { tokenizer: json, config: { tokenizer_class: 'BertTokenizer' } },
 *   onnx: { 'model.onnx': exportToOnnx(model, { inputNames: ['input_ids', 'attention_mask'], outputNames: ['logits'] }) },
 * }, { graphs: { 'model.onnx': { inputs: { input_ids: 'int64', attention_mask: 'int64' }, outputs: ['logits'] } } });
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeModel, OnnxDataType, replaceDirAtomic } from '@dlkit/core';
import { readJsonFile, TokenizerFileError } from '../tokens/hf-tokenizer-json';
import { readTokenizerFolder, TokenizerFolder, writeTokenizerFolder } from '../tokens/hf-tokenizer-folder';

export const HF_CONFIG_JSON = 'config.json';
export const HF_ONNX_DIR = 'onnx';

/** `config.json`: snake_case because the file format is. */
export interface HfModelConfig {
  /** The architecture transformers.js builds ('bert', 'wav2vec2', ...). */
  model_type: string;
  /** Class index (as a string key, as JSON has it) → label, for classifiers. */
  id2label?: Record<string, string>;
  label2id?: Record<string, number>;
  /** Further fields the architecture reads (hidden_size, num_attention_heads, ...). */
  [field: string]: unknown;
}

export interface HfModelFolder {
  config: HfModelConfig;
  /** tokenizer.json + tokenizer_config.json (+ special_tokens_map.json); absent for models without text input. */
  tokenizer?: TokenizerFolder;
  /** ONNX files by name inside onnx/ ('model.onnx') → their bytes. */
  onnx: Record<string, Uint8Array>;
}

/** Element types a graph input may be required to have. */
export type HfInputType = 'int64' | 'float32';

/** What a task needs of one ONNX graph. */
export interface HfGraphExpectation {
  /** Required inputs and their element types (others may exist). */
  inputs?: Readonly<Record<string, HfInputType>>;
  /** Required outputs. */
  outputs?: readonly string[];
}

export interface HfFolderExpectations {
  /** Require a tokenizer (default true: text models cannot run without one). */
  tokenizer?: boolean;
  /** Required ONNX files (default { 'model.onnx': {} }) and what each must declare. */
  graphs?: Readonly<Record<string, HfGraphExpectation>>;
}

/** A graph input or output as the folder's ONNX file declares it. */
export interface HfGraphValue {
  name: string;
  type: string;
  /** Numbers for fixed sizes, names for dynamic axes ('batch'), '?' where the file leaves a dimension unset. */
  shape: (number | string)[];
}

export interface HfModelFolderInfo {
  config: HfModelConfig;
  tokenizer?: TokenizerFolder;
  /** Every required graph's declared inputs and outputs, by file name inside onnx/. */
  graphs: Record<string, { inputs: HfGraphValue[]; outputs: HfGraphValue[] }>;
}

/** A malformed or incomplete model folder: names the file and what was expected. */
export class HfFolderError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'HfFolderError';
  }
}

const TYPE_NAMES: Partial<Record<number, string>> = {
  [OnnxDataType.FLOAT]: 'float32',
  [OnnxDataType.INT64]: 'int64',
  [OnnxDataType.INT32]: 'int32',
  [OnnxDataType.BOOL]: 'bool',
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks config.json's content: model_type, and id2label keys 0..n-1 with label2id its inverse. */
export function validateHfConfig(config: unknown, file: string): HfModelConfig {
  if (!isRecord(config)) throw new HfFolderError(file, 'expected a JSON object');
  if (typeof config.model_type !== 'string' || config.model_type === '')
    throw new HfFolderError(
      file,
      'expected a string "model_type" (e.g. "bert"); transformers.js cannot pick an architecture without it',
    );
  const { id2label, label2id } = config;
  if (id2label !== undefined) {
    if (!isRecord(id2label))
      throw new HfFolderError(file, 'expected "id2label" to be an object of class index → label');
    const keys = Object.keys(id2label);
    keys.forEach((key) => {
      if (!(String(Number(key)) === key && Number(key) < keys.length && typeof id2label[key] === 'string'))
        throw new HfFolderError(
          file,
          `expected "id2label" keys 0..${keys.length - 1} with string labels, got ${JSON.stringify(key)}: ${JSON.stringify(id2label[key])}`,
        );
    });
    if (label2id !== undefined) {
      const inverse = isRecord(label2id) && keys.every((k) => label2id[id2label[k] as string] === Number(k));
      if (!inverse || Object.keys(label2id).length !== keys.length)
        throw new HfFolderError(file, 'expected "label2id" to be the inverse of "id2label"');
    }
  }
  return config as HfModelConfig;
}

/** Reads a graph's declared inputs and outputs and checks them against `expect`. */
function checkGraph(bytes: Uint8Array, file: string, expect: HfGraphExpectation) {
  let graph;
  try {
    graph = decodeModel(bytes).graph;
  } catch (err) {
    throw new HfFolderError(file, `not a valid ONNX model (${(err as Error).message})`);
  }
  const initializers = new Set(graph.initializer.map((t) => t.name));
  const describe = (v: (typeof graph.input)[number]): HfGraphValue => ({
    name: v.name,
    type: TYPE_NAMES[v.elemType] ?? `onnx type ${v.elemType}`,
    shape: (v.shape ?? []).map((d) => d ?? '?'),
  });
  const inputs = graph.input.filter((v) => !initializers.has(v.name)).map(describe);
  const outputs = graph.output.map(describe);
  for (const [name, type] of Object.entries(expect.inputs ?? {})) {
    const found = inputs.find((v) => v.name === name);
    if (!found)
      throw new HfFolderError(
        file,
        `expected a graph input '${name}' (${type}), has: ${inputs.map((v) => v.name).join(', ')}`,
      );
    if (found.type !== type)
      throw new HfFolderError(file, `expected graph input '${name}' to be ${type}, got ${found.type}`);
  }
  for (const name of expect.outputs ?? []) {
    if (!outputs.some((v) => v.name === name))
      throw new HfFolderError(file, `expected a graph output '${name}', has: ${outputs.map((v) => v.name).join(', ')}`);
  }
  return { inputs, outputs };
}

function graphExpectations(expect: HfFolderExpectations): Readonly<Record<string, HfGraphExpectation>> {
  return expect.graphs ?? { 'model.onnx': {} };
}

/** Validates a model folder on disk against `expect`; returns its config, tokenizer and graph signatures. */
export function readHfModelFolder(dir: string, expect: HfFolderExpectations = {}): HfModelFolderInfo {
  if (!fs.existsSync(dir)) throw new HfFolderError(dir, 'model folder not found');
  const configFile = path.join(dir, HF_CONFIG_JSON);
  let config: HfModelConfig;
  try {
    config = validateHfConfig(readJsonFile(configFile), configFile);
  } catch (err) {
    throw err instanceof TokenizerFileError ? new HfFolderError(err.file, err.message.slice(err.file.length + 2)) : err;
  }
  const tokenizer = expect.tokenizer === false ? undefined : readTokenizerFolder(dir);
  const graphs: HfModelFolderInfo['graphs'] = {};
  for (const [name, graphExpect] of Object.entries(graphExpectations(expect))) {
    const file = path.join(dir, HF_ONNX_DIR, name);
    if (!fs.existsSync(file)) throw new HfFolderError(file, `missing (expected the ONNX graph ${HF_ONNX_DIR}/${name})`);
    graphs[name] = checkGraph(fs.readFileSync(file), file, graphExpect);
  }
  return { config, ...(tokenizer ? { tokenizer } : {}), graphs };
}

/**
 * Writes a model folder: validates the config, the tokenizer and every graph against `expect`
 * first, then replaces `dir` atomically (a killed process leaves the old folder or the new one),
 * then reads the result back through `readHfModelFolder`. Returns the files written.
 */
export async function writeHfModelFolder(
  dir: string,
  folder: HfModelFolder,
  expect: HfFolderExpectations = {},
): Promise<string[]> {
  const configFile = path.join(dir, HF_CONFIG_JSON);
  validateHfConfig(folder.config, configFile);
  if (expect.tokenizer !== false && !folder.tokenizer)
    throw new HfFolderError(dir, 'expected a tokenizer (pass expect.tokenizer = false for a model without text input)');
  for (const [name, graphExpect] of Object.entries(graphExpectations(expect))) {
    const bytes = folder.onnx[name];
    if (!bytes) throw new HfFolderError(path.join(dir, HF_ONNX_DIR, name), 'no bytes given for this required graph');
    checkGraph(bytes, path.join(dir, HF_ONNX_DIR, name), graphExpect);
  }
  const relative: string[] = [];
  await replaceDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, HF_CONFIG_JSON), JSON.stringify(folder.config, null, 2) + '\n');
    relative.push(HF_CONFIG_JSON);
    if (folder.tokenizer)
      relative.push(...writeTokenizerFolder(tmp, folder.tokenizer).map((f) => path.relative(tmp, f)));
    fs.mkdirSync(path.join(tmp, HF_ONNX_DIR));
    for (const [name, bytes] of Object.entries(folder.onnx)) {
      fs.writeFileSync(path.join(tmp, HF_ONNX_DIR, name), bytes);
      relative.push(path.join(HF_ONNX_DIR, name));
    }
  });
  readHfModelFolder(dir, expect);
  return relative.map((f) => path.join(dir, f));
}
