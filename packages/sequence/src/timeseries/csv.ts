/**
 * Loading one numeric column of a CSV file as a time series. A small RFC 4180 parser (quoted
 * fields, doubled quotes, quoted newlines, CRLF, a UTF-8 BOM) that remembers the line each row
 * starts on, so every error names the file, the line and the column.
 *
 * The default series is the monthly Mauna Loa CO2 record (ppm, March 1958 - April 2020) that
 * ships in the `vega-datasets` npm package. When the file has a date column with monthly dates,
 * missing months are filled by linear interpolation (CO2 lacks 5 months in 1958 and 1964), so
 * that "12 rows earlier" really is one year earlier.
 *
 * @example
 * const s = loadSeries();                                   // CO2, 746 months
 * const t = loadSeries({ series: 'sales.csv', column: 'units' });
 */
import * as fs from 'fs';
import * as path from 'path';

/** Name of the built-in series: `co2` (monthly CO2 at Mauna Loa, from vega-datasets). */
export const BUILTIN_SERIES = {
  co2: { file: 'data/co2-concentration.csv', column: 'CO2', unit: 'ppm', title: 'CO2 at Mauna Loa' },
} as const;

export type BuiltinSeriesName = keyof typeof BUILTIN_SERIES;

export interface CsvTable {
  /** Column names from the header line. */
  header: string[];
  /** Data rows (each as long as the header). */
  rows: string[][];
  /** The 1-based line number each data row starts on. */
  lines: number[];
}

/** A parse failure: `file:line: message`. */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/**
 * Parses CSV text: the first non-empty line is the header; blank lines are skipped; every row
 * must have as many fields as the header.
 * @param file named in error messages
 */
export function parseCsv(text: string, file = '<csv>', delimiter = ','): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let quoteLine = 0;
  let sawField = false; // the current record has content (so a blank line is not a record)
  const endRecord = () => {
    if (sawField || fields.length > 0) records.push({ fields: [...fields, field], line: recordLine });
    fields = [];
    field = '';
    sawField = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
            throw new CsvError(
              file,
              line,
              `unexpected character '${next}' after a closing quote (expected '${delimiter}' or end of line)`,
            );
          }
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field.trim() !== '')
        throw new CsvError(
          file,
          line,
          `a quote inside an unquoted field ('${field}"'); quote the whole field and double inner quotes`,
        );
      field = '';
      quoted = true;
      quoteLine = line;
      sawField = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      sawField = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      if (c.trim() !== '') sawField = true;
    }
  }
  if (quoted) throw new CsvError(file, quoteLine, 'unterminated quoted field (a " is never closed)');
  endRecord();
  if (records.length === 0) throw new CsvError(file, 1, 'the file is empty (expected a header line and data rows)');
  const [head, ...data] = records;
  const header = head.fields.map((h) => h.trim());
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const r of data) {
    if (r.fields.length !== header.length) {
      throw new CsvError(
        file,
        r.line,
        `expected ${header.length} fields (${header.join(', ')}), found ${r.fields.length}`,
      );
    }
    rows.push(r.fields);
    lines.push(r.line);
  }
  return { header, rows, lines };
}

export interface LoadSeriesOptions {
  /** `co2` (built in) or the path of a CSV file. */
  series?: string;
  /** Numeric column to forecast; required for a CSV file, defaults to the built-in series' column. */
  column?: string;
  /**
   * Column holding the dates: used for the plot's x axis and to fill missing months. Default: the
   * first column named date, month, time or year (case-insensitive), if any.
   */
  dateColumn?: string;
}

export interface Series {
  /** `co2` or the resolved file path. */
  name: string;
  file: string;
  column: string;
  /** The values, oldest first (missing months filled when the dates are monthly). */
  values: number[];
  /** One label per value (the date string, `YYYY-MM` for filled months, else the row number). */
  labels: string[];
  /** Decimal years per value when the date column parses, else undefined. */
  times?: number[];
  /** Whether the dates are monthly (one value per calendar month after filling). */
  monthly: boolean;
  /** How many missing months were filled by linear interpolation. */
  filled: number;
  /** Unit for axis labels, when known. */
  unit?: string;
  title: string;
}

export const LOAD_SERIES_DEFAULTS = { series: 'co2' };

