/**
 * Composing with a trained melody LSTM: start from `<s>`, repeatedly feed the last `seqLength`
 * tokens, draw the next token from the last step's distribution with the shared sampler
 * (temperature, optional top-k, seeded Rng), until the melody fills `bars` 4/4 bars (the last
 * note is cut at the final bar line). `<s>` is never drawn, so one melody comes out.
 *
 * `runMusicGenerate` also measures the result: the pitch-class KL divergence from the training
 * corpus and the same for a uniform-random melody with as many notes, and the fraction of its
 * 8-event phrases copied verbatim from the training melodies (see metrics.ts); it writes the MIDI
 * file, optionally a WAV rendering and a piano-roll PNG.
 *
 * @example
 * const m = await loadMusicModel('out/music/model');
 * const melody = generateMelody(m, { bars: 16, temperature: 0.8, seed: 1 });
 * disposeMusicModel(m.model);
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadModel, Rng, stripUndefined, writeFileAtomic, writePng } from '@dlkit/core';
import { Vocabulary } from '../tokens/vocabulary';
import { SamplingOptions, sampleLogits, validateSampling } from '../tokens/sampling';
import { loadMelodyCorpus } from './corpus';
import { Melody, NoteEvent, STEPS_PER_BAR } from './events';
import { copiedPhraseFraction, pitchClassKl, randomMelodyEvents } from './metrics';
import { melodyToMidi } from './midi';
import { disposeMusicModel } from './model';
import { melodyPanels, pianoRollPng } from './piano-roll';
import { melodyToWav } from './synth';
import { START_TOKEN, tokenEvent } from './tokenize';
import { MUSIC_META_FILE, MusicModelMeta } from './train';

export interface MusicModel {
  model: tf.LayersModel;
  vocab: Vocabulary;
  meta: MusicModelMeta;
}

export interface GenerateMelodyOptions extends SamplingOptions {
  /** Length in 4/4 bars. */
  bars?: number;
  seed?: number;
}

/** Phrase length (events) for the copied-phrase measure: two bars of quarter notes. */
export const COPIED_PHRASE_LENGTH = 8;

export const MUSIC_GENERATE_DEFAULTS = { bars: 32, temperature: 1, seed: 1 };

/**
 * Loads a model saved by `trainMusicModel`. `dir` is the model folder, or the training output
 * folder that contains it as `model/`.
 */
export async function loadMusicModel(dir: string): Promise<MusicModel> {
  if (!fs.existsSync(dir))
    throw new Error(`model directory ${dir} not found (train one with trainMusicModel / dlkit music train)`);
  const modelDir = fs.existsSync(path.join(dir, MUSIC_META_FILE)) ? dir : path.join(dir, 'model');
  const metaFile = path.join(modelDir, MUSIC_META_FILE);
  if (!fs.existsSync(metaFile)) throw new Error(`${dir} is not a music model directory: ${MUSIC_META_FILE} not found`);
  let meta: MusicModelMeta;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as MusicModelMeta;
  } catch (err) {
    throw new Error(`${metaFile}: not valid JSON (${(err as Error).message})`);
  }
  if (meta.format !== 'dlkit-music' || !meta.config || !meta.vocab)
    throw new Error(`${metaFile}: not a dlkit music model side file`);
  await initBackend();
  const model = await loadModel(modelDir);
  return { model, vocab: Vocabulary.fromJSON(meta.vocab), meta };
}

