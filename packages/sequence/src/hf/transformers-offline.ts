/**
 * The one door to transformers.js (`@huggingface/transformers`, an optional peer dependency): loaded
 * on first use, with the offline environment set before anything else runs
 * (`env.allowRemoteModels = false`: the `local_files_only` option alone still makes a network
 * request for a missing file, see DESIGN.md section 3). nlp (BERT pipelines) and audio (speech
 * recognition) both open it here.
 *
 * @example
 * const t = await transformersOffline();
 * const asr = await t.pipeline('automatic-speech-recognition', '/abs/path/to/folder', { dtype: 'fp32' });
 */

// transformers.js ships ESM types (its package is "type": "module"): name the resolution mode.
// prettier-ignore
export type TransformersModule = typeof import('@huggingface/transformers', { with: { 'resolution-mode': 'import' } });

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
