/**
 * Note events: the music model's unit. A melody is monophonic: a sequence of notes and rests,
 * each lasting a whole number of grid steps. The grid is a sixteenth note (4 steps per quarter),
 * fine enough for the folk tunes, hymns and classical themes of the corpus.
 *
 * @example
 * const melody: Melody = { title: 'two notes', tempo: 100, events: [{ pitch: 60, steps: 4 }, { pitch: null, steps: 2 }] };
 * melodySteps(melody.events); // 6
 */
export interface NoteEvent {
  /** MIDI note number (60 = middle C), or null for a rest. */
  pitch: number | null;
  /** Duration in grid steps (sixteenth notes). */
  steps: number;
}

export interface Melody {
  title: string;
  /** Quarter notes per minute. */
  tempo: number;
  /** Time signature, e.g. [3, 4]; 4/4 when absent. */
  meter?: [number, number];
  events: NoteEvent[];
}

/** Grid steps per quarter note (a sixteenth-note grid). */
export const STEPS_PER_QUARTER = 4;
/** Steps in a 4/4 bar, the bar length `generate` counts in. */
export const STEPS_PER_BAR = 16;

/**
 * The durations a token may carry, in steps: 16th, 8th, dotted 8th, quarter, dotted quarter,
 * half, dotted half, whole. Anything read from MIDI is snapped to the nearest of these.
 */
export const NOTE_DURATIONS = [1, 2, 3, 4, 6, 8, 12, 16] as const;

/** The total length of events in steps. */
export function melodySteps(events: readonly NoteEvent[]): number {
  return events.reduce((s, e) => s + e.steps, 0);
}

/** Scientific pitch name of a MIDI number (60 → C4; sharps). */
export function pitchName(midi: number): string {
  const names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  return `${names[((midi % 12) + 12) % 12]}${Math.floor(midi / 12) - 1}`;
}

/** Frequency in Hz of a MIDI note, equal temperament with A4 = 440 Hz. */
export function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}
