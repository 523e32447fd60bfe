import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { readWav, toMono } from '../io/read-wav';
import { resample } from '../resample/resample';
import { placeInWindow } from '../speech/perturb';
import { KEYWORD_LABELS } from './keyword-labels';
import type { KeywordClips } from './keyword-clips';

/**
 * Reads a file as one mono clip at `sampleRate`, cut or zero-padded to `length` samples (centred).
 * A bad file throws audio's WavError, whose message names the file.
 */
export function readClip(file: string, sampleRate: number, length: number): Float32Array {
  const wav = readWav(file);
  const mono = toMono(wav);
  const atRate = wav.sampleRate === sampleRate ? mono : resample(mono, wav.sampleRate, sampleRate);
  return placeInWindow(atRate, length, Math.floor((length - atRate.length) / 2));
}

/**
 * A Speech Commands style folder, `DIR/<label>/*.wav`, for the labels of KEYWORD_LABELS (other
 * sub-folders count as "unknown"; `_background_noise_` and `_silence_` as "silence"), split seeded
 * and stratified into train, validation and test.
 */
export function loadKeywordFolder(
  dir: string,
  o: { sampleRate: number; length: number; seed: number; validationFraction: number; testFraction: number },
): { train: KeywordClips; validation: KeywordClips; test: KeywordClips } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`${dir}: not a directory, expected one folder of WAV clips per label`);
  }
  const labelOf = (folder: string) => {
    const name = folder.replace(/^_+|_+$/g, '');
    if (KEYWORD_LABELS.includes(name)) return KEYWORD_LABELS.indexOf(name);
    return name === 'background_noise' ? KEYWORD_LABELS.indexOf('silence') : KEYWORD_LABELS.indexOf('unknown');
  };
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      fs
        .readdirSync(path.join(dir, e.name))
        .filter((f) => f.toLowerCase().endsWith('.wav'))
        .sort()
        .map((f) => ({ file: path.join(dir, e.name, f), label: labelOf(e.name) })),
    );
  if (files.length === 0) throw new Error(`${dir}: no WAV files in its sub-folders, expected DIR/<label>/*.wav`);
  const sets = { train: empty(), validation: empty(), test: empty() };
  const rng = new Rng(o.seed);
  for (let label = 0; label < KEYWORD_LABELS.length; label++) {
    const ofLabel = files.filter((f) => f.label === label);
    const order = rng.permutation(ofLabel.length).map((i) => ofLabel[i]);
    const nTest = Math.round(o.testFraction * order.length);
    const nValidation = Math.round(o.validationFraction * order.length);
    order.forEach((f, i) => {
      const set = i < nTest ? sets.test : i < nTest + nValidation ? sets.validation : sets.train;
      set.clips.push(readClip(f.file, o.sampleRate, o.length));
      set.sources.push(f.file);
      set.labelList.push(label);
    });
  }
  const done = (s: ReturnType<typeof empty>): KeywordClips => ({
    clips: s.clips,
    sources: s.sources,
    labels: Int32Array.from(s.labelList),
  });
  return { train: done(sets.train), validation: done(sets.validation), test: done(sets.test) };
}

function empty() {
  return { clips: [] as Float32Array[], sources: [] as string[], labelList: [] as number[] };
}
