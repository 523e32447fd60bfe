/**
 * The `dlkit translate train` flow as one function, for every preset and any TSV: the pairs
 * (translate-presets.ts), a translator of the chosen architecture trained with core's Trainer
 * (checkpoint every epoch, `resume`), exact match and character error rate on the held-out pairs
 * with greedy decoding and, with `beamWidth` > 1, beam search, the saved translator and the
 * attention picture of one held-out example. `dlkit translate-date train` is the dates preset of
 * this flow. The CLI only parses flags and prints the result.
 *
 * Architectures are a table (TRANSLATOR_ARCHITECTURES): 'lstm' is the Bi-LSTM + additive attention
 * model (model.ts). A transformer plugs in as one more row: a builder returning a translator with a
 * tfjs `model` (trained on pairDataset's batches), `decoderSession` (beam-search.ts), `evaluate`,
 * `translate`, `save` and `dispose`.
 *
 * ```
 * <outDir>/model/           the translator (translator.json + tfjs/), Seq2seqTranslator.load
 * <outDir>/translator.onnx  the attention model as ONNX (probs and attention; exportOnnx)
 * <outDir>/attention.png    attention weights of the example
 * <outDir>/checkpoint/      the last epoch's checkpoint (for resume)
 * <outDir>/history.json, curves.png
 * ```
 *
 * @example
 * const r = await trainTranslation({ pairs: 'en-fr', outDir: 'out/en-fr', epochs: 1, examples: 500, heldOut: 50 });
 * r.exactMatch; r.cer; r.model; // greedy scores on the held-out numbers, 'out/en-fr/model'
 */
import * as path from 'path';
import type { History } from '@dlkit/core';
import { renderAttentionPng, type AttentionPlotOptions } from './attention-plot';
import type { SkippedRow } from './pairs';
import { loadTranslateData, translatePresetDefaults, type TranslateDataOptions } from './translate-presets';
import {
  TRAIN_TRANSLATOR_DEFAULTS,
  trainTranslator,
  type TrainTranslatorOptions,
  type TrainedTranslator,
} from './train';
import type { PairCoder, Pair } from './pairs';
import type { Translator } from './load-translator';
import {
  TRAIN_TRANSFORMER_DEFAULTS,
  trainTransformerTranslator,
  type TrainTransformerOptions,
} from './train-transformer';
import { TransformerTranslator, type TransformerTranslatorSizes } from './transformer-translator';
import type { TranslatorEvaluation } from './translator';

/** Model builders by architecture name; null: known but not available yet (a clear error). */
export const TRANSLATOR_ARCHITECTURES = {
  lstm: trainTranslator,
  transformer: trainTransformerTranslator,
} satisfies Record<
  string,
  | ((coder: PairCoder, train: readonly Pair[], o: TrainTranslatorOptions) => Promise<TrainedTranslator<Translator>>)
  | null
>;
export type TranslatorArchitecture = keyof typeof TRANSLATOR_ARCHITECTURES;

export interface TrainTranslationOptions
  extends
    TrainTranslatorOptions,
    Omit<TransformerTranslatorSizes, 'seed'>,
    Pick<TrainTransformerOptions, 'warmupSteps' | 'labelSmoothing' | 'tokens' | 'maxPieces'>,
    Omit<TranslateDataOptions, 'seed'> {
  /** A preset (dates, en-fr, en-de, en-es) or a TSV file of source<TAB>target pairs. */
  pairs: string;
  /** Output directory (see the file comment). */
  outDir: string;
  arch?: TranslatorArchitecture;
  /** Beams for the second evaluation (1: greedy only). */
  beamWidth?: number;
}

export const TRAIN_TRANSLATION_DEFAULTS = { arch: 'lstm', beamWidth: 4 } as const;

export interface TranslationScores {
  exactMatch: number;
  cer: number;
}

export interface TrainTranslationResult extends TranslationScores {
  /** The preset name or the TSV file. */
  pairs: string;
  arch: TranslatorArchitecture;
  /** Greedy scores (exactMatch, cer above) and, with beamWidth > 1, the beam-search scores. */
  beam?: TranslationScores & { width: number };
  charAccuracy: number;
  model: string;
  /** The ONNX export of the attention model (Seq2seqTranslator.exportOnnx). */
  onnx: string;
  attention: string;
  /** Transformer: one PNG per head of the last decoder layer's cross-attention (attention-head-<i>.png). */
  attentionHeads?: string[];
  example: { input: string; output: string };
  errors: TranslatorEvaluation['errors'];
  trainPairs: number;
  heldOut: number;
  evaluatedOnHeldOut: boolean;
  /** Generated presets: training examples. TSV: usable pairs and skipped rows. */
  examples?: number;
  filePairs?: number;
  skipped?: SkippedRow[];
  parameters: number;
  history: History;
  /** Seconds of this call's training (see TrainedTranslator.seconds). */
  seconds: number;
  resumedFromEpoch: number;
}

/** The ONNX file written beside the translator directory. */
export const TRANSLATOR_ONNX = 'translator.onnx';

/** The translator directory inside an output directory. */
export function translatorDir(outDir: string): string {
  return path.join(outDir, 'model');
}

