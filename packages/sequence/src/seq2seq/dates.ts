/**
 * Human-readable dates and their ISO form, the data of the course's "Neural machine translation"
 * assignment (DLS course 5, week 3): "Saturday May 9 2018", "9 may 2018", "05/09/18",
 * "the 9th of May, 2018", ... → "2018-05-09". Seeded, with a held-out split by calendar date.
 *
 * Dates are drawn from 1950-01-01 to 2049-12-31, so a two-digit year is unambiguous (00-49 →
 * 20xx, 50-99 → 19xx). Slash dates are US order (month first), dot dates European (day first):
 * the separator tells the model which order it reads.
 *
 * Held-out split: every calendar date in the range goes either to the held-out pool or to the
 * training pool (a seeded permutation of the days). Since a date string names exactly one date,
 * disjoint date values also make the training and held-out strings disjoint: no held-out date
 * appears in training in ANY format.
 *
 * @example
 * const split = new DateSplit({ seed: 1 });
 * const train = split.sample('train', 10000, new Rng(2)); // [{ source: 'may 9, 2018', target: '2018-05-09' }, ...]
 * const test = split.sample('heldOut', 2000, new Rng(3)); // distinct held-out dates
 */
import { Rng } from '@dlkit/core';

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export interface DatePair {
  /** The human-readable date. */
  source: string;
  /** YYYY-MM-DD */
  target: string;
  /** Name of the format used (a row of DATE_FORMATS). */
  format: string;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** Indexed by Date.getUTCDay(): 0 = Sunday. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2049;

export type Casing = 'lower' | 'title' | 'upper';
const CASINGS: readonly Casing[] = ['lower', 'title', 'upper'];

/** The pieces of one date that the formats combine (names already in the chosen casing). */
interface DateParts {
  d: number;
  m: number;
  yyyy: string;
  yy: string;
  dd: string;
  mm: string;
  month: string;
  mon: string;
  weekday: string;
  wkd: string;
  ordinal: string;
  the: string;
  of: string;
}

export interface DateFormat {
  name: string;
  /** The format applied to 2018-05-09 in title case. */
  example: string;
  render(p: DateParts): string;
}

/** The formats, one row each (extend the table to add one). */
export const DATE_FORMATS: readonly DateFormat[] = [
  {
    name: 'weekday month d yyyy',
    example: 'Wednesday May 9 2018',
    render: (p) => `${p.weekday} ${p.month} ${p.d} ${p.yyyy}`,
  },
  {
    name: 'weekday, month d, yyyy',
    example: 'Wednesday, May 9, 2018',
    render: (p) => `${p.weekday}, ${p.month} ${p.d}, ${p.yyyy}`,
  },
  { name: 'd month yyyy', example: '9 May 2018', render: (p) => `${p.d} ${p.month} ${p.yyyy}` },
  { name: 'dd mon yyyy', example: '09 May 2018', render: (p) => `${p.dd} ${p.mon} ${p.yyyy}` },
  { name: 'd-mon-yyyy', example: '9-May-2018', render: (p) => `${p.d}-${p.mon}-${p.yyyy}` },
  { name: 'month d, yyyy', example: 'May 9, 2018', render: (p) => `${p.month} ${p.d}, ${p.yyyy}` },
  { name: 'mon d, yyyy', example: 'May 9, 2018', render: (p) => `${p.mon} ${p.d}, ${p.yyyy}` },
  {
    name: 'the dth of month, yyyy',
    example: 'The 9th of May, 2018',
    render: (p) => `${p.the} ${p.ordinal} ${p.of} ${p.month}, ${p.yyyy}`,
  },
  { name: 'month dth, yyyy', example: 'May 9th, 2018', render: (p) => `${p.month} ${p.ordinal}, ${p.yyyy}` },
  { name: 'wkd d mon yy', example: 'Wed 9 May 18', render: (p) => `${p.wkd} ${p.d} ${p.mon} ${p.yy}` },
  { name: 'mm/dd/yy', example: '05/09/18', render: (p) => `${p.mm}/${p.dd}/${p.yy}` },
  { name: 'm/d/yyyy', example: '5/9/2018', render: (p) => `${p.m}/${p.d}/${p.yyyy}` },
  { name: 'dd.mm.yyyy', example: '09.05.2018', render: (p) => `${p.dd}.${p.mm}.${p.yyyy}` },
  { name: 'yyyy-mm-dd', example: '2018-05-09', render: (p) => `${p.yyyy}-${p.mm}-${p.dd}` },
];

/** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, 22nd, 23rd, ..., 31st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function applyCase(word: string, casing: Casing): string {
  if (casing === 'lower') return word.toLowerCase();
  if (casing === 'upper') return word.toUpperCase();
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a date. */
export function isoDate({ year, month, day }: CalendarDate): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 (UTC) ↔ calendar date, through JS Date in UTC. */
export function dateFromDayNumber(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayNumber({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day) / 86400000;
}

/** Renders `date` in `format` with the given casing of the words. */
export function formatDate(date: CalendarDate, format: DateFormat | string, casing: Casing = 'title'): string {
  const f = typeof format === 'string' ? DATE_FORMATS.find((x) => x.name === format) : format;
  if (!f)
    throw new Error(
      `unknown date format '${String(format)}', expected one of: ${DATE_FORMATS.map((x) => x.name).join('; ')}`,
    );
  if (date.year < FIRST_YEAR || date.year > LAST_YEAR)
    throw new Error(`year ${date.year} is outside ${FIRST_YEAR}-${LAST_YEAR} (two-digit years would be ambiguous)`);
  const { year, month, day } = date;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const c = (w: string) => applyCase(w, casing);
  return f.render({
    d: day,
    m: month,
    yyyy: String(year),
    yy: pad2(year % 100),
    dd: pad2(day),
    mm: pad2(month),
    month: c(MONTHS[month - 1]),
    mon: c(MONTHS[month - 1].slice(0, 3)),
    weekday: c(weekday),
    wkd: c(weekday.slice(0, 3)),
    ordinal: c(ordinal(day)),
    the: c('the'),
    of: casing === 'upper' ? 'OF' : 'of',
  });
}

/** One pair for `date` in a random format and casing. */
export function randomDatePair(date: CalendarDate, rng: Rng): DatePair {
  const format = DATE_FORMATS[rng.int(DATE_FORMATS.length)];
  const casing = CASINGS[rng.int(CASINGS.length)];
  return { source: formatDate(date, format, casing), target: isoDate(date), format: format.name };
}

/** Every character a date string can contain (for the source vocabulary). */
export function dateCharacters(): string[] {
  const words = [...MONTHS, ...WEEKDAYS, 'the of st nd rd th'];
  const chars = new Set<string>('0123456789 ,./-');
  for (const w of words) for (const casing of CASINGS) for (const ch of applyCase(w, casing)) chars.add(ch);
  for (const ch of 'THE OF ST ND RD TH') chars.add(ch);
  return [...chars].sort();
}

export interface DateSplitOptions {
  /** Seeds the assignment of calendar dates to the two pools. */
  seed?: number;
  /** Fraction of calendar dates held out. */
  heldOutFraction?: number;
}

export const DATE_SPLIT_DEFAULTS = { seed: 1, heldOutFraction: 0.1 } as const;

/** The calendar dates of FIRST_YEAR..LAST_YEAR split into a training pool and a held-out pool. */
export class DateSplit {
  /** Day numbers (days since 1970-01-01) of each pool. */
  readonly train: readonly number[];
  readonly heldOut: readonly number[];

  constructor(options: DateSplitOptions = {}) {
    const { seed, heldOutFraction } = {
      ...DATE_SPLIT_DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    };
    if (!(heldOutFraction > 0 && heldOutFraction < 1))
      throw new Error(`heldOutFraction must be in (0, 1), got ${heldOutFraction}`);
    const first = dayNumber({ year: FIRST_YEAR, month: 1, day: 1 });
    const last = dayNumber({ year: LAST_YEAR, month: 12, day: 31 });
    const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    new Rng(seed).shuffle(days);
    const k = Math.round(days.length * heldOutFraction);
    this.heldOut = days.slice(0, k).sort((a, b) => a - b);
    this.train = days.slice(k).sort((a, b) => a - b);
  }

  /**
   * `n` pairs from one pool, each in a random format and casing. From the held-out pool the dates
   * are distinct (drawn without replacement; n must not exceed the pool); training dates are drawn
   * with replacement (a date may appear in several formats).
   */
  sample(pool: 'train' | 'heldOut', n: number, rng: Rng): DatePair[] {
    if (!(Number.isInteger(n) && n >= 0)) throw new Error(`number of dates must be a non-negative integer, got ${n}`);
    const days = pool === 'train' ? this.train : this.heldOut;
    if (pool === 'heldOut') {
      if (n > days.length) throw new Error(`asked for ${n} held-out dates, but the held-out pool has ${days.length}`);
      const order = rng.permutation(days.length).slice(0, n);
      return order.map((i) => randomDatePair(dateFromDayNumber(days[i]), rng));
    }
    return Array.from({ length: n }, () => randomDatePair(dateFromDayNumber(days[rng.int(days.length)]), rng));
  }
}
