/**
 * Trains the character language model end to end: corpus → seeded train/validation split →
 * vocabulary → baselines (unigram, bigram) → Trainer (masked next-character loss, Adam with cosine
 * decay, an atomic checkpoint every epoch, exact resume) → validation perplexity on the same
 * predicted characters as the baselines → saved model directory:
 *
 * ```
 * <outDir>/model/model.json, weights.bin   the tfjs layers model (core's saveModel)
 * <outDir>/model/textgen.json              vocabulary, corpus kind, model config, split, metrics
 * <outDir>/model/training-items.json       the training items (to tell novel samples apart)
 * <outDir>/checkpoint/                     the Trainer's last checkpoint (for --resume)
 * <outDir>/history.json                    per-epoch loss / valLoss (mean NLL per character)
 * <outDir>/curves.png                      learning curves of the same
 * ```
 *
 * @example
 * const r = await trainCharLm({ outDir: 'out/textgen', epochs: 10 });
 * r.valPerplexity < 0.85 * r.bigramPerplexity; // true at the defaults (docs/textgen.md)
 */
import * as tf from '@tensorflow/tfjs';
import {
  cosineWithWarmup,
  initBackend,
  runTraining,
  stripUndefined,
  taskTrainerOptions,
  type TrainTaskOptions,
} from '@dlkit/core';
import { NGRAM_SMOOTHING_K, NgramBaseline } from './baselines';
import { loadTextCorpus, splitCorpus, type TextCorpus, type TextCorpusOptions } from './corpus';
import {
  NAMES_CHAR_LM,
  charLanguageModel,
  maskedSequenceCrossentropy,
  targetLogProbs,
  type CharLmConfig,
} from './model';
import { CharSequenceDataset, countTargets, encodeItems, textgenVocabulary, type EncodedSequence } from './sequences';
import { TEXTGEN_FORMAT, TEXTGEN_JSON, TRAINING_ITEMS_JSON, type TextgenMeta } from './saved';

/** Besides the shared options (outDir, epochs, batchSize, progress, onEpochEnd): */
export interface TrainCharLmOptions extends Omit<TrainTaskOptions, 'workers'> {
  /** 'names' (the default) or a text file. */
  corpus?: string;
  /** How a text file becomes items (ignored for 'names'). */
  corpusOptions?: TextCorpusOptions;
  /** Use only the first N items of the corpus (quick runs and tests). */
  maxItems?: number;
  /** Adam's starting learning rate; a cosine decay takes it to a tenth by the last epoch. */
  learningRate?: number;
  /** Seeds the split, the initial weights and the shuffling. */
  seed?: number;
  validationFraction?: number;
  /** Add-k smoothing of both baselines. */
  smoothingK?: number;
  /** Architecture overrides (the seed comes from `seed`). */
  model?: Partial<Omit<CharLmConfig, 'seed'>>;
  /** Continue from the checkpoint in outDir/checkpoint (same seed, batch size and corpus). */
  resume?: boolean;
}

/** Defaults of `dlkit textgen train`; measured in docs/textgen.md. */
export const TRAIN_CHAR_LM_DEFAULTS = {
  corpus: 'names',
  epochs: 10,
  batchSize: 32,
  learningRate: 0.005,
  seed: 1,
  validationFraction: 0.1,
  smoothingK: NGRAM_SMOOTHING_K,
  resume: false,
  progress: false,
};

export interface TrainCharLmResult {
  task: 'textgen';
  /** exp(mean NLL per predicted validation character, end markers included). */
  valPerplexity: number;
  bigramPerplexity: number;
  unigramPerplexity: number;
  /** Perplexity of the model on the training items (overfitting check). */
  trainPerplexity: number;
  /** The saved model directory (for `sample`). */
  model: string;
  corpus: string;
  kind: TextCorpus['kind'];
  trainItems: number;
  validationItems: number;
  /** Predicted characters in the validation set (the M of the perplexities). */
  validationCharacters: number;
  vocabSize: number;
  epochs: number;
  history: string;
  /** Learning curves (loss and validation loss per epoch). */
  curves: string;
  checkpoint: string;
  backend: string;
  seconds: number;
  /** Epochs already done by the checkpoint this run resumed from (0 for a fresh run). */
  resumedFromEpoch: number;
  /** Per-epoch train and validation loss (mean NLL per character, nats). */
  losses: { epoch: number; loss: number; valLoss?: number }[];
}