/** Loads the pairs, trains, scores, saves the translator and draws the example's attention. */
export async function trainTranslation(options: TrainTranslationOptions): Promise<TrainTranslationResult> {
  const { pairs, outDir, arch = TRAIN_TRANSLATION_DEFAULTS.arch, beamWidth, examples, heldOut, log, ...rest } = options;
  const build = TRANSLATOR_ARCHITECTURES[arch] as (typeof TRANSLATOR_ARCHITECTURES)[TranslatorArchitecture] | null;
  if (build === undefined)
    throw new Error(
      `unknown architecture ${JSON.stringify(arch)} (known: ${Object.keys(TRANSLATOR_ARCHITECTURES).join(', ')})`,
    );
  if (build === null)
    throw new Error(
      `the ${arch} translator is not available yet (only ${Object.keys(TRANSLATOR_ARCHITECTURES)
        .filter((k) => TRANSLATOR_ARCHITECTURES[k as TranslatorArchitecture])
        .join(', ')})`,
    );
  // The transformer's own recipe (epochs, batch, peak rate, warmup) over the preset's.
  const defaults = {
    ...translatePresetDefaults(pairs),
    ...(arch === 'transformer' ? TRAIN_TRANSFORMER_DEFAULTS : {}),
  };
  const o = {
    ...defaults,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  } as TrainTranslatorOptions;
  o.seed = o.seed ?? TRAIN_TRANSLATOR_DEFAULTS.seed;
  const data = loadTranslateData(pairs, {
    seed: o.seed,
    examples: examples ?? defaults.examples,
    heldOut: heldOut ?? defaults.heldOut,
    log,
  });
  const trained = await build(data.coder, data.train, { ...o, outDir });
  const { translator } = trained;
  try {
    const greedy = translator.evaluate(data.heldOut);
    const width = beamWidth ?? TRAIN_TRANSLATION_DEFAULTS.beamWidth;
    const beam = width > 1 ? { width, ...pick(translator.evaluate(data.heldOut, { beamWidth: width })) } : undefined;
    translator.info = {
      task: 'translate',
      pairs,
      arch,
      trainPairs: data.train.length,
      heldOut: data.heldOut.length,
      seed: o.seed,
      epochs: trained.history.epochs.length,
      exactMatch: greedy.exactMatch,
      cer: greedy.cer,
      ...(beam ? { beam } : {}),
    };
    const model = translatorDir(outDir);
    await translator.save(model);
    const onnx = path.join(outDir, TRANSLATOR_ONNX);
    translator.exportOnnx(onnx);
    const shown = translator.translate(data.example, { beamWidth: width });
    const heads =
      translator instanceof TransformerTranslator ? translator.attentionHeads(shown.input, shown.output) : undefined;
    const { coder } = translator;
    const tokens =
      coder.tokens === 'chars'
        ? undefined
        : { input: coder.split(shown.input, 0), output: coder.split(shown.output, 1) };
    const attentionHeads = heads ? await renderAttentionHeads(heads, shown, outDir, tokens) : undefined;
    const attention = await renderAttentionPng(
      heads ? { ...shown, attention: meanOfHeads(heads) } : shown,
      path.join(outDir, 'attention.png'),
      { tokens },
    );
    return {
      pairs,
      arch,
      ...pick(greedy),
      ...(beam ? { beam } : {}),
      charAccuracy: greedy.charAccuracy,
      model,
      onnx,
      attention,
      ...(attentionHeads ? { attentionHeads } : {}),
      example: { input: shown.input, output: shown.output },
      errors: greedy.errors,
      trainPairs: data.train.length,
      heldOut: data.heldOut.length,
      evaluatedOnHeldOut: data.evaluatedOnHeldOut,
      ...(data.examples !== undefined ? { examples: data.examples } : {}),
      ...(data.pairs !== undefined ? { filePairs: data.pairs, skipped: data.skipped } : {}),
      parameters: translator.model.countParams(),
      history: trained.history,
      seconds: trained.seconds,
      resumedFromEpoch: trained.resumedFromEpoch,
    };
  } finally {
    translator.dispose();
  }
}

function pick(e: TranslatorEvaluation): TranslationScores {
  return { exactMatch: e.exactMatch, cer: e.cer };
}

/** attention-head-<i>.png per head [Ty][Tx] of a transformer's last decoder layer's cross-attention. */
async function renderAttentionHeads(
  heads: number[][][],
  shown: { input: string; output: string },
  outDir: string,
  tokens?: AttentionPlotOptions['tokens'],
): Promise<string[]> {
  const files: string[] = [];
  for (const [i, attention] of heads.entries())
    files.push(
      await renderAttentionPng({ ...shown, attention }, path.join(outDir, `attention-head-${i + 1}.png`), {
        title: `Head ${i + 1} of ${heads.length}: "${shown.input}" → ${shown.output}`,
        tokens,
      }),
    );
  return files;
}

/** The heads' mean [Ty][Tx] (attention.png of a transformer). */
function meanOfHeads(heads: number[][][]): number[][] {
  return heads[0].map((row, r) => row.map((_, c) => heads.reduce((sum, h) => sum + h[r][c], 0) / heads.length));
}
