/**
 * nlp's door to transformers.js (`@huggingface/transformers`), through sequence's
 * `transformersOffline` (loaded on first use, remote models switched off before anything runs). Folders are
 * validated with sequence's reader first, because transformers.js reports a missing or broken
 * file cryptically.
 *
 * Pipelines (`openPipeline`) load a model folder by absolute path (transformers.js uses a path
 * starting with '/' as given; `env.localModelPath` only prefixes model ids), fp32, which reads
 * `onnx/model.onnx`; the folder is checked for the task first (checkBertFolder).
 *
 * @example
 * const fill = await openPipeline('fill-mask', 'out/mlm/hf');
 * await fill('a [MASK] of water'); // [{ token, token_str, score, sequence }, ...]
 * const hf = await loadHfTokenizer('out/wordpiece');
 * hf.encode('the cat sat');                        // ids, [CLS] ... [SEP] included
 * hf.decode(ids, { skip_special_tokens: true });   // 'the cat sat'
 */
import * as path from 'path';
import { readTokenizerFolder, transformersOffline } from '@dlkit/sequence';
import { checkBertFolder } from '../bert/bert-folder';
import { BertTask } from '../bert/bert-tasks';

// transformers.js's door is sequence's transformersOffline (audio's speech recognition opens it too)
export { transformersOffline };

/** What dlkit uses of a transformers.js tokenizer (snake_case: transformers.js's own option names). */
export interface HfTokenizer {
  encode(text: string, options?: { text_pair?: string | null; add_special_tokens?: boolean }): number[];
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
}

/** Loads a tokenizer folder (tokenizer.json + tokenizer_config.json) with AutoTokenizer, offline. */
export async function loadHfTokenizer(dir: string): Promise<HfTokenizer> {
  readTokenizerFolder(dir); // clear errors naming the file, before transformers.js sees it
  const t = await transformersOffline();
  return t.AutoTokenizer.from_pretrained(path.resolve(dir)) as Promise<HfTokenizer>;
}

/** One fill-mask candidate (transformers.js's field names). */
export interface FillMaskResult {
  score: number;
  token: number;
  token_str: string;
  sequence: string;
}

/** One sub-word's label from the token-classification pipeline (no character offsets: see groupEntities). */
export interface TokenLabel {
  entity: string;
  score: number;
  /** Position in the encoding, [CLS] = 0. */
  index: number;
  word: string;
}

/** The question-answering pipeline's answer (no start/end: see answerOffsets). */
export interface QaPipelineAnswer {
  answer: string;
  score: number;
}

/** A transformers.js tensor as the feature-extraction pipeline returns it. */
export interface HfTensor {
  data: Float32Array;
  dims: number[];
}

/** What each task's pipeline takes and returns (the subset dlkit uses). */
export interface BertPipelines {
  'fill-mask': (text: string, options?: { top_k?: number }) => Promise<FillMaskResult[]>;
  'feature-extraction': (
    text: string | string[],
    options?: { pooling?: 'none' | 'mean' | 'cls'; normalize?: boolean },
  ) => Promise<HfTensor>;
  'token-classification': (text: string, options?: { ignore_labels?: string[] }) => Promise<TokenLabel[]>;
  'question-answering': (question: string, context: string, options?: { top_k?: number }) => Promise<QaPipelineAnswer>;
}

/**
 * A transformers.js pipeline over a BERT folder on disk (exportHuggingFace), offline. The folder is
 * checked for the task first, so a missing file or field is reported by name.
 */
export async function openPipeline<K extends BertTask>(task: K, dir: string): Promise<BertPipelines[K]> {
  checkBertFolder(dir, task);
  const t = await transformersOffline();
  const run = await t.pipeline(task, path.resolve(dir), { dtype: 'fp32' });
  return run as unknown as BertPipelines[K];
}
