/**
 * Entity masking for NER fine-tuning: every sub-word of a chosen entity is replaced by [MASK],
 * its labels kept, so the classifier must type the span from its context alone (the words around
 * it), not from the name's spelling. A lever against unseen names in unseen frames: the model
 * cannot lean on how training names look, only on what the sentence says about them.
 *
 * Entities are the BIO spans of a sentence's word tags, as the F1 reads them (extractEntities);
 * each is chosen with probability `rate`, drawn from `rng` in sentence and span order.
 *
 * @example
 * // "Ann lives in Oslo ." tags B-PER O O B-LOC O, sub-words [CLS] Ann lives in Os ##lo . [SEP]
 * maskEntitySubwords(encoded, tags, maskId, 1, rng);
 * // ids → [CLS] [MASK] lives in [MASK] [MASK] . [SEP], labels unchanged
 */
import { Rng } from '@dlkit/core';
import { extractEntities } from '../ner-data/entity-metrics';
import { subwordWordIndex } from '../ner-data/subword-labels';
import type { EncodedNerSentence } from './ner-dataset';

/**
 * Sentences whose chosen entities' sub-words are [MASK] (new objects; the input is not changed).
 * `tags[i]` are sentence i's word tags. Returns the sentences and how many entities were masked.
 */
export function maskEntitySubwords(
  sentences: readonly EncodedNerSentence[],
  tags: ReadonlyArray<readonly string[]>,
  maskId: number,
  rate: number,
  rng: Rng,
): { sentences: EncodedNerSentence[]; masked: number } {
  if (!(rate >= 0 && rate <= 1)) throw new Error(`entity mask rate must be in [0, 1], got ${rate}`);
  if (tags.length !== sentences.length)
    throw new Error(`maskEntitySubwords: ${sentences.length} sentences but ${tags.length} tag rows`);
  let masked = 0;
  const out = sentences.map((s, i) => {
    const chosen = extractEntities(tags[i]).filter(() => rate > 0 && rng.uniform() < rate);
    if (chosen.length === 0) return s;
    masked += chosen.length;
    const words = subwordWordIndex(s.wordOffsets, s.encoding.offsets);
    const ids = s.encoding.ids.map((id, k) =>
      chosen.some((e) => words[k] >= e.start && words[k] <= e.end) ? maskId : id,
    );
    const tokens = s.encoding.tokens.map((t, k) => (ids[k] === maskId && s.encoding.ids[k] !== maskId ? '[MASK]' : t));
    return { ...s, encoding: { ...s.encoding, ids, tokens } };
  });
  return { sentences: out, masked };
}