/** Path of the vega-datasets package root (its `exports` map hides package.json, so walk up from its entry). */
export function vegaDatasetsDir(): string {
  let dir = path.dirname(require.resolve('vega-datasets'));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'vega-datasets') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot locate the vega-datasets package (is it installed?)');
    dir = up;
  }
}

/** Loads a numeric column as a series; throws CsvError (file:line) on bad input. */
export function loadSeries(options: LoadSeriesOptions = {}): Series {
  const name = options.series ?? LOAD_SERIES_DEFAULTS.series;
  const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_SERIES, name)
    ? BUILTIN_SERIES[name as BuiltinSeriesName]
    : undefined;
  const file = builtin ? path.join(vegaDatasetsDir(), builtin.file) : path.resolve(name);
  const column = options.column ?? builtin?.column;
  if (!column) throw new Error(`${name}: a CSV file needs the column to forecast (column option / --column NAME)`);
  if (!builtin && !(fs.existsSync(file) && fs.statSync(file).isFile()))
    throw new Error(`${name}: no such file (expected 'co2' or a CSV file)`);
  const table = parseCsv(
    fs.readFileSync(file, 'utf8'),
    builtin ? name : file,
    file.toLowerCase().endsWith('.tsv') ? '\t' : ',',
  );
  const fileLabel = builtin ? name : file;
  const col = table.header.indexOf(column);
  if (col < 0)
    throw new CsvError(fileLabel, 1, `no column '${column}' in the header (columns: ${table.header.join(', ')})`);
  if (table.rows.length === 0) throw new CsvError(fileLabel, 2, `no data rows (column '${column}')`);
  const values = table.rows.map((row, i) => {
    const cell = row[col].trim();
    const v = cell === '' ? NaN : Number(cell);
    if (!Number.isFinite(v))
      throw new CsvError(fileLabel, table.lines[i], `column '${column}': '${row[col]}' is not a number`);
    return v;
  });
  const dateName = options.dateColumn ?? table.header.find((h) => /^(date|month|time|year)$/i.test(h));
  const dateCol = dateName === undefined ? -1 : table.header.indexOf(dateName);
  if (options.dateColumn !== undefined && dateCol < 0) {
    throw new CsvError(
      fileLabel,
      1,
      `no date column '${options.dateColumn}' in the header (columns: ${table.header.join(', ')})`,
    );
  }
  const base = {
    name,
    file,
    column,
    unit: builtin?.unit,
    title: builtin?.title ?? `${path.basename(file)}: ${column}`,
  };
  const rowLabels = table.lines.map((l) => `line ${l}`);
  if (dateCol < 0) return { ...base, values, labels: rowLabels, monthly: false, filled: 0 };
  const dates = table.rows.map((row) => row[dateCol].trim());
  const months = dates.map(monthIndex);
  if (months.every((m): m is number => m !== undefined) && months.every((m, i) => i === 0 || m > months[i - 1])) {
    return { ...base, ...fillMonths(values, dates, months), monthly: true };
  }
  const times = dates.map(decimalYear);
  if (times.every((t): t is number => t !== undefined))
    return { ...base, values, labels: dates, times, monthly: false, filled: 0 };
  return { ...base, values, labels: rowLabels, monthly: false, filled: 0 };
}

/** Months since year 0 for `YYYY-MM` or `YYYY-MM-01`-style dates, else undefined. */
function monthIndex(date: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(date);
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : undefined;
}

function decimalYear(date: string): number | undefined {
  const t = Date.parse(date);
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return y + (t - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** Linear interpolation over missing calendar months. */
function fillMonths(
  values: number[],
  dates: string[],
  months: number[],
): { values: number[]; labels: string[]; times: number[]; filled: number } {
  const out: number[] = [];
  const labels: string[] = [];
  const times: number[] = [];
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) {
      const gap = months[i] - months[i - 1];
      for (let k = 1; k < gap; k++) {
        const m = months[i - 1] + k;
        out.push(values[i - 1] + ((values[i] - values[i - 1]) * k) / gap);
        labels.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
        times.push(m / 12);
        filled++;
      }
    }
    out.push(values[i]);
    labels.push(dates[i]);
    times.push(months[i] / 12);
  }
  return { values: out, labels, times, filled };
}
