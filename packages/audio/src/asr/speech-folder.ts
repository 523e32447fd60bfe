/**
 * A folder of recorded speech for `trainSpeech({ dataDir })`: WAV files plus `transcripts.tsv`,
 * one `file<TAB>text` row per clip (a header row `file<TAB>text` is allowed; paths are relative to
 * the folder). Every bad row is reported with its line number, all at once; a bad WAV names the
 * file. The clips are split seeded into train / validation / test.
 *
 * @example
 * const sets = loadSpeechFolder('my-recordings', { sampleRate: 16000, seed: 1 });
 */
import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { readWav, toMono } from '../io/read-wav';
import { resample } from '../resample/resample';
import type { SpeechClips } from './speech-clips';
import { normalizeTranscript } from './speech-vocab';

export const SPEECH_TRANSCRIPTS = 'transcripts.tsv';

export function loadSpeechFolder(
  dir: string,
  o: { sampleRate: number; seed: number; validationFraction?: number; testFraction?: number },
): { train: SpeechClips; validation: SpeechClips; test: SpeechClips } {
  const table = path.join(dir, SPEECH_TRANSCRIPTS);
  if (!fs.existsSync(table)) throw new Error(`${dir}: no ${SPEECH_TRANSCRIPTS} (expected rows "file<TAB>text")`);
  const rows: { file: string; text: string }[] = [];
  const problems: string[] = [];
  fs.readFileSync(table, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || (i === 0 && /^file\ttext$/i.test(line.trim()))) return;
      const where = `${table}:${i + 1}`;
      const cells = line.split('\t');
      if (cells.length !== 2) return problems.push(`${where}: expected "file<TAB>text", got ${cells.length} cells`);
      const file = path.resolve(dir, cells[0].trim());
      if (!fs.existsSync(file)) return problems.push(`${where}: ${cells[0]} does not exist`);
      try {
        rows.push({ file, text: normalizeTranscript(cells[1], where) });
      } catch (err) {
        problems.push((err as Error).message);
      }
    });
  if (problems.length) throw new Error(problems.join('\n'));
  if (rows.length < 3)
    throw new Error(`${table}: ${rows.length} usable rows, need at least 3 (train, validation, test)`);
  const order = new Rng(o.seed).permutation(rows.length).map((i) => rows[i]);
  const nTest = Math.max(1, Math.round((o.testFraction ?? 0.1) * rows.length));
  const nValidation = Math.max(1, Math.round((o.validationFraction ?? 0.1) * rows.length));
  const read = (part: typeof rows): SpeechClips => ({
    clips: part.map((r) => {
      const wav = readWav(r.file);
      const mono = toMono(wav);
      return wav.sampleRate === o.sampleRate ? mono : resample(mono, wav.sampleRate, o.sampleRate);
    }),
    texts: part.map((r) => r.text),
    sources: part.map((r) => r.file),
  });
  return {
    test: read(order.slice(0, nTest)),
    validation: read(order.slice(nTest, nTest + nValidation)),
    train: read(order.slice(nTest + nValidation)),
  };
}
