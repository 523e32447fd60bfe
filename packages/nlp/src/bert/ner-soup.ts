/**
 * NER fine-tuning as a uniform model soup (core's averageModelWeights; Wortsman et al. 2022):
 * `soup` runs of finetuneNer from the same MLM folder with seeds seed, seed+1, ... (each its own
 * generated sentences, head initialisation and batch order), whose weights are then averaged into
 * one model, scored on the first run's evaluation sets (so its scores compare with that run's)
 * and exported. It costs `soup` fine-tunings to train and one model to serve. Products:
 *
 * ```
 * <outDir>/ingredient-<k>/   finetuneNer's products for seed + k - 1 (checkpoint: resume per run)
 * <outDir>/hf/               the soup's Hugging Face folder (token-classification)
 * ```
 *
 * @example
 * const r = await finetuneNerSoup({ from: 'dlkit-out/mlm-cased', outDir: 'out/ner', soup: 2 });
 * r.f1; // the averaged model's entity F1; r.ingredients: each run's
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { averageModelWeights, loadModel, stripUndefined } from '@dlkit/core';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import {
  FINETUNE_NER_DEFAULTS,
  exportNerFolder,
  finetuneNer,
  nerEvaluationSets,
  nerScoreFields,
  scoreNerSets,
  type FinetuneNerOptions,
  type FinetuneNerResult,
} from './ner-finetune';
import { disposeModels } from './saved-bert';

export interface FinetuneNerSoupOptions extends FinetuneNerOptions {
  /** Fine-tuning runs averaged into the model, an integer ≥ 2. */
  soup: number;
  /** Called before each run starts (k from 1), e.g. to print which run is training. */
  onIngredient?: (k: number, of: number, seed: number) => void;
}

/** One run of the soup: its seed, folder and scores. */
export interface NerSoupIngredient {
  seed: number;
  f1: number;
  handF1: number;
  perLocOrg: { f1: number; handF1: number };
  validationF1?: number;
  /** The run's Hugging Face folder (a model in its own right). */
  model: string;
}

export interface FinetuneNerSoupResult extends FinetuneNerResult {
  /** The runs averaged, in seed order; f1 of the first is on the same sentences as the soup's. */
  ingredients: NerSoupIngredient[];
}

/**
 * The token-classification model of a finetuneNer output folder's last checkpoint (of a multi-task
 * run: its NER output alone).
 */
export async function loadNerCheckpoint(runDir: string): Promise<tf.LayersModel> {
  const saved = await loadModel(path.join(runDir, 'checkpoint', 'model'));
  if (saved.outputs.length === 1) return saved;
  return tf.model({ inputs: saved.inputs.slice(0, 3), outputs: saved.outputs[0] });
}

export async function finetuneNerSoup(options: FinetuneNerSoupOptions): Promise<FinetuneNerSoupResult> {
  const { soup, onIngredient, ...run } = options;
  if (!Number.isInteger(soup) || soup < 2) throw new Error(`soup must be an integer ≥ 2, got ${soup}`);
  if (!run.outDir) throw new Error('outDir is required');
  const o = { ...FINETUNE_NER_DEFAULTS, ...stripUndefined(run) };
  const started = Date.now();
  const runs: FinetuneNerResult[] = [];
  for (let k = 1; k <= soup; k++) {
    const seed = o.seed + k - 1;
    onIngredient?.(k, soup, seed);
    runs.push(await finetuneNer({ ...run, seed, outDir: path.join(run.outDir, `ingredient-${k}`) }));
  }
  const models: tf.LayersModel[] = [];
  try {
    for (const r of runs) models.push(await loadNerCheckpoint(path.dirname(r.model)));
    const model = models[0];
    averageModelWeights(model, models);
    const tokenizer = WordPieceTokenizer.load(path.join(run.from, 'hf'));
    const scores = scoreNerSets(model, nerEvaluationSets(o), tokenizer, o);
    const hfDir = path.join(run.outDir, 'hf');
    await exportNerFolder(model, tokenizer, hfDir, o.subwordLabels);
    const first = runs[0];
    return {
      ...first,
      ...nerScoreFields(scores),
      model: hfDir,
      seconds: (Date.now() - started) / 1000,
      resumedFromEpoch: Math.min(...runs.map((r) => r.resumedFromEpoch)),
      ingredients: runs.map((r, k) => ({
        seed: o.seed + k,
        f1: r.f1,
        handF1: r.handF1,
        perLocOrg: r.perLocOrg,
        ...(r.validation ? { validationF1: r.validation.f1 } : {}),
        model: r.model,
      })),
    };
  } finally {
    disposeModels(models);
  }
}