/** Samples a melody (see the file comment); the same seed gives the same melody. */
export function generateMelody(m: MusicModel, options: GenerateMelodyOptions = {}): Melody {
  const o = { ...MUSIC_GENERATE_DEFAULTS, ...stripUndefined(options) };
  if (!(Number.isInteger(o.bars) && o.bars > 0)) throw new Error(`bars must be a positive integer, got ${o.bars}`);
  validateSampling(o);
  const rng = new Rng(o.seed);
  const start = m.vocab.id(START_TOKEN, 'the model vocabulary');
  const T = m.meta.config.seqLength;
  const ids = [start];
  const events: NoteEvent[] = [];
  const target = o.bars * STEPS_PER_BAR;
  let steps = 0;
  while (steps < target) {
    const context = ids.slice(-T);
    const logits = tf.tidy(() => {
      const x = tf.tensor2d([context], [1, context.length], 'int32'); // [1, t]
      const probs = m.model.predict(x) as tf.Tensor; // [1, t, V]
      return tf.log(probs.slice([0, context.length - 1, 0], [1, 1, -1]).reshape([-1])); // [V]
    });
    const z = Array.from(logits.dataSync());
    logits.dispose();
    z[start] = Number.NEGATIVE_INFINITY; // one melody: never start another
    const id = sampleLogits(z, { temperature: o.temperature, topK: o.topK }, rng);
    ids.push(id);
    const e = tokenEvent(m.vocab.token(id));
    const fit = Math.min(e.steps, target - steps);
    events.push({ pitch: e.pitch, steps: fit });
    steps += fit;
  }
  return {
    title: `dlkit melody (seed ${o.seed}, temperature ${o.temperature})`,
    tempo: m.meta.tempo,
    meter: [4, 4],
    events,
  };
}

export interface MusicGenerateOptions extends GenerateMelodyOptions {
  /** Model folder (or the training output folder holding `model/`). */
  model: string;
  /** The MIDI file to write. */
  out: string;
  /** Also render `<out stem>.wav`. */
  wav?: boolean;
  /** Also draw `<out stem>.png`: the generated melody above a corpus tune. */
  pianoRoll?: boolean;
}

export interface MusicGenerateResult {
  task: 'music';
  midi: string;
  wav: string | null;
  /** Notes (not rests) in the melody. */
  notes: number;
  pitchClassKl: number;
  randomBaselineKl: number;
  /** Fraction of the melody's 8-event phrases copied verbatim from the training melodies (copiedPhraseFraction). */
  copiedPhrases: number;
  pianoRoll: string | null;
  events: number;
  bars: number;
  temperature: number;
  seed: number;
  seconds: number;
}

export async function runMusicGenerate(options: MusicGenerateOptions): Promise<MusicGenerateResult> {
  const o = { ...MUSIC_GENERATE_DEFAULTS, ...stripUndefined(options) };
  const started = performance.now();
  const m = await loadMusicModel(options.model);
  let melody: Melody;
  try {
    melody = generateMelody(m, o);
  } finally {
    disposeMusicModel(m.model);
  }
  const notes = melody.events.filter((e) => e.pitch !== null).length;
  if (notes === 0) throw new Error('the model generated only rests; try a lower --temperature or train longer');
  const pitchClassKlValue = pitchClassKl(melody.events, m.meta.corpusPitchClasses);
  const randomBaselineKl = pitchClassKl(randomMelodyEvents(notes, o.seed), m.meta.corpusPitchClasses);
  const training = (m.meta.trainingTokens ?? []).map((t) => t.split(' ').map(tokenEvent));
  const copiedPhrases = copiedPhraseFraction(melody.events, training, COPIED_PHRASE_LENGTH);
  const midi = path.resolve(options.out);
  writeFileAtomic(midi, melodyToMidi(melody));
  const stem = midi.replace(/\.midi?$/i, '');
  let wav: string | null = null;
  if (o.wav) {
    wav = `${stem}.wav`;
    writeFileAtomic(wav, melodyToWav(melody));
  }
  let pianoRoll: string | null = null;
  if (o.pianoRoll) {
    pianoRoll = `${stem}.png`;
    const reference = referenceTune(m.meta.melodies);
    writePng(
      pianoRoll,
      await pianoRollPng(reference ? melodyPanels({ ...melody, title: 'generated' }, reference) : melodyPanels(melody)),
    );
  }
  return {
    task: 'music',
    midi,
    wav,
    notes,
    pitchClassKl: pitchClassKlValue,
    randomBaselineKl,
    copiedPhrases,
    pianoRoll,
    events: melody.events.length,
    bars: o.bars,
    temperature: o.temperature,
    seed: o.seed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A shipped corpus tune the model was trained on, for the piano roll's comparison panel. */
function referenceTune(titles: readonly string[]): Melody | undefined {
  try {
    const corpus = loadMelodyCorpus();
    const trained = corpus.filter((c) => titles.includes(c.title));
    const pick = trained.find((c) => c.title === 'Ode to Joy') ?? trained[0];
    return pick && { ...pick, title: `corpus: ${pick.title}` };
  } catch {
    return undefined;
  }
}
