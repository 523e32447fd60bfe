/**
 * Masked-LM pretraining of a small BERT on WordNet's gloss sentences, end to end: seeded shuffle
 * and held-out split → WordPiece trained on the training sentences → sentences packed into
 * sequences of `maxLength` → core's runTraining (Adam with cosine decay, dynamic 15 % masking per
 * epoch, an atomic checkpoint every epoch, exact resume) → masked-token accuracy on the held-out
 * sequences (fixed masks), with the unigram-frequency baseline on the same positions → products:
 *
 * ```
 * <outDir>/model/        the fill-mask tfjs model + bert.json (loadBert; fine-tuning starts here)
 * <outDir>/hf/           the Hugging Face folder (fill-mask) that transformers.js serves
 * <outDir>/checkpoint/   the last checkpoint (resume)
 * <outDir>/history.json, curves.png
 * ```
 *
 * @example
 * const r = await pretrainMlm({ outDir: 'out/mlm', epochs: 1, maxSentences: 4000 });
 * r.maskedAccuracy > r.unigramAccuracy; // true
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  cosineWithWarmup,
  initBackend,
  Rng,
  runTraining,
  stripUndefined,
  taskTrainerOptions,
  TRAINING_RUN_DEFAULTS,
  type TrainTaskOptions,
} from '@dlkit/core';
import { sentenceCase } from '../text/normalize';
import { WORDPIECE_SPECIALS, WordPieceTokenizer } from '../tokenizers/wordpiece';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { BertConfig, bertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { bertForMaskedLM, bertMlmTrainingModel, MlmHead } from './bert-heads';
import { exportHuggingFace } from './export-hugging-face';
import { MlmDataset } from './mlm-dataset';
import { maskedAccuracy, maskedLmLoss, unigramBaseline } from './mlm-loss';
import { mlmCorpusSentences, type MlmCorpus } from './mlm-corpus';
import { packSentences, wordPieceMasking } from './mlm-masking';
import { copyLayerWeights, disposeModels, loadBert, saveBert } from './saved-bert';
import { initMlmFromSkipgram } from './skipgram-embeddings';

/** Where a masked LM's word embeddings and decoder start (`PretrainMlmOptions.embeddingInit`). */
export const MLM_EMBEDDING_INITS = ['skipgram', 'random'] as const;
export type MlmEmbeddingInit = (typeof MLM_EMBEDDING_INITS)[number];

export interface PretrainMlmOptions extends Omit<TrainTaskOptions, 'workers'> {
  /** Your own sentences (instead of `corpus`). */
  sentences?: readonly string[];
  /**
   * Built-in corpora (mlm-corpus.ts): 'wordnet' (default: WordNet's gloss definitions and examples,
   * ~185k sentences) and/or 'brown' (the Brown corpus, 57,340 sentences of running text).
   */
  corpus?: readonly MlmCorpus[];
  /** Use only this many sentences of each corpus (after the seeded shuffle), held-out ones included. */
  maxSentences?: number;
  /**
   * Continue pretraining an MLM folder (pretrainMlm's outDir: its `model/` weights and `hf/`
   * tokenizer) instead of starting a new model; `vocabSize`, `lowercase`, `model` and
   * `embeddingInit` then come from the folder.
   */
  from?: string;
  /** Sentences held out for the masked accuracy (default: 2,000, or a tenth of the sentences when fewer than 20,000). */
  heldOutSentences?: number;
  /** WordPiece vocabulary (trained on the training sentences). */
  vocabSize?: number;
  /** Lowercase in the WordPiece normalizer (default true); false keeps case, the signal NER needs for unseen names. */
  lowercase?: boolean;
  /**
   * Upper-case each sentence's first letter, as running text has it (default: when `lowercase` is
   * false). WordNet's glosses open in lower case, so without it a cased tokenizer never learns
   * "Under" or "Translated" and NER reads a capitalised first word as an unknown name.
   */
  sentenceCase?: boolean;
  /**
   * Add "<name> is <definition>" for WordNet's named synsets (`wordnetNameDefinitions`) so that the
   * encoder learns what names such as "Munich" or "Greenpeace" are: one per four glosses, on top of
   * `maxSentences` (all ~13,800 at the default 60,000). Default: when `lowercase` is false (NER's
   * pretraining); ignored with `sentences`.
   */
  nameDefinitions?: boolean;
  /** Tokens per packed sequence, [CLS] and [SEP]s included. */
  maxLength?: number;
  /** Architecture overrides of BERT_TINY (vocabSize comes from the tokenizer, seed from `seed`). */
  model?: Partial<Omit<BertConfig, 'vocabSize' | 'seed'>>;
  /**
   * Where the word embeddings and the MLM decoder start: 'skipgram' (default: skip-gram vectors of
   * the training sentences' sub-word tokens, the decoder at their transpose with log-unigram
   * biases; `initMlmFromSkipgram`) or 'random' (N(0, 0.02) everywhere, as BERT).
   */
  embeddingInit?: MlmEmbeddingInit;
  /**
   * Whole-word masking of the training sequences (maskTokens' `continuationIds`): all pieces of a
   * chosen word are predicted together (default false: pieces are chosen alone, as the original
   * BERT). The held-out accuracy keeps per-piece masks either way, so runs stay comparable.
   */
  wholeWordMasking?: boolean;
}

