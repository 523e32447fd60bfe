import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CsvError, loadSeries, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, quoted newlines, CRLF, a BOM and skips blank lines', () => {
    const t = parseCsv('\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n2,"two\nlines"\n3,z\n\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      ['1', 'x, "y"'],
      ['2', 'two\nlines'],
      ['3', 'z'],
    ]);
    expect(t.lines).toEqual([2, 4, 6]); // the quoted newline moves row 3 to line 6
  });

  it('names the file and line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'data.csv')).toThrow('data.csv:3: expected 2 fields (a, b), found 1');
  });

  it('names the line an unterminated quote opens on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5\n', 'q.csv')).toThrow('q.csv:3: unterminated quoted field');
  });

  it('rejects text after a closing quote and a stray quote', () => {
    expect(() => parseCsv('a\n"x"y\n', 'f.csv')).toThrow(/^f\.csv:2: unexpected character 'y' after a closing quote/);
    expect(() => parseCsv('a\nx"y"\n', 'f.csv')).toThrow(/^f\.csv:2: a quote inside an unquoted field/);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('\n\n', 'e.csv')).toThrow('e.csv:1: the file is empty');
  });
});

describe('loadSeries', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-csv-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('loads the built-in CO2 series from vega-datasets, filling its 5 missing months', () => {
    const s = loadSeries();
    expect(s.name).toBe('co2');
    expect(s.column).toBe('CO2');
    expect(s.monthly).toBe(true);
    // 741 rows, March 1958 .. April 2020 = 746 months; 1958-06, 1958-10, 1964-02..04 are missing.
    expect(s.values).toHaveLength(746);
    expect(s.filled).toBe(5);
    expect(s.labels[0]).toBe('1958-03-01');
    expect(s.labels[3]).toBe('1958-06'); // filled: midway between May 317.51 and July 315.86
    expect(s.values[3]).toBeCloseTo((317.51 + 315.86) / 2, 10);
    expect(s.values[0]).toBe(315.7);
    expect(s.labels[745]).toBe('2020-04-01');
    expect(s.values[745]).toBe(416.18);
    expect(s.times![745]).toBeCloseTo(2020 + 3 / 12, 10);
  });

  it('loads any CSV column; a gap of two months is interpolated linearly', () => {
    const file = write('gap.csv', 'month,sales,other\n2001-01,10,a\n2001-02,11,b\n2001-05,17,c\n');
    const s = loadSeries({ series: file, column: 'sales' });
    expect(s.values).toEqual([10, 11, 13, 15, 17]);
    expect(s.labels).toEqual(['2001-01', '2001-02', '2001-03', '2001-04', '2001-05']);
    expect(s.filled).toBe(2);
  });

  it('without a date column, rows are consecutive time steps', () => {
    const s = loadSeries({ series: write('plain.csv', 'y\n1\n2.5\n-3e-1\n'), column: 'y' });
    expect(s.values).toEqual([1, 2.5, -0.3]);
    expect(s.times).toBeUndefined();
    expect(s.labels).toEqual(['line 2', 'line 3', 'line 4']);
  });

  it('a non-numeric or empty cell names the file, the line and the column', () => {
    const file = write('bad.csv', 'date,v\n2000-01,1\n2000-02,1.5\n2000-03,n/a\n');
    expect(() => loadSeries({ series: file, column: 'v' })).toThrow(`${file}:4: column 'v': 'n/a' is not a number`);
    const empty = write('empty-cell.csv', 'v,w\n1,2\n,3\n');
    expect(() => loadSeries({ series: empty, column: 'v' })).toThrow(CsvError);
    expect(() => loadSeries({ series: empty, column: 'v' })).toThrow(`${empty}:3: column 'v': '' is not a number`);
  });

  it('a missing column names the file, the header line and the columns there are', () => {
    const file = write('cols.csv', 'a,b\n1,2\n');
    expect(() => loadSeries({ series: file, column: 'c' })).toThrow(
      `${file}:1: no column 'c' in the header (columns: a, b)`,
    );
  });

  it('a CSV file without a column, or a missing file, is an error', () => {
    expect(() => loadSeries({ series: write('x.csv', 'a\n1\n') })).toThrow(/needs the column to forecast/);
    expect(() => loadSeries({ series: path.join(dir, 'nope.csv'), column: 'a' })).toThrow(/no such file/);
  });
});
