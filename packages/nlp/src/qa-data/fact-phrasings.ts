/**
 * How a passage states a country fact, and how a question asks for it: several phrasings of each.
 * In a statement `{c}` is the country, `{a}` the answer (the span a reader must find) and `{is}`
 * "is" or "are" to agree with a list answer; in a question `{c}` is the country. A country whose
 * name takes an article ("the United Kingdom") gets it; sentences start with a capital letter.
 */
export const FACT_TYPES = ['capital', 'currency', 'languages', 'continent', 'region', 'neighbours'] as const;

export type FactType = (typeof FACT_TYPES)[number];

export const STATEMENTS: Record<FactType, readonly string[]> = {
  capital: [
    'The capital of {c} is {a}.',
    '{a} is the capital city of {c}.',
    '{c} is governed from {a}, its capital.',
    'The government of {c} sits in {a}.',
  ],
  currency: [
    'The currency of {c} is the {a}.',
    'In {c}, people pay with the {a}.',
    '{c} uses the {a} as its money.',
    'Prices in {c} are given in the {a}.',
  ],
  languages: ['People in {c} speak {a}.', 'The languages of {c} include {a}.', 'In {c}, {a} {is} widely spoken.'],
  continent: ['{c} is a country in {a}.', '{c} lies on the continent of {a}.', 'Geographically, {c} belongs to {a}.'],
  region: ['{c} is part of {a}.', 'Geographers place {c} in {a}.', 'On the map, {c} sits in {a}.'],
  neighbours: [
    '{c} shares borders with {a}.',
    'The neighbours of {c} are {a}.',
    'Travellers can cross from {c} into {a}.',
  ],
};

// prettier-ignore
export const QUESTIONS: Record<FactType, readonly string[]> = {
  capital: ['What is the capital of {c}?', "Which city is {c}'s capital?", "{c}'s capital city is what?", 'Where does the government of {c} sit?'],
  currency: ['What is the currency of {c}?', 'Which currency is used in {c}?', 'What money do people use in {c}?', '{c} pays with which currency?'],
  languages: ['What languages are spoken in {c}?', 'Which languages do people in {c} speak?', 'What do people in {c} speak?'],
  continent: ['On which continent is {c}?', 'Which continent is {c} in?', '{c} is on what continent?'],
  region: ['Which region is {c} part of?', 'In what part of the world is {c}?', 'Where in the world is {c} located?'],
  neighbours: ['Which countries border {c}?', 'What are the neighbours of {c}?', '{c} shares borders with which countries?'],
};

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const TAKES_THE =
  /^(?:United |Republic |Central African|Dominican Republic|Czech Republic|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Vatican)|Islands$/;

/** The country as written inside a sentence: "the United Kingdom", "Peru". */
export function countryPhrase(name: string): string {
  return TAKES_THE.test(name) ? `the ${name}` : name;
}

/** Fills a phrasing; returns the text and where the answer starts in it (-1 without `{a}`). */
export function fillPhrasing(
  phrasing: string,
  country: string,
  answer = '',
  plural = false,
): { text: string; answerStart: number } {
  let text = '';
  let answerStart = -1;
  for (const part of phrasing.split(/(\{[a-z]+\})/)) {
    if (part === '{c}') text += countryPhrase(country);
    else if (part === '{a}') {
      answerStart = text.length;
      text += answer;
    } else if (part === '{is}') text += plural ? 'are' : 'is';
    else text += part;
  }
  // The first letter is a capital letter ("The United Kingdom ..."); the answer keeps its offset.
  return { text: text.charAt(0).toUpperCase() + text.slice(1), answerStart };
}
