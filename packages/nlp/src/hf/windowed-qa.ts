/**
 * Extractive QA over a context of any length, as Hugging Face's Python pipeline does with
 * `doc_stride`: the context is split into windows that fit the model (question + window ≤ the
 * folder's max tokens, consecutive windows sharing `docStride` tokens), every window runs through
 * transformers.js's own model for the folder, and the answer is the best span (p(start)·p(end),
 * each softmax over the window's context and [CLS], as the Python pipeline normalises) over all
 * windows, in whole words. transformers.js's question-answering pipeline (4.x) has no stride: it
 * truncates, or fails past the model's position table.
 *
 * @example
 * const a = await answerInWindows('out/qa/hf', 'What is the capital of Peru?', longText);
 * // { answer: 'Lima', score: 0.93, start: 1234, end: 1238, windows: 3 }
 */
import { readHfModelFolder } from '@dlkit/sequence';
import { answerCharSpan, bestAnswerSpan } from '../bert/answer-span';
import { bertMaxTokens } from '../bert/bert-folder';
import { bertFolderExpectations } from '../bert/bert-tasks';
import { sentencePrior, SENTENCE_PRIOR_WEIGHT } from '../bert/sentence-prior';
import { encodeQaWindows } from '../bert/qa-dataset';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { openPipeline, transformersOffline } from './transformers';

export interface WindowedQaOptions {
  /** Context tokens shared by consecutive windows. */
  docStride?: number;
  /** Longest answer considered, in tokens. */
  maxAnswerTokens?: number;
  /** Weight of the sentence-overlap prior (sentencePrior); 0: the reader alone. */
  sentencePrior?: number;
  /**
   * Normalise each window's start/end softmaxes over [CLS] too (bestAnswerSpan's clsInSoftmax), so
   * that a window the model reads as "not here" ranks low; false: over context tokens only.
   */
  clsInSoftmax?: boolean;
}

export const WINDOWED_QA_DEFAULTS = {
  docStride: 32,
  maxAnswerTokens: 30,
  sentencePrior: SENTENCE_PRIOR_WEIGHT,
  clsInSoftmax: true,
} satisfies WindowedQaOptions;

export interface WindowedAnswer {
  answer: string;
  /** p(start) · p(end) of the best span, softmaxes over its window's context tokens and [CLS] (without the prior). */
  score: number;
  /** [start, end) in the context. */
  start: number;
  end: number;
  /** Windows the context was split into (1 when it fits). */
  windows: number;
}

interface HfTensorLike {
  data: Float32Array;
  dims: number[];
}

type QaModel = (inputs: Record<string, unknown>) => Promise<{ start_logits: HfTensorLike; end_logits: HfTensorLike }>;

export async function answerInWindows(
  dir: string,
  question: string,
  context: string,
  options: WindowedQaOptions = {},
): Promise<WindowedAnswer> {
  const o = { ...WINDOWED_QA_DEFAULTS, ...options };
  const maxLength = bertMaxTokens(readHfModelFolder(dir, bertFolderExpectations('question-answering')));
  const tokenizer = WordPieceTokenizer.load(dir);
  const windows = encodeQaWindows({ question, context, answers: [] }, tokenizer, { ...o, maxLength });
  const t = await transformersOffline();
  const model = ((await openPipeline('question-answering', dir)) as unknown as { model: QaModel }).model;
  const width = Math.max(...windows.map((w) => w.encoding.ids.length));
  const tensor = (rows: number[][]) =>
    new t.Tensor(
      'int64',
      BigInt64Array.from(rows.flatMap((r) => [...r, ...Array<number>(width - r.length).fill(0)]).map(BigInt)),
      [rows.length, width],
    );
  const out = await model({
    input_ids: tensor(windows.map((w) => w.encoding.ids)),
    attention_mask: tensor(windows.map((w) => w.encoding.attentionMask)),
    token_type_ids: tensor(windows.map((w) => w.encoding.typeIds)),
  });
  let best: WindowedAnswer = { answer: '', score: -1, start: 0, end: 0, windows: windows.length };
  let bestScore = -1;
  windows.forEach((w, i) => {
    const row = (x: HfTensorLike) => x.data.subarray(i * width, i * width + w.encoding.ids.length);
    const span = bestAnswerSpan(row(out.start_logits), row(out.end_logits), w.encoding, {
      maxAnswerTokens: o.maxAnswerTokens,
      wholeWords: true,
      oneSentence: true,
      tokenPrior: sentencePrior(w.encoding, context, question, o.sentencePrior),
      clsInSoftmax: o.clsInSoftmax,
    });
    if (span.score > bestScore) {
      const { start, end } = answerCharSpan(w.encoding, span);
      best = { answer: context.slice(start, end), score: span.probability, start, end, windows: windows.length };
      bestScore = span.score;
    }
  });
  return best;
}
