/**
 * BIO grouping of sub-word labels into entities with character offsets. transformers.js's
 * token-classification pipeline returns one B-/I- label per sub-word (its `index` in the encoding)
 * and no offsets; the project's WordPiece encoder gives the same ids (tested in hf/parity.spec.ts)
 * with offsets into the input, so offsets come from there.
 *
 * Rules: `B-X` starts an entity of type X; `I-X` continues the previous entity when it is the token
 * right after it and of type X, and otherwise starts one (as seqeval's lenient reading); a
 * continuation piece (`##...`) always joins the entity of the piece before it, whatever its own
 * label, and an entity ending inside a word extends to the word's end: entities are whole words.
 * `O` and special tokens end entities.
 *
 * @example
 * const e = tokenizer.encode('Ada Lovelace met Babbage');
 * groupEntities('Ada Lovelace met Babbage', e, [{ index: 1, entity: 'B-PER' }, { index: 2, entity: 'I-PER' }, ...]);
 * // [{ label: 'PER', start: 0, end: 12, text: 'Ada Lovelace', score, tokens: [1, 2, 3] }, ...]
 */
import { Encoding } from '../tokenizers/encoding';
import { WORDPIECE_PREFIX } from '../tokenizers/wordpiece';

/** A sub-word's label: transformers.js's TokenLabel or the tfjs argmax. */
export interface SubwordLabel {
  /** Position in the encoding ([CLS] = 0). */
  index: number;
  /** 'B-PER', 'I-LOC', 'O', ... */
  entity: string;
  score?: number;
}

export interface Entity {
  /** The type without its B-/I- prefix. */
  label: string;
  /** [start, end) into the input text. */
  start: number;
  end: number;
  text: string;
  /** Mean score of the labelled pieces (1 when no scores were given). */
  score: number;
  /** Encoding positions covered. */
  tokens: number[];
}

function split(entity: string): { prefix: string; type: string } {
  const m = /^([BI])-(.+)$/.exec(entity);
  return m ? { prefix: m[1], type: m[2] } : { prefix: entity, type: '' };
}

export function groupEntities(text: string, encoding: Encoding, labels: readonly SubwordLabel[]): Entity[] {
  const byIndex = new Map(labels.map((l) => [l.index, l]));
  const isPiece = (i: number) => encoding.tokens[i]?.startsWith(WORDPIECE_PREFIX) ?? false;
  const isToken = (i: number) => encoding.attentionMask[i] === 1 && encoding.offsets[i][1] > encoding.offsets[i][0];
  const out: { label: string; tokens: number[]; scores: number[] }[] = [];
  let current: (typeof out)[number] | undefined;
  for (let i = 0; i < encoding.ids.length; i++) {
    if (!isToken(i)) {
      current = undefined;
      continue;
    }
    const l = byIndex.get(i);
    if (current && isPiece(i)) {
      current.tokens.push(i); // a word's continuation joins its entity
      if (l) current.scores.push(l.score ?? 1);
      continue;
    }
    const { prefix, type } = split(l?.entity ?? 'O');
    if (!type) {
      current = undefined;
      continue;
    }
    if (!(current && prefix === 'I' && current.label === type))
      out.push((current = { label: type, tokens: [], scores: [] }));
    current.tokens.push(i);
    current.scores.push(l?.score ?? 1);
  }
  return out.map(({ label, tokens, scores }) => {
    const start = encoding.offsets[tokens[0]][0];
    const end = encoding.offsets[tokens[tokens.length - 1]][1];
    const score = scores.reduce((a, b) => a + b, 0) / scores.length;
    return { label, start, end, text: text.slice(start, end), score, tokens };
  });
}
