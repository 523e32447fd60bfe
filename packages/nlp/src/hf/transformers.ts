/**
 * The one door to transformers.js (`@huggingface/transformers`) in dlkit: loaded on first use,
 * with the offline environment set before anything else runs (`env.allowRemoteModels = false`:
 * the `local_files_only` option alone still makes a network request for a missing file, see
 * DESIGN.md section 3). Folders are validated with sequence's reader first, because
 * transformers.js reports a missing or broken file cryptically.
 *
 * @example
 * const hf = await loadHfTokenizer('out/wordpiece');
 * hf.encode('the cat sat');                        // ids, [CLS] ... [SEP] included
 * hf.decode(ids, { skip_special_tokens: true });   // 'the cat sat'
 */
import * as path from 'path';
import { readTokenizerFolder } from '@dlkit/sequence';

// transformers.js ships ESM types (its package is "type": "module"): name the resolution mode.
type TransformersModule = typeof import('@huggingface/transformers', { with: { 'resolution-mode': 'import' } });

/** What dlkit uses of a transformers.js tokenizer (snake_case: transformers.js's own option names). */
export interface HfTokenizer {
  encode(text: string, options?: { text_pair?: string | null; add_special_tokens?: boolean }): number[];
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
}

let loading: Promise<TransformersModule> | undefined; // the library, loaded once (like core's backend singleton)

/** transformers.js with remote models switched off. */
export function transformersOffline(): Promise<TransformersModule> {
  loading ??= import('@huggingface/transformers').then((t) => {
    t.env.allowRemoteModels = false;
    t.env.allowLocalModels = true;
    return t;
  });
  return loading;
}

/** Loads a tokenizer folder (tokenizer.json + tokenizer_config.json) with AutoTokenizer, offline. */
export async function loadHfTokenizer(dir: string): Promise<HfTokenizer> {
  readTokenizerFolder(dir); // clear errors naming the file, before transformers.js sees it
  const t = await transformersOffline();
  return t.AutoTokenizer.from_pretrained(path.resolve(dir)) as Promise<HfTokenizer>;
}
