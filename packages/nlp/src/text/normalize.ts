/**
 * Text normalisation shared by every nlp tokenizer: Unicode NFKC (compatibility forms such as
 * ligatures and full-width letters folded), then optional lowercasing and accent stripping
 * (canonical decomposition, combining marks removed, recomposed), as BERT's uncased
 * normalizer does.
 *
 * @example
 * normalizeText('Ｃafé ﬁne', { lowercase: true, stripAccents: true }); // 'cafe fine'
 */
export interface NormalizeOptions {
  /** Lowercase after NFKC. */
  lowercase?: boolean;
  /** Remove combining marks (é → e, ñ → n). */
  stripAccents?: boolean;
}

export const NORMALIZE_DEFAULTS = { lowercase: false, stripAccents: false } satisfies Required<NormalizeOptions>;

const COMBINING_MARK = /\p{M}/gu;

export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const o = { ...NORMALIZE_DEFAULTS, ...options };
  let out = text.normalize('NFKC');
  if (o.lowercase) out = out.toLowerCase();
  if (o.stripAccents) out = out.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC');
  return out;
}

/**
 * The first letter upper-cased, as a sentence opens in running text. WordNet's glosses start in lower
 * case ("a city in northern Italy"), so a cased tokenizer trained on them never sees "Under" or
 * "Translated" and splits them into letters like an unknown name (`pretrainMlm`'s `sentenceCase`).
 *
 * @example
 * sentenceCase('a city in northern Italy'); // 'A city in northern Italy'
 */
export function sentenceCase(text: string): string {
  return text.replace(/^\s*\p{Ll}/u, (m) => m.toUpperCase());
}
