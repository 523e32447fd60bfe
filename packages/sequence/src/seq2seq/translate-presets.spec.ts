import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isTranslatePreset, loadTranslateData, translatePresetDefaults, TRANSLATE_PRESETS } from './translate-presets';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-translate-presets-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('translate presets', () => {
  it('number presets: held out by value, lengths of the whole language (+1 for the end marker)', () => {
    const data = loadTranslateData('en-fr', { examples: 300, heldOut: 50, seed: 2 });
    expect(data.train).toHaveLength(300);
    expect(data.heldOut).toHaveLength(50);
    const train = new Set(data.train.map((p) => p.source));
    expect(data.heldOut.filter((p) => train.has(p.source))).toEqual([]);
    expect([data.coder.tx, data.coder.ty]).toEqual([64, 74]);
    expect(data.example).toBe(data.heldOut[0].source);
    expect(loadTranslateData('en-de', { examples: 10, heldOut: 5 }).coder.ty).toBe(66);
    expect(loadTranslateData('en-es', { examples: 10, heldOut: 5 }).coder.ty).toBe(70);
    expect(translatePresetDefaults('en-de')).toMatchObject({ feedPrevious: true, epochs: 3, batchSize: 64 });
  });

  it('dates keep the course model and lengths; any other name is a TSV file', () => {
    const dates = loadTranslateData('dates', { examples: 20, heldOut: 5 });
    expect([dates.coder.tx, dates.coder.ty]).toEqual([30, 10]);
    expect(dates.example).toBe('Saturday May 9 2018');
    expect(translatePresetDefaults('dates').feedPrevious).toBe(false);
    expect(Object.keys(TRANSLATE_PRESETS)).toEqual(['dates', 'en-fr', 'en-de', 'en-es']);
    expect(isTranslatePreset('en-fr')).toBe(true);
    expect(isTranslatePreset('toString')).toBe(false);

    const file = path.join(tmp, 'pairs.tsv');
    const long = 'quatre cent quatre-vingt-quatorze mille quatre cent quatre-vingt-quatorze'; // 73 characters
    fs.writeFileSync(
      file,
      [...Array.from({ length: 11 }, (_, i) => `n${i}\t${i}`), `${long}\t494494`, 'bad'].join('\n'),
    );
    const logs: string[] = [];
    const tsv = loadTranslateData(file, { seed: 1, log: (l) => logs.push(l) });
    expect(tsv.pairs).toBe(12);
    expect(tsv.skipped).toEqual([{ line: 13, reason: 'no tab (expected source<TAB>target)' }]);
    expect(tsv.train.length + tsv.heldOut.length).toBe(12);
    expect(tsv.coder.tx).toBe(73); // no cap below what the data needs
    expect(logs).toEqual([
      `${file} line 13: no tab (expected source<TAB>target); skipped`,
      `${file}: 12 pairs, 1 bad rows skipped`,
    ]);
    expect(translatePresetDefaults(file)).toEqual({ feedPrevious: true });
  });
});
