import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseLabeledCsv, readLabeledFile } from './labeled-csv';

describe('labelled CSV', () => {
  it('reads text and label columns by header, quoted fields with commas, quotes and newlines', () => {
    const csv = 'id,label,text\n1,pos,"Great, ""really"" great"\n2,neg,"two\nlines"\r\n\n3,neg,meh\n';
    expect(parseLabeledCsv(csv, 'r.csv')).toEqual([
      { text: 'Great, "really" great', label: 'pos' },
      { text: 'two\nlines', label: 'neg' },
      { text: 'meh', label: 'neg' },
    ]);
  });

  it('names the file and line of a bad row', () => {
    expect(() => parseLabeledCsv('text,label\nok,pos\n"unclosed,neg\n', 'r.csv')).toThrow('r.csv:3: unterminated');
    expect(() => parseLabeledCsv('text,label\nok,pos\na,b,c\n', 'r.csv')).toThrow('r.csv:3: expected 2 fields');
    expect(() => parseLabeledCsv('text,label\nok,pos\n"two\nlines",\n', 'r.csv')).toThrow('r.csv:3: empty label');
    expect(() => parseLabeledCsv('text,label\n ,pos\n', 'r.csv')).toThrow('r.csv:2: empty text');
    expect(() => parseLabeledCsv('sentence,y\na,b\n', 'r.csv')).toThrow(
      "r.csv:1: expected a header with 'text' and 'label'",
    );
    expect(() => parseLabeledCsv('text,label\n', 'r.csv')).toThrow('r.csv: no rows');
    expect(() => parseLabeledCsv('text,label\nok,cat\n', 'r.csv', ['pos', 'neg'])).toThrow(
      "r.csv:2: unknown label 'cat'",
    );
  });

  it('picks the reader by extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labeled-'));
    fs.writeFileSync(path.join(dir, 'a.csv'), 'text,label\nhello,x\nbye,y\n');
    fs.writeFileSync(path.join(dir, 'a.tsv'), 'hello\tx\nbye\ty\n');
    expect(readLabeledFile(path.join(dir, 'a.csv'))).toEqual(readLabeledFile(path.join(dir, 'a.tsv')));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
