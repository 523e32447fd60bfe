import { Rng } from '@dlkit/core';
import {
  DATE_FORMATS,
  DateSplit,
  FIRST_YEAR,
  LAST_YEAR,
  MONTHS,
  WEEKDAYS,
  dateCharacters,
  dateFromDayNumber,
  formatDate,
  isoDate,
  ordinal,
  randomDatePair,
  type CalendarDate,
} from './dates';

// An independent reader of every format (regexes written here, not the generator's table), so a
// generator bug cannot agree with itself. Returns [year, month, day, weekday or undefined].
const month = (s: string) =>
  MONTHS.findIndex(
    (m) => m.toLowerCase().startsWith(s.toLowerCase()) && (s.length === 3 || m.toLowerCase() === s.toLowerCase()),
  ) + 1;
const weekday = (s: string) =>
  WEEKDAYS.findIndex((w) => w.toLowerCase() === s.toLowerCase() || w.slice(0, 3).toLowerCase() === s.toLowerCase());
const year2 = (yy: string) => (Number(yy) < 50 ? 2000 : 1900) + Number(yy);
const READERS: Record<string, (s: string) => [number, number, number, number?] | null> = {
  'weekday month d yyyy': (s) =>
    ((m) => m && [+m[4], month(m[2]), +m[3], weekday(m[1])])(s.match(/^([a-z]+) ([a-z]+) (\d{1,2}) (\d{4})$/i)),
  'weekday, month d, yyyy': (s) =>
    ((m) => m && [+m[4], month(m[2]), +m[3], weekday(m[1])])(s.match(/^([a-z]+), ([a-z]+) (\d{1,2}), (\d{4})$/i)),
  'd month yyyy': (s) => ((m) => m && [+m[3], month(m[2]), +m[1]])(s.match(/^(\d{1,2}) ([a-z]{3,}) (\d{4})$/i)),
  'dd mon yyyy': (s) => ((m) => m && [+m[3], month(m[2]), +m[1]])(s.match(/^(\d{2}) ([a-z]{3}) (\d{4})$/i)),
  'd-mon-yyyy': (s) => ((m) => m && [+m[3], month(m[2]), +m[1]])(s.match(/^(\d{1,2})-([a-z]{3})-(\d{4})$/i)),
  'month d, yyyy': (s) => ((m) => m && [+m[3], month(m[1]), +m[2]])(s.match(/^([a-z]{3,}) (\d{1,2}), (\d{4})$/i)),
  'mon d, yyyy': (s) => ((m) => m && [+m[3], month(m[1]), +m[2]])(s.match(/^([a-z]{3}) (\d{1,2}), (\d{4})$/i)),
  'the dth of month, yyyy': (s) =>
    ((m) => m && [+m[3], month(m[2]), +m[1]])(s.match(/^the (\d{1,2})(?:st|nd|rd|th) of ([a-z]+), (\d{4})$/i)),
  'month dth, yyyy': (s) =>
    ((m) => m && [+m[3], month(m[1]), +m[2]])(s.match(/^([a-z]+) (\d{1,2})(?:st|nd|rd|th), (\d{4})$/i)),
  'wkd d mon yy': (s) =>
    ((m) => m && [year2(m[4]), month(m[3]), +m[2], weekday(m[1])])(
      s.match(/^([a-z]{3}) (\d{1,2}) ([a-z]{3}) (\d{2})$/i),
    ),
  'mm/dd/yy': (s) => ((m) => m && [year2(m[3]), +m[1], +m[2]])(s.match(/^(\d{2})\/(\d{2})\/(\d{2})$/)),
  'm/d/yyyy': (s) => ((m) => m && [+m[3], +m[1], +m[2]])(s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)),
  'dd.mm.yyyy': (s) => ((m) => m && [+m[3], +m[2], +m[1]])(s.match(/^(\d{2})\.(\d{2})\.(\d{4})$/)),
  'yyyy-mm-dd': (s) => ((m) => m && [+m[1], +m[2], +m[3]])(s.match(/^(\d{4})-(\d{2})-(\d{2})$/)),
};

function readBack(format: string, s: string): CalendarDate {
  const r = READERS[format](s);
  if (!r) throw new Error(`format ${format}: cannot read back ${JSON.stringify(s)}`);
  const [year, m, day, wd] = r;
  // JS Date as the calendar oracle: the date exists, and the weekday (when written) is right.
  const js = new Date(Date.UTC(year, m - 1, day));
  expect([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]).toEqual([year, m, day]);
  if (wd !== undefined) expect(wd).toBe(js.getUTCDay());
  return { year, month: m, day };
}

