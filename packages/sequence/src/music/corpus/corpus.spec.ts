// The shipped corpus is generated from TUNES; this spec fails when the files drift from the data.
// Regenerate after editing tunes.ts:
//   DLKIT_WRITE_MELODIES=1 npx jest -c packages/sequence/jest.config.js music/corpus
import * as fs from 'fs';
import * as path from 'path';
import { melodySteps } from '../events';
import { barSteps } from '../notation';
import { MELODY_CORPUS_DIR, loadMelodyCorpus, melodyCorpusFiles, TUNES, tuneMelody, writeCorpusMidi } from '.';

if (process.env.DLKIT_WRITE_MELODIES === '1') writeCorpusMidi(MELODY_CORPUS_DIR);

describe('the shipped melody corpus', () => {
  it('has at least 20 distinct public-domain tunes, each with its origin', () => {
    expect(TUNES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(TUNES.map((t) => t.id)).size).toBe(TUNES.length);
    for (const t of TUNES) expect(t.origin).toMatch(/^public domain: .*(\d{4}|century)/);
  });

  it('parses every tune with bar lengths that fit its meter', () => {
    for (const t of TUNES) {
      const m = tuneMelody(t);
      expect(m.events.length).toBeGreaterThan(10);
      expect(melodySteps(m.events) % 1).toBe(0);
      expect(melodySteps(m.events)).toBeGreaterThanOrEqual(4 * barSteps(t.meter));
    }
  });

  it('ships exactly the files the notation encodes, and nothing else', () => {
    const expected = melodyCorpusFiles();
    expect(fs.readdirSync(MELODY_CORPUS_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, data] of expected) {
      const shipped = fs.readFileSync(path.join(MELODY_CORPUS_DIR, name));
      expect({ name, same: Buffer.compare(shipped, Buffer.from(data)) === 0 }).toEqual({ name, same: true });
    }
  });

  it('reads back from the MIDI files as the same notes', () => {
    const melodies = loadMelodyCorpus();
    expect(melodies).toHaveLength(TUNES.length);
    const byTitle = new Map(melodies.map((m) => [m.title, m]));
    for (const t of TUNES) {
      const source = tuneMelody(t);
      const back = byTitle.get(t.title)!;
      expect(back.tempo).toBe(t.tempo);
      expect(back.meter).toEqual(t.meter);
      // A trailing rest leaves no trace in MIDI; none of the tunes ends on one.
      expect(back.events).toEqual(source.events);
    }
  });
});
