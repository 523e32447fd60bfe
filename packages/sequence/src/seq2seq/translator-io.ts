/**
 * What every translator architecture shares: the directory format (`translator.json` with a
 * `format` field + `tfjs/` weights, written atomically), loading the weights back by position, and
 * scoring translations (exact match, character error rate, per-character accuracy).
 *
 * @example
 * const { json } = readTranslatorJson<TranslatorJson>(dir, 'dlkit-seq2seq');
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { fileSystem, replaceDirAtomic, saveModel, writeFileAtomic } from '@dlkit/core';
import { cer, exactMatch } from '../metrics/error-rate';
import type { Pair, PairCoder } from './pairs';

export const TRANSLATOR_JSON = 'translator.json';
const TFJS_DIR = 'tfjs';

/** Exact match, CER, per-character accuracy over the Ty positions and up to 10 mistakes. */
export interface TranslatorEvaluation {
  exactMatch: number;
  /** Character error rate: Σ edit distance / Σ target length. */
  cer: number;
  /** Characters equal at the same position, over m × Ty positions (padding included). */
  charAccuracy: number;
  /** Up to 10 mistakes. */
  errors: { input: string; output: string; target: string }[];
}

/** Reads `dir/translator.json`, checking its format; `raw.format` names the architecture. */
export function readTranslatorJson<J extends { format: string; coder: unknown; model: unknown }>(
  dir: string,
  format?: string,
): { json: J; file: string } {
  const file = path.join(dir, TRANSLATOR_JSON);
  if (!fs.existsSync(file)) throw new Error(`${dir}: no ${TRANSLATOR_JSON} (not a saved translator)`);
  let json: J;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as J;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if ((format !== undefined && json.format !== format) || !json.coder || !json.model)
    throw new Error(`${file}: expected a ${format ?? 'dlkit'} translator description`);
  return { json, file };
}

/** Writes the translator directory atomically (replacing an existing one). */
export async function saveTranslatorDir(dir: string, model: tf.LayersModel, json: object): Promise<void> {
  await replaceDirAtomic(dir, async (tmp) => {
    await saveModel(model, path.join(tmp, TFJS_DIR));
    writeFileAtomic(path.join(tmp, TRANSLATOR_JSON), `${JSON.stringify(json, null, 1)}\n`);
  });
}

/** Sets `model`'s weights from `dir/tfjs` (by position: names carry per-process suffixes); on failure calls `dispose` and rethrows. */
export async function loadTranslatorWeights(dir: string, model: tf.LayersModel, dispose: () => void): Promise<void> {
  try {
    const artifacts = await fileSystem(path.join(dir, TFJS_DIR)).load!();
    const specs = artifacts.weightSpecs ?? [];
    const named = tf.io.decodeWeights(artifacts.weightData!, specs);
    try {
      if (specs.length !== model.weights.length)
        throw new Error(
          `${dir}: the saved model has ${specs.length} weight tensors, the architecture in ${TRANSLATOR_JSON} has ${model.weights.length}`,
        );
      model.setWeights(specs.map((s) => named[s.name]));
    } finally {
      tf.dispose(Object.values(named));
    }
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Scores `translate(sources)` against the targets. */
export function evaluateTranslations(
  coder: PairCoder,
  pairs: readonly Pair[],
  translate: (texts: readonly string[]) => { input: string; output: string }[],
): TranslatorEvaluation {
  if (pairs.length === 0) throw new Error('evaluate needs at least one pair');
  const results = translate(pairs.map((p) => p.source));
  const outputs = results.map((r) => r.output);
  const targets = pairs.map((p) => p.target);
  let chars = 0;
  const errors: TranslatorEvaluation['errors'] = [];
  results.forEach((r, i) => {
    const target = targets[i];
    if (r.output !== target && errors.length < 10) errors.push({ input: r.input, output: r.output, target });
    const a = coder.encodeTarget(r.output);
    const b = coder.encodeTarget(target);
    for (let k = 0; k < coder.ty; k++) if (a[k] === b[k]) chars++;
  });
  return {
    exactMatch: exactMatch(outputs, targets),
    cer: cer(outputs, targets),
    charAccuracy: chars / (pairs.length * coder.ty),
    errors,
  };
}
