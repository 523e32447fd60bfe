/**
 * The translator interface every architecture implements (the Bi-LSTM + attention
 * Seq2seqTranslator, the TransformerTranslator) and `loadTranslator`, which reads a saved
 * directory's `translator.json` format and dispatches to the right class.
 *
 * @example
 * const t = await loadTranslator('dlkit-out/translate/en-fr/model');
 * t.translate('forty two').output; // 'quarante-deux'
 * t.dispose();
 */
import type * as tf from '@tensorflow/tfjs';
import type { DecoderSession } from './beam-search';
import type { Pair, PairCoder } from './pairs';
import { Seq2seqTranslator, type TranslateOptions, type Translation } from './translator';
import { readTranslatorJson, type TranslatorEvaluation } from './translator-io';
import { TRANSFORMER_TRANSLATOR_FORMAT, TransformerTranslator } from './transformer-translator';

export interface Translator {
  readonly coder: PairCoder;
  /** The training model (its parameters are the translator's). */
  readonly model: tf.LayersModel;
  info: Record<string, unknown>;
  decoderSession(texts: readonly string[], firstIndex?: number, total?: number): DecoderSession;
  translateBatch(texts: readonly string[], options?: TranslateOptions): Translation[];
  translate(text: string, options?: Omit<TranslateOptions, 'batchSize'>): Translation;
  evaluate(pairs: readonly Pair[], options?: TranslateOptions): TranslatorEvaluation;
  save(dir: string): Promise<void>;
  exportOnnx(file: string): void;
  dispose(): void;
}

/** Loads a translator directory of any architecture ('dlkit-seq2seq' or 'dlkit-transformer-translator'). */
export async function loadTranslator(dir: string): Promise<Translator> {
  const { json, file } = readTranslatorJson<{ format: string; coder: unknown; model: unknown }>(dir);
  if (json.format === 'dlkit-seq2seq') return Seq2seqTranslator.load(dir);
  if (json.format === TRANSFORMER_TRANSLATOR_FORMAT) return TransformerTranslator.load(dir);
  throw new Error(`${file}: unknown translator format ${JSON.stringify(json.format)}`);
}
