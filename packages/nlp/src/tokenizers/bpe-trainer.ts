/**
 * Trains a GPT-2 style byte-level BPE: pre-tokens counted with GPT-2's regex, each as its bytes
 * (printable byte characters), an alphabet of all 256 bytes (so any text encodes), then
 * frequency-ranked merges until the vocabulary reaches `vocabSize` or no pair reaches
 * `minFrequency` (Sennrich et al. 2016; the Hugging Face ByteLevelBPETokenizer trains the same way).
 *
 * @example
 * const tok = trainByteBpe(['The cat sat on the mat.', 'A dog sat.'], { vocabSize: 300 });
 * tok.decode(tok.encode('the mat').ids); // 'the mat'
 */
import { learnMerges } from './bpe-merges';
import { BPE_END_OF_TEXT, BYTE_BPE_DEFAULTS, ByteBpeOptions, ByteBpeTokenizer } from './byte-bpe';
import { BYTE_TO_UNICODE, GPT2_PRE_TOKENIZER, toByteLevel } from './byte-level';
import { checkVocabSize, countWords } from './word-counts';

export interface TrainByteBpeOptions extends ByteBpeOptions {
  /** Target vocabulary size: 1 special token + 256 bytes + merges. */
  vocabSize: number;
  /** A pair must occur at least this often to be merged. */
  minFrequency?: number;
}

export const TRAIN_BYTE_BPE_DEFAULTS = { ...BYTE_BPE_DEFAULTS, minFrequency: 2 };

export function trainByteBpe(sentences: Iterable<string>, options: TrainByteBpeOptions): ByteBpeTokenizer {
  const o = { ...TRAIN_BYTE_BPE_DEFAULTS, ...options };
  const base = [BPE_END_OF_TEXT, ...BYTE_TO_UNICODE];
  checkVocabSize(o.vocabSize, base.length, 'trainByteBpe');
  const counts = countWords(
    sentences,
    (s) => [...s.matchAll(GPT2_PRE_TOKENIZER)].map((m) => toByteLevel(m[0]).chars),
    'trainByteBpe',
  );
  const words = new Map([...counts].map(([w, count]) => [w, { symbols: [...w], count }]));
  const vocab = [...base];
  const seen = new Set(vocab);
  const merges: [string, string][] = [];
  // two merges can spell the same token ("ab"+"c", "a"+"bc"): the token is kept once, both merges stay
  for (const [a, b, merged] of learnMerges(words, {
    maxMerges: o.vocabSize - vocab.length,
    minFrequency: o.minFrequency,
    join: (x, y) => x + y,
  })) {
    merges.push([a, b]);
    if (!seen.has(merged)) {
      seen.add(merged);
      vocab.push(merged);
    }
  }
  return ByteBpeTokenizer.fromMerges(vocab, merges, o);
}
