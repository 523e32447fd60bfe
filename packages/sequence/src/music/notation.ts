/**
 * A compact text notation for melodies, used to write the shipped corpus as data:
 *
 *   "D4/4 | G4/2 B4/8 G4/8 | B4/2 A4/4 | ..."
 *
 * A note is a pitch (letter, optional `#` or `b`, octave; C4 = MIDI 60) and a duration after `/`:
 * 1 whole, 2 half, 4 quarter, 8 eighth, 16 sixteenth, with a trailing `.` for dotted. `R/4` is a
 * quarter rest. `|` marks a bar line: every bar between two bar lines must fill the meter
 * exactly (the first bar may be a pickup, the last may be short), which catches typos.
 *
 * @example
 * parseNotation('C4/4 E4/8. F#4/16 | G4/2', { meter: [2, 4] });
 * // [{ pitch: 60, steps: 4 }, { pitch: 64, steps: 3 }, { pitch: 66, steps: 1 }, { pitch: 67, steps: 8 }]
 */
import { NoteEvent, pitchName, STEPS_PER_QUARTER } from './events';

const LETTERS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const TOKEN = /^(?:(R)|([A-G])([#b]?)(-?\d))\/(1|2|4|8|16)(\.?)$/;

export interface NotationOptions {
  /** Time signature [beats, beat unit], default [4, 4]; used to check bar lengths. */
  meter?: [number, number];
  /** Named in error messages, e.g. the tune's title. */
  source?: string;
}

/** Steps in one bar of `meter` on the sixteenth-note grid. */
export function barSteps(meter: [number, number]): number {
  return (meter[0] * STEPS_PER_QUARTER * 4) / meter[1];
}

export function parseNotation(text: string, options: NotationOptions = {}): NoteEvent[] {
  const source = options.source ?? 'notation';
  const bar = barSteps(options.meter ?? [4, 4]);
  const events: NoteEvent[] = [];
  const bars: number[] = [0];
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  words.forEach((word, i) => {
    if (word === '|') {
      bars.push(0);
      return;
    }
    const m = TOKEN.exec(word);
    if (!m)
      throw new Error(`${source}: cannot read "${word}" (word ${i + 1}); expected e.g. C4/4, F#4/8., Bb3/2 or R/4`);
    const base = (STEPS_PER_QUARTER * 4) / Number(m[5]);
    const steps = m[6] ? base * 1.5 : base;
    if (!Number.isInteger(steps))
      throw new Error(`${source}: "${word}" (word ${i + 1}) is shorter than the sixteenth-note grid`);
    const pitch = m[1] ? null : 12 * (Number(m[4]) + 1) + LETTERS[m[2]] + (m[3] === '#' ? 1 : m[3] === 'b' ? -1 : 0);
    events.push({ pitch, steps });
    bars[bars.length - 1] += steps;
  });
  if (events.length === 0) throw new Error(`${source}: no notes`);
  bars.forEach((steps, b) => {
    const edge = b === 0 || b === bars.length - 1;
    if (edge ? steps > bar : steps !== bar) {
      throw new Error(`${source}: bar ${b + 1} lasts ${steps} sixteenths, expected ${edge ? 'at most ' : ''}${bar}`);
    }
  });
  return events;
}

/** Writes events back in the notation (sharps, no bar lines); durations must be notatable. */
export function formatNotation(events: readonly NoteEvent[]): string {
  return events.map((e) => `${e.pitch === null ? 'R' : pitchName(e.pitch)}/${notationDuration(e.steps)}`).join(' ');
}

function notationDuration(steps: number): string {
  for (const d of [1, 2, 4, 8, 16]) {
    const base = 16 / d;
    if (steps === base) return String(d);
    if (steps === base * 1.5) return `${d}.`;
  }
  throw new Error(`a duration of ${steps} sixteenths has no single note value`);
}
