/**
 * Encodings of different lengths as BERT's three int32 input tensors [b, T], padded to the
 * longest with `padId` (attention mask 0 and type id 0 there).
 *
 * @example
 * const [ids, mask, types] = paddedBertInputs([tokenizer.encode('a'), tokenizer.encode('a b c')], 0);
 */
import * as tf from '@tensorflow/tfjs';
import { Encoding } from '../tokenizers/encoding';

export function paddedBertInputs(rows: readonly Encoding[], padId: number): tf.Tensor2D[] {
  const b = rows.length;
  const t = Math.max(...rows.map((r) => r.ids.length));
  const ids = new Int32Array(b * t).fill(padId);
  const mask = new Int32Array(b * t);
  const types = new Int32Array(b * t);
  rows.forEach((r, i) => {
    ids.set(r.ids, i * t);
    mask.set(r.attentionMask, i * t);
    types.set(r.typeIds, i * t);
  });
  return [ids, mask, types].map((a) => tf.tensor2d(a, [b, t], 'int32'));
}
