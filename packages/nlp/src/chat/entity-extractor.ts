/**
 * Dictionary entity extraction: each entity value and its synonyms, matched case-insensitively
 * and accent-insensitively on whole words (word forms too: "digits" finds the synonym "digit"),
 * longest match first, left to right, never overlapping. Offsets index the original message.
 *
 * @example
 * const x = new EntityExtractor([{ name: 'dataset', values: [{ value: 'mnist', synonyms: ['handwritten digits'] }] }]);
 * x.extract('train on Handwritten Digits');
 * // [{ entity: 'dataset', value: 'mnist', text: 'Handwritten Digits', start: 9, end: 27 }]
 */
import { wordTokens } from '../text/word-tokenizer';
import type { ChatEntity } from './chat-corpus';
import { stemWord } from './stem';

export interface EntityMatch {
  /** Entity name. */
  entity: string;
  /** The canonical value (not the synonym that matched). */
  value: string;
  /** The matched span of the message, as written. */
  text: string;
  start: number;
  end: number;
}

interface Phrase {
  entity: string;
  value: string;
  stems: string[];
}

/** Stemmed word tokens with their offsets (punctuation dropped). */
function stemmedTokens(text: string): { stem: string; start: number; end: number }[] {
  return wordTokens(text, { lowercase: true, stripAccents: true })
    .filter((t) => /[\p{L}\p{N}]/u.test(t.text))
    .map((t) => ({ stem: stemWord(t.text), start: t.start, end: t.end }));
}

export class EntityExtractor {
  private readonly phrases: Phrase[];

  constructor(readonly entities: readonly ChatEntity[]) {
    this.phrases = entities.flatMap((e) =>
      e.values.flatMap((v) =>
        [v.value, ...(v.synonyms ?? [])]
          .map((s) => ({ entity: e.name, value: v.value, stems: stemmedTokens(s).map((t) => t.stem) }))
          .filter((p) => p.stems.length > 0),
      ),
    );
    // longest phrases first, so "rnn gradient check" wins over "gradient check"
    this.phrases.sort((a, b) => b.stems.length - a.stems.length);
  }

  extract(message: string): EntityMatch[] {
    const tokens = stemmedTokens(message);
    const found: EntityMatch[] = [];
    for (let i = 0; i < tokens.length;) {
      const p = this.phrases.find(
        (ph) => i + ph.stems.length <= tokens.length && ph.stems.every((s, k) => tokens[i + k].stem === s),
      );
      if (!p) {
        i++;
        continue;
      }
      const start = tokens[i].start;
      const end = tokens[i + p.stems.length - 1].end;
      found.push({ entity: p.entity, value: p.value, text: message.slice(start, end), start, end });
      i += p.stems.length;
    }
    return found;
  }
}
