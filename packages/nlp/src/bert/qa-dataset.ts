/**
 * SQuAD-style examples as a core `Dataset` for extractive QA: each question + context pair is
 * encoded [CLS] question [SEP] context-window [SEP] (token_type_ids 0 then 1); a context longer
 * than the window is split into overlapping windows with a doc stride (windowContext), and each
 * window is labelled with the answer's first and last token, or [CLS] (0, 0) when the answer is not
 * wholly inside it (Hugging Face's recipe).
 *
 * Batch: x = [input_ids, attention_mask, token_type_ids] int32 [b, T], y = [start, end] int32 [b, 2].
 *
 * @example
 * const ds = new QaDataset(examples, tokenizer, { maxLength: 128, docStride: 32 });
 * ds.windows.length >= examples.length; // true
 */
import * as tf from '@tensorflow/tfjs';
import { Batch, Dataset } from '@dlkit/core';
import { QaExample } from '../qa-data/generate-qa';
import { answerTokenSpan, windowContext } from '../qa-data/window-context';
import { Encoding } from '../tokenizers/encoding';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { paddedBertInputs } from './padded-inputs';

export interface QaWindowOptions {
  /** Tokens per window, special tokens and question included. */
  maxLength: number;
  /** Context tokens shared by consecutive windows. */
  docStride: number;
}

/** One window of one example: its pair encoding and the answer's token positions in it (0, 0: none). */
export interface QaWindow {
  example: number;
  encoding: Encoding;
  start: number;
  end: number;
}

/** The windows of one question + context pair (offsets of context tokens index the context). */
export function encodeQaWindows(
  ex: Pick<QaExample, 'question' | 'context' | 'answers'>,
  tokenizer: WordPieceTokenizer,
  options: QaWindowOptions,
  example = 0,
): QaWindow[] {
  if (ex.context.trim() === '') throw new Error('question answering: empty context');
  const q = tokenizer.encode(ex.question, { addSpecialTokens: false });
  const c = tokenizer.encode(ex.context, { addSpecialTokens: false });
  const room = options.maxLength - q.ids.length - 3;
  if (room < 2)
    throw new Error(
      `question answering: the question takes ${q.ids.length} tokens, leaving no room for the context in ${options.maxLength}`,
    );
  const tokens = c.offsets.map(([start, end]) => ({ start, end }));
  const id = (t: string) => tokenizer.tokenToId(t) ?? 0;
  const answer = ex.answers[0] && { start: ex.answers[0].start, end: ex.answers[0].start + ex.answers[0].text.length };
  return windowContext(tokens, room, Math.min(options.docStride, room - 1)).map((w) => {
    const n = w.tokenEnd - w.tokenStart;
    const encoding: Encoding = {
      ids: [id('[CLS]'), ...q.ids, id('[SEP]'), ...c.ids.slice(w.tokenStart, w.tokenEnd), id('[SEP]')],
      tokens: ['[CLS]', ...q.tokens, '[SEP]', ...c.tokens.slice(w.tokenStart, w.tokenEnd), '[SEP]'],
      attentionMask: Array<number>(q.ids.length + n + 3).fill(1),
      typeIds: [...Array<number>(q.ids.length + 2).fill(0), ...Array<number>(n + 1).fill(1)],
      offsets: [[0, 0], ...q.offsets, [0, 0], ...c.offsets.slice(w.tokenStart, w.tokenEnd), [0, 0]],
    };
    const span = answer && answerTokenSpan(tokens, w, answer);
    const shift = q.ids.length + 2;
    return { example, encoding, start: span ? span.start + shift : 0, end: span ? span.end + shift : 0 };
  });
}

export class QaDataset implements Dataset {
  readonly windows: QaWindow[];
  private readonly padId: number;

  constructor(examples: readonly QaExample[], tokenizer: WordPieceTokenizer, options: QaWindowOptions) {
    if (examples.length === 0) throw new Error('QaDataset needs at least one example');
    this.windows = examples.flatMap((ex, i) => encodeQaWindows(ex, tokenizer, options, i));
    this.padId = tokenizer.tokenToId('[PAD]') ?? 0;
  }

  get size(): number {
    return this.windows.length;
  }

  /** Input tensors of some windows, padded to the longest. */
  inputs(indices: readonly number[]): tf.Tensor2D[] {
    return paddedBertInputs(
      indices.map((i) => this.windows[i].encoding),
      this.padId,
    );
  }

  batch(indices: readonly number[]): Batch {
    const y = indices.flatMap((i) => [this.windows[i].start, this.windows[i].end]);
    return { x: this.inputs(indices), y: tf.tensor2d(y, [indices.length, 2], 'int32') };
  }
}