/**
 * Defaults of `dlkit mlm train`: 2.2 M training tokens, ~10-13 min on 2 cores; from the skip-gram
 * start masked accuracy 17.7 % vs 4.1 % unigram (8.3 % from random weights; README "BERT: pretraining ...").
 */
export const PRETRAIN_MLM_DEFAULTS = {
  maxSentences: 60000,
  heldOutSentences: 2000,
  vocabSize: 8000,
  maxLength: 64,
  epochs: 3,
  batchSize: 32,
  learningRate: 1e-3,
  embeddingInit: 'skipgram' as MlmEmbeddingInit,
  seed: 1,
  resume: false,
  progress: false,
};

export interface PretrainMlmResult {
  task: 'mlm';
  /** Argmax accuracy at the held-out masked positions. */
  maskedAccuracy: number;
  /** Always guessing the most frequent training token, at the same positions. */
  unigramAccuracy: number;
  maskedPositions: number;
  /** Where the embeddings and decoder started ('pretrained': the `from` folder's weights). */
  embeddingInit: MlmEmbeddingInit | 'pretrained';
  /** Whether training masked whole words (`wholeWordMasking`). */
  wholeWordMasking: boolean;
  /** The Hugging Face folder (fill-mask). */
  model: string;
  /** The tfjs fill-mask model with bert.json (loadBert). */
  tfjsModel: string;
  config: BertConfig;
  trainSequences: number;
  heldOutSequences: number;
  /** Real (non-padding) tokens per second of training steps. */
  tokensPerSec: number;
  trainSeconds: number;
  seconds: number;
  epochs: number;
  resumedFromEpoch: number;
  losses: { epoch: number; loss: number }[];
  history: string;
  checkpoint: string;
  backend: string;
}