describe('date formats', () => {
  // Slow (~1-3 s): every format, in every casing, over a range of dates.
  it('has at least 10 distinct formats, each read back to the right date in every casing', () => {
    expect(DATE_FORMATS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DATE_FORMATS.map((f) => f.name)).size).toBe(DATE_FORMATS.length);
    const rng = new Rng(5);
    for (const f of DATE_FORMATS) {
      expect(READERS[f.name]).toBeDefined();
      for (let i = 0; i < 150; i++) {
        const date = dateFromDayNumber(-7305 + rng.int(36525)); // 1950-01-01 + [0, 36525)
        for (const casing of ['lower', 'title', 'upper'] as const) {
          const s = formatDate(date, f, casing);
          expect(readBack(f.name, s)).toEqual(date);
        }
      }
    }
  }, 30_000);

  it('renders the course examples', () => {
    const may9 = { year: 2018, month: 5, day: 9 };
    expect(formatDate(may9, 'weekday month d yyyy')).toBe('Wednesday May 9 2018');
    expect(formatDate(may9, 'd month yyyy', 'lower')).toBe('9 may 2018');
    expect(formatDate(may9, 'mm/dd/yy')).toBe('05/09/18');
    expect(formatDate(may9, 'the dth of month, yyyy', 'lower')).toBe('the 9th of may, 2018');
    expect(formatDate(may9, 'dd.mm.yyyy')).toBe('09.05.2018');
    expect(formatDate(may9, 'month d, yyyy', 'upper')).toBe('MAY 9, 2018');
    expect(isoDate(may9)).toBe('2018-05-09');
    for (const f of DATE_FORMATS) expect(formatDate(may9, f)).toBe(f.example);
  });

  it('agrees with V8 Date parsing where V8 reads the format', () => {
    const rng = new Rng(9);
    for (const name of [
      'weekday month d yyyy',
      'weekday, month d, yyyy',
      'd month yyyy',
      'month d, yyyy',
      'mon d, yyyy',
      'm/d/yyyy',
    ]) {
      for (let i = 0; i < 50; i++) {
        const date = dateFromDayNumber(-7305 + rng.int(36525));
        const js = new Date(formatDate(date, name)); // local time
        expect({
          format: name,
          iso: `${js.getFullYear()}-${String(js.getMonth() + 1).padStart(2, '0')}-${String(js.getDate()).padStart(2, '0')}`,
        }).toEqual({ format: name, iso: isoDate(date) });
      }
    }
  });

  it('writes ordinals and rejects years outside the range', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
    expect(() => formatDate({ year: 2050, month: 1, day: 1 }, 'mm/dd/yy')).toThrow(/outside 1950-2049/);
    expect(() => formatDate({ year: 2000, month: 1, day: 1 }, 'nope')).toThrow(/unknown date format 'nope'/);
  });

  it('lists every character a date can contain', () => {
    const chars = new Set(dateCharacters());
    const rng = new Rng(3);
    for (let i = 0; i < 1000; i++)
      for (const ch of randomDatePair(dateFromDayNumber(-7305 + rng.int(36525)), rng).source)
        expect(chars.has(ch)).toBe(true);
  });
});

describe('DateSplit', () => {
  it('holds out calendar dates: the pools partition the range, and held-out strings never occur in training', () => {
    const split = new DateSplit({ seed: 1 });
    const all = new Set([...split.train, ...split.heldOut]);
    expect(all.size).toBe(split.train.length + split.heldOut.length);
    expect(all.size).toBe(36525); // 1950-01-01 .. 2049-12-31
    expect(split.heldOut.length / all.size).toBeCloseTo(0.1, 3);
    const train = split.sample('train', 20000, new Rng(2));
    const heldOut = split.sample('heldOut', 2000, new Rng(3));
    const trainDates = new Set(train.map((p) => p.target));
    const trainStrings = new Set(train.map((p) => p.source));
    expect(heldOut.filter((p) => trainDates.has(p.target))).toEqual([]);
    expect(heldOut.filter((p) => trainStrings.has(p.source))).toEqual([]);
    expect(new Set(heldOut.map((p) => p.target)).size).toBe(2000); // distinct held-out dates
    const years = heldOut.map((p) => Number(p.target.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(FIRST_YEAR);
    expect(Math.max(...years)).toBeLessThanOrEqual(LAST_YEAR);
    expect(new Set(train.map((p) => p.format)).size).toBe(DATE_FORMATS.length);
  });

  it('is seeded', () => {
    const a = new DateSplit({ seed: 4 }).sample('train', 50, new Rng(1));
    expect(new DateSplit({ seed: 4 }).sample('train', 50, new Rng(1))).toEqual(a);
    expect(new DateSplit({ seed: 5 }).sample('train', 50, new Rng(1))).not.toEqual(a);
    expect(() => new DateSplit().sample('heldOut', 1e6, new Rng(1))).toThrow(/held-out pool has 365[23]/);
  });
});
