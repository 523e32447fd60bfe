/**
 * The two ways dlkit splits a WordNet gloss (`a young person; "the child cried" - Dickens`), over
 * one reading of its quotes (each `"` pairs with the next one):
 * - {@link glossFields}: WordNet's own layout, fields separated by semicolons outside quotes; a
 *   field that starts with a quote is an example (its attribution dropped), the others are
 *   definitions (tokenizer training and parity sentences);
 * - {@link splitGloss}: the whole text outside quotes as one definition line, then each quoted
 *   example (the word-embedding corpus, whose measured numbers depend on this exact split).
 *
 * @example
 * glossFields('a young person; "the child cried"'); // { definitions: ['a young person'], examples: ['the child cried'] }
 * splitGloss('a young person; "the child cried"'); // ['a young person', 'the child cried']
 */

/** A stretch of a gloss between two double quotes. */
export interface GlossPiece {
  text: string;
  /** Inside quotes. */
  quoted: boolean;
  /** Inside quotes that are closed again (false for a last, unmatched quote). */
  closed: boolean;
}

/** A gloss cut at its double quotes: `a "b" c "d` → a, b (quoted), c, d (quoted, not closed). */
export function glossPieces(gloss: string): GlossPiece[] {
  const texts = gloss.split('"');
  return texts.map((text, i) => ({ text, quoted: i % 2 === 1, closed: i % 2 === 1 && i < texts.length - 1 }));
}

/** The gloss's fields (untrimmed), split at semicolons outside quotes; the quotes are kept. */
function semicolonFields(pieces: GlossPiece[]): string[] {
  const fields = [''];
  pieces.forEach((piece, i) => {
    if (i > 0) fields[fields.length - 1] += '"';
    const [first, ...rest] = piece.quoted ? [piece.text] : piece.text.split(';');
    fields[fields.length - 1] += first;
    fields.push(...rest);
  });
  return fields;
}

/** Definitions and quoted examples, fields split at semicolons outside quotes ("he said; yes" is one example). */
export function glossFields(gloss: string): { definitions: string[]; examples: string[] } {
  const out = { definitions: [] as string[], examples: [] as string[] };
  for (const raw of semicolonFields(glossPieces(gloss))) {
    const part = raw.trim();
    if (!part) continue;
    if (part.startsWith('"')) {
      // an example, possibly followed by its attribution: "all things must pass" - Shakespeare
      const example = part.slice(1, part.lastIndexOf('"') > 0 ? part.lastIndexOf('"') : undefined).trim();
      if (example) out.examples.push(example);
    } else out.definitions.push(part);
  }
  return out;
}

/**
 * Splits a WordNet gloss (the text after `|`) into its definition and its quoted examples:
 * `a young person; "the child cried"` → ['a young person', 'the child cried'].
 */
export function splitGloss(gloss: string): string[] {
  const pieces = glossPieces(gloss);
  // the text outside closed quotes, each quoted example replaced by a space
  const outside = pieces.map((p) => (!p.quoted ? p.text : p.closed ? ' ' : `"${p.text}`)).join('');
  const definition = outside.replace(/[;\s]+$/, '').trim();
  const examples = pieces.filter((p) => p.closed && p.text !== '').map((p) => p.text.trim());
  return definition !== '' ? [definition, ...examples] : examples;
}