export async function pretrainMlm(options: PretrainMlmOptions): Promise<PretrainMlmResult> {
  const o = { ...PRETRAIN_MLM_DEFAULTS, ...stripUndefined(options), outDir: options.outDir };
  const maxSentences = o.maxSentences;
  if (!o.outDir) throw new Error('outDir is required');
  const started = Date.now();
  const backend = await initBackend();

  const start = options.from ? await loadPretrainedMlm(options.from) : undefined;
  const lowercase = start ? start.tokenizer.config.do_lower_case !== false : (options.lowercase ?? true);
  const cased = (options.sentenceCase ?? !lowercase) ? sentenceCase : (s: string) => s;
  const rng = new Rng(o.seed);
  const all = options.sentences
    ? rng.shuffle(options.sentences.map(cased)).slice(0, maxSentences)
    : mlmCorpusSentences({
        corpus: options.corpus ?? ['wordnet'],
        maxSentences,
        nameDefinitions: options.nameDefinitions ?? !lowercase,
        normalize: cased,
        rng,
      });
  const held = options.heldOutSentences ?? Math.min(o.heldOutSentences, Math.floor(all.length / 10));
  if (held < 1 || all.length <= held)
    throw new Error(`${all.length} sentences are too few to hold ${held} out and train on the rest`);
  const heldOut = all.slice(0, held);
  const train = all.slice(held);
  const tokenizer = start?.tokenizer ?? trainWordPiece(train, { vocabSize: o.vocabSize, lowercase });
  const id = (t: string) => tokenizer.tokenToId(t) as number;
  const pack = (s: string[]) =>
    packSentences(
      s.map((text) => tokenizer.encode(text, { addSpecialTokens: false }).ids),
      { maxLength: o.maxLength, clsId: id(WORDPIECE_SPECIALS.cls), sepId: id(WORDPIECE_SPECIALS.sep) },
    );
  const trainSeqs = pack(train);
  const heldOutSeqs = pack(heldOut);
  const { masking, padId } = wordPieceMasking(tokenizer);
  const specialIds = masking.specialIds;
  const trainMasking = wordPieceMasking(tokenizer, { wholeWords: options.wholeWordMasking }).masking;
  const data = new MlmDataset(trainSeqs, { seed: o.seed, masking: trainMasking, padId });
  const evaluation = new MlmDataset(heldOutSeqs, { seed: o.seed + 1, masking, padId }); // epoch 0: fixed masks
  const heldOutLabels = heldOutSeqs.flatMap((_, i) => evaluation.masked(i).labels);
  const unigram = unigramBaseline(trainSeqs, heldOutLabels, specialIds);

  const config =
    start?.config ?? bertConfig({ ...stripUndefined(o.model ?? {}), vocabSize: tokenizer.vocabSize, seed: o.seed });
  const encoder = buildBertEncoder(config);
  const head = new MlmHead(encoder);
  const trainModel = bertMlmTrainingModel(encoder, head);
  const mlm = bertForMaskedLM(encoder, head, { hiddenStates: true }); // serves fill-mask and feature-extraction
  const resuming = o.resume && fs.existsSync(path.join(o.outDir, TRAINING_RUN_DEFAULTS.checkpoint)); // it has the weights
  if (start) {
    if (!resuming) copyLayerWeights(start.mlm, trainModel, path.join(options.from!, 'model'));
    disposeModels([start.mlm, start.encoderModel]);
  } else if (o.embeddingInit === 'skipgram' && !resuming) {
    const wordEmbeddings = trainModel.getLayer('word_embeddings');
    const data = { sentences: train, sequences: trainSeqs };
    const layers = { wordEmbeddings, decoder: head.decoder };
    const sg = await initMlmFromSkipgram(layers, tokenizer, data, { dim: config.hiddenSize, seed: o.seed });
    if (o.progress)
      console.error(`skip-gram start: ${sg.covered} of ${tokenizer.vocabSize} tokens, ${sg.seconds.toFixed(0)} s`);
  }
  const hfDir = path.join(o.outDir, 'hf');
  const modelDir = path.join(o.outDir, 'model');
  try {
    const run = await runTraining({
      model: trainModel,
      data,
      outDir: o.outDir,
      trainer: { ...taskTrainerOptions(o), loss: { fn: maskedLmLoss, kind: 'regression' } },
      schedule:
        o.epochs > 1
          ? cosineWithWarmup(o.learningRate, { totalEpochs: o.epochs, minLr: o.learningRate / 10 })
          : undefined,
      evaluate: () => maskedAccuracy(trainModel, evaluation),
      modelDir: false,
      curves: { title: `BERT masked LM (${trainSeqs.length} sequences of ≤ ${o.maxLength} tokens)` },
      artifacts: async () => {
        await saveBert(mlm, config, modelDir);
        await exportHuggingFace(mlm, tokenizer, hfDir, { task: 'fill-mask' });
        return { model: modelDir, hf: hfDir };
      },
    });
    const meanTokens = trainSeqs.reduce((n, s) => n + s.length, 0) / trainSeqs.length;
    return {
      task: 'mlm',
      maskedAccuracy: run.evaluation.accuracy,
      unigramAccuracy: unigram.accuracy,
      maskedPositions: run.evaluation.count,
      embeddingInit: start ? 'pretrained' : o.embeddingInit,
      wholeWordMasking: options.wholeWordMasking ?? false,
      model: hfDir,
      tfjsModel: modelDir,
      config,
      trainSequences: trainSeqs.length,
      heldOutSequences: heldOutSeqs.length,
      tokensPerSec: run.samplesPerSec * meanTokens,
      trainSeconds: run.trainSeconds,
      seconds: (Date.now() - started) / 1000,
      epochs: run.history.length,
      resumedFromEpoch: run.resumedFromEpoch,
      losses: run.history.epochs.map((h) => ({ epoch: h.epoch, loss: h.loss })),
      history: run.files.history!,
      checkpoint: run.files.checkpoint!,
      backend: backend.backend,
    };
  } finally {
    trainModel.dispose(); // the encoder's layers (shared by mlm and encoder.model)
    head.dispose(); // applied twice (training and fill-mask models): one reference left
  }
}

/** The weights, config and tokenizer of an MLM folder that pretraining continues from. */
async function loadPretrainedMlm(dir: string) {
  const hf = path.join(dir, 'hf');
  if (!fs.existsSync(path.join(hf, 'tokenizer.json')))
    throw new Error(`${hf}: expected the tokenizer of an MLM folder (dlkit mlm train --out ${dir})`);
  const tokenizer = WordPieceTokenizer.load(hf);
  const { encoder, mlm } = await loadBert(path.join(dir, 'model'));
  if (encoder.config.vocabSize !== tokenizer.vocabSize)
    throw new Error(
      `${dir}: the model has ${encoder.config.vocabSize} token ids, its tokenizer ${tokenizer.vocabSize}`,
    );
  return { tokenizer, config: encoder.config, mlm, encoderModel: encoder.model };
}
