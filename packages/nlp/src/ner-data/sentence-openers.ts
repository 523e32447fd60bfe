/**
 * Capitalised function words that open sentences of real text: the first words of the Brown
 * corpus's sentences whose part-of-speech tag is a preposition, conjunction, adverb, qualifier,
 * determiner or article ("From", "Only", "But", "Even", "Neither", ...), at least `minCount` times.
 *
 * Why: in the generated training sentences an entity that opens a sentence always stands first, so
 * a fine-tuned model reads any capitalised word right before a name as part of it: held-out "From
 * Ilebo to Samarkand" came out as the person "From Ilebo", "Only Mikkel knew" as the person "Only
 * Mikkel". augmentNerSentences' `openerRate` puts one of these words (tagged O) before such an
 * entity. Unlike `initialRate` (random capitalised content words, which taught "an unknown
 * capitalised first word is O" and cost the hand-labelled "Toyota said ..."), these are a closed
 * class: a model can learn that they never begin a name.
 *
 * @example
 * brownSentenceOpeners().slice(0, 4); // ['The', 'In', 'But', 'This']
 */
import { brownSentences, BrownSentence } from '../text/brown-corpus';

/** Brown tags of function words and adverbs (before any "-hl"/"-tl" suffix). */
const FUNCTION_TAGS = new Set([
  'in',
  'cc',
  'cs',
  'rb',
  'ql',
  'wrb',
  'ex',
  'abn',
  'abx',
  'ap',
  'at',
  'dt',
  'dti',
  'dts',
  'dtx',
  'rp',
]);

/** Capitalised sentence-initial function words, most frequent first (ties alphabetical). */
export function brownSentenceOpeners(
  minCount = 10,
  sentences: readonly Pick<BrownSentence, 'words' | 'tags'>[] = brownSentences(),
): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    const word = s.words[0];
    if (word === undefined || !/^[A-Z][a-z]+$/.test(word) || !FUNCTION_TAGS.has(s.tags[0])) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
}
