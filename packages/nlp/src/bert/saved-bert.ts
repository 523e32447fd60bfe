/**
 * A pretrained BERT on disk for tfjs (fine-tuning starts here; serving uses the Hugging Face folder):
 *
 * ```
 * <dir>/model.json, weights.bin   the fill-mask model (encoder + MLM head), core's saveModel
 * <dir>/bert.json                 { format, config: BertConfig }
 * ```
 *
 * @example
 * const { encoder, mlm } = await loadBert('dlkit-out/mlm/model');
 * const ner = bertForTokenClassification(encoder, 9); // a new head on the pretrained encoder
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, saveModel } from '@dlkit/core';
import { BertConfig, bertConfig } from './bert-config';
import { BertEncoder } from './bert-encoder';

export const BERT_JSON = 'bert.json';
const FORMAT = 'dlkit-bert';

export async function saveBert(mlm: tf.LayersModel, config: BertConfig, dir: string): Promise<string> {
  await saveModel(mlm, dir);
  fs.writeFileSync(path.join(dir, BERT_JSON), JSON.stringify({ format: FORMAT, version: 1, config }, null, 1) + '\n');
  return dir;
}

/** The saved fill-mask model and its encoder (the same layers: heads built on it share them). */
export async function loadBert(dir: string): Promise<{ encoder: BertEncoder; mlm: tf.LayersModel }> {
  const file = path.join(dir, BERT_JSON);
  if (!fs.existsSync(file)) throw new Error(`${file}: missing (the BERT config saved beside model.json)`);
  const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; config?: BertConfig };
  if (meta.format !== FORMAT || !meta.config) throw new Error(`${file}: expected { format: "${FORMAT}", config }`);
  const config = bertConfig(meta.config);
  const mlm = await loadModel(dir);
  const hidden = mlm.getLayer(`encoder_${config.numLayers - 1}`).output as tf.SymbolicTensor; // [B, T, H]
  const inputs = mlm.inputs;
  return { encoder: { config, inputs, hidden, model: tf.model({ inputs, outputs: hidden, name: 'bert' }) }, mlm };
}

/**
 * Frees every layer of models that share layers (a loaded BERT, its encoder model and the heads
 * built on it): tfjs counts one reference per model a layer is in, so each is released that often.
 */
export function disposeModels(models: readonly tf.LayersModel[]): void {
  const layers = new Set(models.flatMap((m) => m.layers));
  for (const layer of layers) {
    const refs = (layer as unknown as { _refCount: number | null })._refCount;
    for (let i = 0; i < (refs ?? 0); i++) layer.dispose();
  }
}

/**
 * Copies every weight of `target` from the layer of the same name in `source` (a warm start: the
 * same architecture built again, e.g. a training model around a loaded BERT's layers). Throws, naming
 * `where`, when a layer is missing or its weight shapes differ.
 */
export function copyLayerWeights(source: tf.LayersModel, target: tf.LayersModel, where: string): number {
  const byName = new Map(source.layers.map((l) => [l.name, l]));
  let copied = 0;
  for (const layer of target.layers) {
    if (layer.weights.length === 0) continue;
    const from = byName.get(layer.name);
    const shapes = (l: tf.layers.Layer) => JSON.stringify(l.weights.map((w) => w.shape));
    if (!from || shapes(from) !== shapes(layer))
      throw new Error(
        `${where}: expected a layer ${layer.name} with weights ${shapes(layer)}, got ${from ? shapes(from) : 'none'}`,
      );
    layer.setWeights(from.getWeights());
    copied += layer.weights.length;
  }
  return copied;
}
