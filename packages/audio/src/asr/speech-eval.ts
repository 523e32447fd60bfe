/**
 * Decoding and scoring of the speech model: per-frame log-probabilities of clips (one at a time,
 * as served), greedy decoding without a language model (the headline figure), and
 * CTC prefix beam search restricted to a lexicon and scored by a word bigram model of the training
 * transcripts (the figure beside it); character and word error rates pooled over the set.
 *
 * @example
 * const decoder = speechBeamDecoder(trainTexts);
 * const r = evaluateSpeech(model, test, { beam: decoder });     // { cer, wer, beamCer, beamWer, ... }
 */
import * as tf from '@tensorflow/tfjs';
import {
  cer,
  ctcBeamSearch,
  ctcGreedyDecode,
  LexiconTrie,
  wer,
  WordNgramLm,
  type CtcBeamSearchOptions,
} from '@dlkit/sequence';
import type { SpeechClips } from './speech-clips';
import { normalizeWaveform } from './speech-dataset';
import { SPEECH_TOKENS, speechText, WORD_DELIMITER } from './speech-vocab';

/**
 * Log-probabilities [frames][vocab] of each clip (normalized like the dataset), in input order.
 * Clips run one at a time, never zero-padded to a batch: the backward GRU would read the padding
 * before the speech, and the result would differ from serving (the pipeline takes one clip alone).
 */
export function speechLogProbs(model: tf.LayersModel, clips: readonly Float32Array[]): Float32Array[][] {
  const V = SPEECH_TOKENS.length;
  return clips.map((clip) => {
    const lp = tf.tidy(() =>
      tf.logSoftmax(model.predict(tf.tensor2d(normalizeWaveform(clip), [1, clip.length])) as tf.Tensor3D).dataSync(),
    ) as Float32Array; // [1, T, V]
    return Array.from({ length: lp.length / V }, (_, t) => lp.subarray(t * V, (t + 1) * V));
  });
}

/** Beam search settings with a lexicon and a word bigram model of `corpus` (training transcripts). */
export function speechBeamDecoder(corpus: readonly string[], beamWidth = 16): CtcBeamSearchOptions {
  const words = new Set(corpus.flatMap((s) => s.split(' ')));
  return {
    beamWidth,
    tokens: SPEECH_TOKENS,
    wordDelimiter: WORD_DELIMITER,
    lexicon: LexiconTrie.fromWords(words),
    lm: WordNgramLm.fromSentences(corpus),
    lmWeight: 0.5,
    wordBonus: 1,
  };
}

/** Greedy transcript of [frames][vocab] log-probabilities. */
export function greedyTranscript(logProbs: readonly ArrayLike<number>[]): string {
  return speechText(ctcGreedyDecode(logProbs).ids);
}

/** Beam transcript ('' when no beam ends on a lexicon word). */
export function beamTranscript(logProbs: readonly ArrayLike<number>[], options: CtcBeamSearchOptions): string {
  const [best] = ctcBeamSearch(logProbs, options);
  return best ? speechText(best.ids) : '';
}

export interface SpeechEvaluation {
  /** Pooled character / word error rates, greedy decoding without a language model. */
  cer: number;
  wer: number;
  /** The same with the lexicon + bigram beam search (undefined without a decoder). */
  beamCer?: number;
  beamWer?: number;
  clips: number;
  /** A few reference / hypothesis pairs for reading. */
  examples: { source: string; reference: string; greedy: string; beam?: string }[];
}

export function evaluateSpeech(
  model: tf.LayersModel,
  set: SpeechClips,
  o: { beam?: CtcBeamSearchOptions; examples?: number } = {},
): SpeechEvaluation {
  const logProbs = speechLogProbs(model, set.clips);
  const greedy = logProbs.map(greedyTranscript);
  const beam = o.beam ? logProbs.map((lp) => beamTranscript(lp, o.beam!)) : undefined;
  return {
    cer: cer(greedy, set.texts),
    wer: wer(greedy, set.texts),
    ...(beam ? { beamCer: cer(beam, set.texts), beamWer: wer(beam, set.texts) } : {}),
    clips: set.clips.length,
    examples: set.texts.slice(0, o.examples ?? 8).map((reference, i) => ({
      source: set.sources[i],
      reference,
      greedy: greedy[i],
      ...(beam ? { beam: beam[i] } : {}),
    })),
  };
}
