/**
 * Melodies to and from Standard MIDI Files, through `@tonejs/midi`.
 *
 * Writing: one track, one note per non-rest event, on a 480-ticks-per-quarter grid, with the
 * tempo, time signature and title in the header. Rests are the gaps between notes (a trailing
 * rest leaves no trace in a MIDI file).
 *
 * Reading any MIDI file: every non-drum note of every track is quantised to the sixteenth-note
 * grid (onset and end rounded to the nearest step), chords are reduced to their top note (the
 * "skyline" melody, which is where a tune usually is), a note is cut where the next one starts,
 * note lengths are snapped down to the nearest token duration (`NOTE_DURATIONS`) with the remainder
 * becoming rest, and rests are split into token durations, so every event is a token and the
 * timing of every onset is kept. Tempo and meter are the file's first tempo and time-signature
 * events (120 bpm and 4/4 when absent); the title is the header's name, else the file name.
 *
 * @example
 * fs.writeFileSync('tune.mid', melodyToMidi({ title: 'scale', tempo: 100, events }));
 * const back = readMidiFile('tune.mid'); // { title: 'scale', tempo: 100, meter: [4, 4], events }
 */
import * as fs from 'fs';
import * as path from 'path';
import { Midi } from '@tonejs/midi';
import { NOTE_DURATIONS, Melody, NoteEvent, STEPS_PER_QUARTER } from './events';

/**
 * A MIDI file that cannot be used; the message names the file.
 *
 * @example
 * try { readMidiFile('notes.mid'); } catch (e) { if (e instanceof MidiFileError) console.error(e.file, e.message); }
 */
export class MidiFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'MidiFileError';
  }
}

/** Velocity (0-1) of written notes. */
const VELOCITY = 0.8;

/** Encodes a melody as a type-1 MIDI file (bytes). */
export function melodyToMidi(melody: Melody): Uint8Array {
  const midi = new Midi();
  midi.header.name = melody.title;
  midi.header.setTempo(melody.tempo);
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [...(melody.meter ?? [4, 4])] });
  midi.header.update();
  const ticksPerStep = midi.header.ppq / STEPS_PER_QUARTER;
  const track = midi.addTrack();
  track.name = melody.title;
  let step = 0;
  for (const e of melody.events) {
    if (!(Number.isInteger(e.steps) && e.steps > 0))
      throw new Error(`${melody.title}: event durations must be positive whole steps, got ${e.steps}`);
    if (e.pitch !== null) {
      if (!(Number.isInteger(e.pitch) && e.pitch >= 0 && e.pitch <= 127))
        throw new Error(`${melody.title}: MIDI pitch must be 0-127, got ${e.pitch}`);
      track.addNote({
        midi: e.pitch,
        ticks: step * ticksPerStep,
        durationTicks: e.steps * ticksPerStep,
        velocity: VELOCITY,
      });
    }
    step += e.steps;
  }
  return midi.toArray();
}

