/**
 * Sentence templates for generated NER data. A slot in braces is filled with an entity of the
 * split's lists ({per} a full name, {first} a first name, {last} a surname, {city}, {country}, {loc}
 * either, {org} an organisation, {nat} a nationality, {lang} a language, {event} an event) or with a
 * filler that is not an entity ({year}, {num}, {weekday}). The test templates are used only for
 * the test split and differ in wording and structure from every train template, so a model must
 * read context rather than remember sentence frames.
 */

/** Entity type of each entity slot (CoNLL-2003's four types). */
export const SLOT_TYPES = {
  per: 'PER',
  first: 'PER',
  last: 'PER',
  city: 'LOC',
  country: 'LOC',
  loc: 'LOC',
  org: 'ORG',
  nat: 'MISC',
  lang: 'MISC',
  event: 'MISC',
} as const;

export type EntitySlot = keyof typeof SLOT_TYPES;

/** Filler slots: words that are not entities. */
export const FILLER_SLOTS = ['year', 'num', 'weekday'] as const;

export const TRAIN_TEMPLATES: readonly string[] = [
  '{per} was born in {city} in {year}.',
  '{per} moved to {country} after the war.',
  'The {nat} government said on {weekday} that talks with {country} would resume.',
  '{org} reported a rise in quarterly profit, chief executive {per} said.',
  'Shares of {org} fell {num} percent in {city} trading.',
  '{per}, a spokesman for {org}, declined to comment.',
  'In {city}, police arrested two men on {weekday}.',
  '{country} beat {country} in a friendly match on {weekday}.',
  'Mr. {last} told reporters in {city} that the deal was done.',
  'The {event} drew thousands of visitors this year.',
  '{per} speaks fluent {lang} and some {lang}.',
  'According to {org}, exports to {country} doubled last year.',
  '{first} and {first} opened a bakery in {city}.',
  'Officials from {org} met {nat} diplomats in {city} on {weekday}.',
  'The talks in {city} were led by {per} of {org}.',
  '{city} is the largest city in {country}.',
  'A {nat} court sentenced {per} to three years in prison.',
  'The film premiered at the {event} last month.',
  '{org} will open a new office in {city} next year.',
  'Dr. {last} joined {org} in {year}.',
  'Flights between {city} and {city} were cancelled because of fog.',
  '{per} won the {event} for the second time.',
  'The {lang} edition of the book sold well in {country}.',
  'Prime Minister {per} arrived in {country} for a two-day visit.',
  '{org} and {org} agreed to merge in a deal worth {num} million dollars.',
  'Rain is expected across {country} this weekend, forecasters said.',
  'Her father, {per}, worked for {org} for thirty years.',
  'The {nat} team trained in {city} before the tournament.',
  '{per} said the {nat} economy would grow by {num} percent.',
  'Students at {org} protested against higher fees.',
  'Born in {country}, {first} learned {lang} at school.',
  "Investors in {city} welcomed {org}'s plan.",
  '{country} and {country} signed a trade agreement on {weekday}.',
  'Coach {per} praised the {nat} players after the game.',
  'The museum in {city} holds paintings by {per}.',
  'Yesterday {last} resigned as chairman of {org}.',
  'Tickets for the {event} sold out within hours.',
  '{org} hired {per} as its new finance director.',
  'Most people in {country} speak {lang}.',
  'The road from {city} to {city} was closed after a landslide.',
  '{per} and {per} will meet in {city} next week.',
  'A report by {org} criticised the {nat} authorities.',
  'Temperatures in {city} reached {num} degrees on {weekday}.',
  'The ambassador of {country} thanked {per} for the invitation.',
  'After leaving {country}, {per} settled in {city}.',
  'Analysts at {org} expect {nat} inflation to ease.',
  "{country}'s president visited {city} in {year}.",
  'Ms. {last} has taught {lang} in {city} since {year}.',
  '{first} told {first} about the offer from {org}.',
  'The {nat} writer {per} died in {city} at the age of {num}.',
];

export const TEST_TEMPLATES: readonly string[] = [
  '{city} residents complained to {org} about the noise.',
  'Asked about the rumours, {per} only smiled.',
  'Neither {per} nor {org} answered questions from {nat} journalists.',
  'What {org} really wants, {last} argued, is access to {country}.',
  'The {event}, first held in {year}, returns in spring.',
  'Under pressure from {org}, the mayor of {city} cancelled the parade.',
  'Translated from {lang} by {per}, the novel reached readers in {country}.',
  'Several {nat} firms, including {org}, bid for the contract.',
  'A day after landing in {city}, {per} flew on to {country}.',
  'Whoever wins in {country} will have to deal with {org}.',
  'Only {first} knew the way back to {city}.',
  'Why did {org} leave {city}? Nobody at the company would say.',
  '{per}, who grew up speaking {lang}, now teaches in {city}.',
  'Long before the {event} began, crowds gathered near the station.',
  'From {city} to {city}, {org} now runs {num} stores.',
  'The letter, signed by {per} and {per}, reached {org} on {weekday}.',
  'Supporters of {last} waved {nat} flags outside the court.',
  "It was {first}'s idea to hold the wedding in {country}.",
  'Exports of coffee from {country} to {country} rose sharply in {year}.',
  "{lang} is still taught at {org}, {last}'s old school.",
];
