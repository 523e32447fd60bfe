/**
 * Word-tagged sentences as a core `Dataset` for BERT token classification: each sentence is
 * WordPiece-encoded (truncated to `maxLength`), the word tags aligned to sub-words
 * (alignTagsToSubwords: first sub-word labelled, the rest, special tokens and padding -1, ignored
 * by the loss as Hugging Face's -100; with `labelAllSubwords` the later sub-words of a word are
 * labelled I- of its type, or O).
 *
 * Batch: x = [input_ids, attention_mask, token_type_ids] int32 [b, T], y = label ids int32 [b, T].
 *
 * @example
 * const ds = new NerDataset(sentences, tokenizer, NER_LABELS, { maxLength: 64 });
 * const { x, y } = ds.batch([0, 1]);
 */
import * as tf from '@tensorflow/tfjs';
import { Batch, Dataset, Rng } from '@dlkit/core';
import { alignTagsToSubwords } from '../ner-data/subword-labels';
import { detokenize } from '../ner-data/ner-tokens';
import { Encoding } from '../tokenizers/encoding';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { paddedBertInputs } from './padded-inputs';
import { maskEntitySubwords } from './entity-masking';
import { wordPieceMasking } from './mlm-masking';

/** BIO tags over CoNLL-2003's four types, in logit order. */
export const NER_LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;

/** Label of a sub-word the loss ignores. */
export const NER_IGNORE_LABEL = -1;

/** A sentence as words with tags; `text`/`offsets` when known (else the words joined by detokenize). */
export interface NerExample {
  tokens: readonly string[];
  tags: readonly string[];
  text?: string;
  offsets?: ReadonlyArray<readonly [number, number]>;
}

/** A sentence encoded for the model: its text, word offsets, sub-word encoding and label ids. */
export interface EncodedNerSentence {
  text: string;
  wordOffsets: ReadonlyArray<readonly [number, number]>;
  encoding: Encoding;
  labels: number[];
}

/** Text and word offsets of a sentence. */
export function nerExampleText(s: NerExample): { text: string; offsets: ReadonlyArray<readonly [number, number]> } {
  return s.text !== undefined && s.offsets ? { text: s.text, offsets: s.offsets } : detokenize([...s.tokens]);
}

export function encodeNerSentence(
  s: NerExample,
  tokenizer: WordPieceTokenizer,
  labels: readonly string[],
  maxLength: number,
  labelAllSubwords = false,
): EncodedNerSentence {
  const { text, offsets } = nerExampleText(s);
  const encoding = tokenizer.encode(text, { maxLength });
  const ids = alignTagsToSubwords(offsets, s.tags, encoding.offsets, { labelAllSubwords }).map((t) => {
    if (t === null) return NER_IGNORE_LABEL;
    const i = labels.indexOf(t);
    if (i < 0) throw new Error(`NER tag ${JSON.stringify(t)} is not one of ${labels.join(', ')}`);
    return i;
  });
  return { text, wordOffsets: offsets, encoding, labels: ids };
}

export class NerDataset implements Dataset {
  readonly encoded: EncodedNerSentence[];

  constructor(
    sentences: readonly NerExample[],
    tokenizer: WordPieceTokenizer,
    labels: readonly string[],
    options: {
      maxLength: number;
      labelAllSubwords?: boolean;
      /** Probability that an entity's sub-words are all [MASK] (maskEntitySubwords; training data only). */
      entityMaskRate?: number;
      /** Seed of the entity-mask draws. */
      seed?: number;
    },
  ) {
    if (sentences.length === 0) throw new Error('NerDataset needs at least one sentence');
    const encoded = sentences.map((s) =>
      encodeNerSentence(s, tokenizer, labels, options.maxLength, options.labelAllSubwords),
    );
    this.encoded = options.entityMaskRate
      ? maskEntitySubwords(
          encoded,
          sentences.map((s) => s.tags),
          wordPieceMasking(tokenizer).masking.maskId,
          options.entityMaskRate,
          new Rng(options.seed ?? 1),
        ).sentences
      : encoded;
    this.padId = tokenizer.tokenToId('[PAD]') ?? 0;
  }

  private readonly padId: number;

  get size(): number {
    return this.encoded.length;
  }

  batch(indices: readonly number[]): Batch {
    const rows = indices.map((i) => this.encoded[i]);
    const b = rows.length;
    const t = Math.max(...rows.map((r) => r.encoding.ids.length));
    const labels = new Int32Array(b * t).fill(NER_IGNORE_LABEL);
    rows.forEach((r, i) => labels.set(r.labels, i * t));
    const x = paddedBertInputs(
      rows.map((r) => r.encoding),
      this.padId,
    );
    return { x, y: tf.tensor2d(labels, [b, t], 'int32') };
  }
}