/** Decodes MIDI bytes into a melody (see the file comment); `source` names the file in errors. */
export function midiToMelody(bytes: Uint8Array, source: string): Melody {
  if (bytes.length === 0) throw new MidiFileError(source, 'empty file, expected a Standard MIDI File');
  checkChunks(bytes, source);
  let midi: Midi;
  try {
    midi = new Midi(bytes);
  } catch (err) {
    throw new MidiFileError(source, `not a readable MIDI file (${(err as Error).message})`);
  }
  const ticksPerStep = midi.header.ppq / STEPS_PER_QUARTER;
  const notes = midi.tracks
    .filter((t) => t.channel !== 9 && !t.instrument.percussion) // channel 10 is drums
    .flatMap((t) => t.notes)
    .map((n) => {
      const onset = Math.round(n.ticks / ticksPerStep);
      return { pitch: n.midi, onset, end: Math.max(onset + 1, Math.round((n.ticks + n.durationTicks) / ticksPerStep)) };
    })
    .sort((a, b) => a.onset - b.onset || b.pitch - a.pitch);
  if (notes.length === 0) throw new MidiFileError(source, 'contains no notes');
  const melodyNotes = notes.filter((n, i) => i === 0 || n.onset !== notes[i - 1].onset); // top note of each onset
  const events: NoteEvent[] = [];
  let rest = melodyNotes[0].onset;
  melodyNotes.forEach((n, i) => {
    pushRest(events, rest);
    const end = i + 1 < melodyNotes.length ? Math.min(n.end, melodyNotes[i + 1].onset) : n.end;
    const steps = snapDown(end - n.onset);
    events.push({ pitch: n.pitch, steps });
    rest = (i + 1 < melodyNotes.length ? melodyNotes[i + 1].onset : end) - n.onset - steps;
  });
  const ts = midi.header.timeSignatures[0]?.timeSignature;
  const tempo = midi.header.tempos[0]?.bpm;
  return {
    title: midi.header.name || path.basename(source).replace(/\.midi?$/i, ''),
    tempo: tempo ? Math.round(tempo * 1000) / 1000 : 120,
    meter: ts && ts.length === 2 ? [ts[0], ts[1]] : [4, 4],
    events,
  };
}

/** Reads one MIDI file; errors name the file. */
export function readMidiFile(file: string): Melody {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MidiFileError(
      file,
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, expected a MIDI file'
          : (err as Error).message,
    );
  }
  return midiToMelody(bytes, file);
}

export interface MidiFolder {
  melodies: Melody[];
  /** Files that could not be used, with the reason. */
  skipped: { file: string; error: string }[];
}

/**
 * Reads every `.mid`/`.midi` file of a folder (sorted by name). A bad file is reported through
 * `onSkip` and skipped; a folder without MIDI files, or without one readable file, is an error.
 */
export function readMidiFolder(dir: string, onSkip?: (file: string, error: string) => void): MidiFolder {
  if (!fs.existsSync(dir)) throw new Error(`MIDI folder ${dir} not found`);
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder (expected a folder of .mid files)`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.midi?$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`MIDI folder ${dir} has no .mid or .midi files`);
  const out: MidiFolder = { melodies: [], skipped: [] };
  for (const file of files) {
    try {
      out.melodies.push(readMidiFile(file));
    } catch (err) {
      const error = (err as Error).message;
      out.skipped.push({ file, error });
      onSkip?.(file, error);
    }
  }
  if (out.melodies.length === 0)
    throw new Error(`none of the ${files.length} MIDI files in ${dir} could be read (first: ${out.skipped[0].error})`);
  return out;
}

/**
 * A Standard MIDI File is a sequence of chunks (4-byte id, 4-byte big-endian length, data),
 * starting with the 'MThd' header. @tonejs/midi reads a truncated file without complaint, so the
 * chunk structure is checked here first.
 */
function checkChunks(bytes: Uint8Array, source: string): void {
  const id = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 14 || id(0) !== 'MThd')
    throw new MidiFileError(source, "not a readable MIDI file (it does not start with the 'MThd' header)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length;) {
    if (at + 8 > bytes.length)
      throw new MidiFileError(
        source,
        `not a readable MIDI file (truncated: ${bytes.length - at} stray bytes at byte ${at})`,
      );
    const length = view.getUint32(at + 4);
    if (at + 8 + length > bytes.length) {
      throw new MidiFileError(
        source,
        `not a readable MIDI file (truncated: chunk '${id(at)}' at byte ${at} declares ${length} bytes, only ${bytes.length - at - 8} remain)`,
      );
    }
    at += 8 + length;
  }
}

/** The longest token duration that fits in `steps` (>= 1). */
function snapDown(steps: number): number {
  let best: number = NOTE_DURATIONS[0];
  for (const d of NOTE_DURATIONS) if (d <= steps) best = d;
  return best;
}

/** Appends a rest of `steps`, split greedily into token durations. */
function pushRest(events: NoteEvent[], steps: number): void {
  let left = steps;
  while (left > 0) {
    const d = snapDown(left);
    events.push({ pitch: null, steps: d });
    left -= d;
  }
}
