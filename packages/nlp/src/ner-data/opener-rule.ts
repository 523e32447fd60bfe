/**
 * The sentence-opener rule of NER decoding: a capitalised function word that opens a sentence
 * ("Neither", "Only", "From", ...) is read O, whatever the model's probabilities say, before the
 * word tags are decoded. Fine-tuned on template sentences, the models read such a word as the first
 * word of the name after it ("[Neither Georas] Aylett nor ...", "[Only Decca] knew ...", "[From
 * Tsu] to ..."); training with such openers (augmentNerSentences' openerRate, tenth round in the
 * README) did not stop it, and a closed class of words that never begins a name in running text
 * can simply be ruled out. Measured in the README's eighteenth round: validation f1 +0.007 to
 * +0.008 at each of 12 held-out runs, the held-out test f1 +0.000 to +0.022, the hand-labelled set
 * unchanged or +0.002.
 *
 * The price: a name that does begin with one of these words at a sentence start loses it ("First
 * Republic Bank said ..." gives "Republic Bank"); decodeWordTags and the CLI can switch it off.
 *
 * SENTENCE_OPENERS is brownSentenceOpeners()'s list (the Brown corpus's sentence-initial
 * prepositions, conjunctions, adverbs, qualifiers, determiners and articles seen at least 10 times),
 * written out here so that decoding does not parse the corpus; the spec checks it against the corpus.
 *
 * @example
 * const rows = [[0.2, 0.8, 0], [0.1, 0.1, 0.8]]; // labels O, B-PER, I-PER: "Only Mikkel"
 * openersOutside(rows, ['Only', 'Mikkel'], ['O', 'B-PER', 'I-PER']); // [[1, 0, 0], [0.1, 0.1, 0.8]]
 */

/** Capitalised function words that open sentences in the Brown corpus, most frequent first. */
export const SENTENCE_OPENERS: readonly string[] = [
  'The',
  'In',
  'But',
  'This',
  'There',
  'And',
  'If',
  'For',
  'When',
  'As',
  'At',
  'These',
  'Then',
  'On',
  'That',
  'With',
  'No',
  'After',
  'Now',
  'All',
  'So',
  'Some',
  'By',
  'An',
  'Even',
  'Since',
  'Thus',
  'However',
  'From',
  'Of',
  'To',
  'Yet',
  'During',
  'Here',
  'Although',
  'Each',
  'While',
  'Another',
  'Many',
  'Just',
  'Only',
  'How',
  'Most',
  'Perhaps',
  'Why',
  'Both',
  'Or',
  'Once',
  'Other',
  'Also',
  'Moreover',
  'Because',
  'Before',
  'Those',
  'Though',
  'More',
  'Finally',
  'Where',
  'Among',
  'Sometimes',
  'Like',
  'Under',
  'Every',
  'Still',
  'Therefore',
  'Maybe',
  'Instead',
  'About',
  'Again',
  'Besides',
  'Nevertheless',
  'Indeed',
  'Within',
  'Without',
  'Any',
  'Despite',
  'Several',
  'Actually',
  'Furthermore',
  'Nor',
  'Yes',
  'Much',
  'Neither',
  'First',
  'Last',
  'Next',
  'Hence',
  'Out',
  'According',
  'Obviously',
  'Until',
  'Over',
  'Through',
  'Too',
  'Whether',
  'Certainly',
  'Never',
  'Almost',
  'Suddenly',
  'Meanwhile',
  'Apparently',
  'Soon',
  'Above',
  'Often',
  'Probably',
  'Very',
  'Accordingly',
  'Rather',
  'Throughout',
  'Upon',
  'Few',
  'Otherwise',
  'Outside',
  'Already',
  'Fortunately',
  'Occasionally',
  'Similarly',
  'Unfortunately',
  'Usually',
  'Beyond',
  'Naturally',
  'Recently',
  'Somehow',
  'Generally',
  'Whenever',
  'Behind',
  'Below',
  'Early',
  'Unless',
  'Along',
  'Between',
  'Consequently',
  'Up',
  'Apart',
  'Either',
  'Inside',
  'Less',
];

const OPENER_SET: ReadonlySet<string> = new Set(SENTENCE_OPENERS);

/** True when word `index` opens a sentence: the first word, or the word after ".", "?" or "!". */
export function opensSentence(words: readonly string[], index: number): boolean {
  return index === 0 || /^[.?!]+$/.test(words[index - 1] ?? '');
}

/**
 * Word label rows with every sentence-opening word of `openers` set to certainly O (rows: words;
 * columns: `labels`, which must contain 'O'). Other rows are returned as they are.
 */
export function openersOutside(
  rows: readonly (readonly number[])[],
  words: readonly string[],
  labels: readonly string[],
  openers: ReadonlySet<string> = OPENER_SET,
): (readonly number[])[] {
  if (rows.length !== words.length)
    throw new Error(`openersOutside: ${rows.length} label rows for ${words.length} words`);
  const o = labels.indexOf('O');
  if (o < 0) throw new Error(`openersOutside: the labels have no 'O' (${labels.join(', ')})`);
  const outside = labels.map((_, j) => (j === o ? 1 : 0));
  return rows.map((row, w) => (openers.has(words[w]) && opensSentence(words, w) ? outside : row));
}
