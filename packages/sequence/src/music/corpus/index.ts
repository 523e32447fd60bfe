/**
 * The shipped corpus: `TUNES` (text notation, the source of truth) → `data/melodies/*.mid`
 * plus a README listing every tune and why it is public domain. `loadMelodyCorpus()` reads the
 * shipped MIDI files back, exactly as a user's `--midi DIR` would be read.
 *
 * @example
 * const melodies = loadMelodyCorpus(); // 26 melodies, read from packages/sequence/data/melodies
 * writeCorpusMidi('/tmp/melodies'); // write the files from TUNES (default: ./dlkit-out/melodies)
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '@dlkit/core';
import type { Melody } from '../events';
import { melodyToMidi, readMidiFolder } from '../midi';
import { parseNotation } from '../notation';
import { TUNES, Tune } from './tunes';

export { TUNES } from './tunes';
export type { Tune } from './tunes';

/** Where the package ships the corpus (same relative place from src/ and dist/); read-only to the package. */
export const MELODY_CORPUS_DIR = path.resolve(__dirname, '../../../data/melodies');

/** Where `writeCorpusMidi` writes by default: an output folder under the working directory, never the installed package. */
export const MELODY_CORPUS_OUT_DIR = path.join('dlkit-out', 'melodies');

/** A tune's notation parsed into a melody (bar lengths checked against its meter). */
export function tuneMelody(tune: Tune): Melody {
  return {
    title: tune.title,
    tempo: tune.tempo,
    meter: tune.meter,
    events: parseNotation(tune.notes, { meter: tune.meter, source: tune.title }),
  };
}

/** The bytes of every corpus file: `<id>.mid` for each tune and `README.md`. */
export function melodyCorpusFiles(): Map<string, Uint8Array | string> {
  const files = new Map<string, Uint8Array | string>();
  for (const tune of TUNES) files.set(`${tune.id}.mid`, melodyToMidi(tuneMelody(tune)));
  files.set('README.md', corpusReadme());
  return files;
}

/**
 * Writes the corpus files into `dir` (default ./dlkit-out/melodies). The maintainers regenerate the
 * shipped folder by passing MELODY_CORPUS_DIR explicitly (see corpus.spec.ts).
 */
export function writeCorpusMidi(dir = MELODY_CORPUS_OUT_DIR): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, data] of melodyCorpusFiles()) {
    writeFileAtomic(path.join(dir, name), data);
    written.push(path.join(dir, name));
  }
  return written;
}

/** Reads the shipped corpus MIDI files. */
export function loadMelodyCorpus(dir = MELODY_CORPUS_DIR): Melody[] {
  const { melodies, skipped } = readMidiFolder(dir);
  if (skipped.length > 0)
    throw new Error(`the shipped corpus has unreadable files: ${skipped.map((s) => s.error).join('; ')}`);
  return melodies;
}

function corpusReadme(): string {
  const rows = TUNES.map(
    (t) => `| \`${t.id}.mid\` | ${t.title} | ${t.key}, ${t.meter.join('/')}, ${t.tempo} bpm | ${t.origin} |`,
  );
  return [
    '# Melody corpus',
    '',
    `${TUNES.length} public-domain melodies, encoded by the dlkit project as single-line MIDI files (one track,`,
    'sixteenth-note grid, 480 ticks per quarter). They are generated from the text notation in',
    '`src/music/corpus/tunes.ts` by `writeCorpusMidi()`; a test checks that these files are exactly what',
    'that source encodes. Do not edit them by hand.',
    '',
    '| File | Title | Key, meter, tempo | Origin |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