export async function trainCharLm(options: TrainCharLmOptions): Promise<TrainCharLmResult> {
  const o = { ...TRAIN_CHAR_LM_DEFAULTS, ...stripUndefined(options), outDir: options.outDir };
  if (!o.outDir) throw new Error('outDir is required');
  const started = Date.now();
  const backend = await initBackend();

  const corpus = loadTextCorpus(o.corpus, o.corpusOptions);
  const items = o.maxItems === undefined ? corpus.items : corpus.items.slice(0, o.maxItems);
  let split: { train: string[]; validation: string[] };
  try {
    split = splitCorpus(items, { validationFraction: o.validationFraction, seed: o.seed });
  } catch (err) {
    throw new Error(
      `corpus ${corpus.source}: ${items.length} item(s) cannot be split for validation (${(err as Error).message})`,
    );
  }
  const { train, validation } = split;
  // The character set of the whole corpus (a character only in validation gets an id; the add-k
  // baselines give it probability k / (n + kV), the model whatever its softmax learned).
  const vocab = textgenVocabulary(items, corpus.kind);
  const trainSeqs = encodeItems(train, vocab, corpus.kind);
  const valSeqs = encodeItems(validation, vocab, corpus.kind);

  const baselineOptions = { vocabSize: vocab.size, k: o.smoothingK };
  const unigramPerplexity = NgramBaseline.fit(trainSeqs, { order: 1, ...baselineOptions }).perplexity(valSeqs);
  const bigramPerplexity = NgramBaseline.fit(trainSeqs, { order: 2, ...baselineOptions }).perplexity(valSeqs);

  const config: CharLmConfig = { ...NAMES_CHAR_LM, ...stripUndefined(o.model ?? {}), seed: o.seed };
  const model = charLanguageModel(config, vocab.size);
  const validationCharacters = countTargets(valSeqs);
  try {
    const run = await runTraining({
      model,
      data: new CharSequenceDataset(trainSeqs),
      outDir: o.outDir,
      trainer: {
        ...taskTrainerOptions(o),
        loss: { fn: maskedSequenceCrossentropy, kind: 'regression' }, // 'regression': no accuracy metric on id targets
        validationData: new CharSequenceDataset(valSeqs),
        validationBatchSize: 256,
      },
      schedule:
        o.epochs > 1
          ? cosineWithWarmup(o.learningRate, { totalEpochs: o.epochs, minLr: o.learningRate / 10 })
          : undefined,
      evaluate: () => ({
        valPerplexity: Math.exp(meanNll(model, valSeqs)),
        trainPerplexity: Math.exp(meanNll(model, trainSeqs)),
      }),
      modelFiles: ({ history, evaluation: { valPerplexity, trainPerplexity } }) => {
        const meta: TextgenMeta = {
          format: TEXTGEN_FORMAT,
          version: 1,
          vocabulary: vocab.toJSON(),
          kind: corpus.kind,
          lowercase: corpus.lowercase,
          ...(corpus.chunkLength !== undefined ? { chunkLength: corpus.chunkLength } : {}),
          longestItem: Math.max(...train.map((t) => [...t].length)),
          config,
          training: {
            corpus: corpus.source,
            trainItems: train.length,
            validationItems: validation.length,
            validationFraction: o.validationFraction,
            seed: o.seed,
            epochs: history.length,
            batchSize: o.batchSize,
            learningRate: o.learningRate,
            smoothingK: o.smoothingK,
          },
          metrics: { valPerplexity, bigramPerplexity, unigramPerplexity, trainPerplexity, validationCharacters },
        };
        return { [TRAINING_ITEMS_JSON]: JSON.stringify(train), [TEXTGEN_JSON]: JSON.stringify(meta, null, 1) };
      },
      curves: { title: `Character language model (${train.length} ${corpus.source} items)` },
    });
    const { history, evaluation, files } = run;
    return {
      task: 'textgen',
      valPerplexity: evaluation.valPerplexity,
      bigramPerplexity,
      unigramPerplexity,
      trainPerplexity: evaluation.trainPerplexity,
      model: files.model!,
      corpus: corpus.source,
      kind: corpus.kind,
      trainItems: train.length,
      validationItems: validation.length,
      validationCharacters,
      vocabSize: vocab.size,
      epochs: history.length,
      history: files.history!,
      curves: files.curves!,
      checkpoint: files.checkpoint!,
      backend: backend.backend,
      seconds: (Date.now() - started) / 1000,
      resumedFromEpoch: run.resumedFromEpoch,
      losses: history.epochs.map((e) => ({
        epoch: e.epoch,
        loss: e.loss,
        ...(e.valLoss !== undefined ? { valLoss: e.valLoss } : {}),
      })),
    };
  } finally {
    model.dispose();
  }
}

/**
 * Mean negative log-likelihood (nats) per predicted character of `seqs` under `model`: the exact
 * character-weighted mean (not a mean of batch means), so exp() of it is comparable with the baselines.
 */
export function meanNll(model: tf.LayersModel, seqs: readonly EncodedSequence[], batchSize = 256): number {
  const ds = new CharSequenceDataset(seqs);
  let nll = 0;
  let count = 0;
  for (let start = 0; start < ds.size; start += batchSize) {
    const idx = Array.from({ length: Math.min(batchSize, ds.size - start) }, (_, i) => start + i);
    const batch = ds.batch(idx);
    const [sum, n] = tf.tidy(() => {
      const pred = model.apply(batch.x, { training: false }) as tf.Tensor; // [b, T, V]
      const { logp, mask } = targetLogProbs(batch.y, pred); // [b, T] each
      return [tf.neg(tf.sum(tf.mul(logp, mask))), tf.sum(mask)];
    });
    nll += sum.dataSync()[0];
    count += n.dataSync()[0];
    tf.dispose([sum, n, batch.x as tf.Tensor, batch.y]);
  }
  if (count === 0) throw new Error('meanNll: no predicted characters');
  return nll / count;
}
