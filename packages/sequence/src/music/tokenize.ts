/**
 * Note-event tokens: one token per event, written in the corpus notation (`"G4/8."` is a dotted
 * eighth G4, `"R/4"` a quarter rest), so a token is readable and parses back to exactly its
 * event. Each melody starts with the `<s>` token, which also separates melodies in the training
 * stream.
 *
 * Transposition augmentation (optional): `transposeMelody(m, k)` shifts every pitch by k
 * semitones; training on several shifts of each tune teaches the model intervals rather than
 * one key, at the cost of a wider pitch-class distribution (so it is off by default, see
 * docs/music.md).
 *
 * @example
 * melodyTokens(melody); // ['<s>', 'D4/4', 'G4/2', 'B4/8', ...]
 * tokenEvent('F#4/8.'); // { pitch: 66, steps: 3 }
 */
import { NOTE_DURATIONS, Melody, NoteEvent } from './events';
import { formatNotation, parseNotation } from './notation';

export const START_TOKEN = '<s>';

export function eventToken(event: NoteEvent): string {
  if (!(NOTE_DURATIONS as readonly number[]).includes(event.steps)) {
    throw new Error(`a token duration must be one of ${NOTE_DURATIONS.join(', ')} sixteenths, got ${event.steps}`);
  }
  return formatNotation([event]);
}

export function tokenEvent(token: string): NoteEvent {
  if (token === START_TOKEN) throw new Error(`${START_TOKEN} is not a note event`);
  const events = parseNotation(token, { source: `token ${JSON.stringify(token)}` });
  if (events.length !== 1) throw new Error(`token ${JSON.stringify(token)} must hold exactly one event`);
  return events[0];
}

/** `<s>` followed by one token per event. */
export function melodyTokens(melody: Melody): string[] {
  return [START_TOKEN, ...melody.events.map(eventToken)];
}

/** Events of a token sequence (`<s>` tokens are skipped). */
export function tokensToEvents(tokens: readonly string[]): NoteEvent[] {
  return tokens.filter((t) => t !== START_TOKEN).map(tokenEvent);
}

/** The melody shifted by `semitones` (rests unchanged); pitches must stay within MIDI 0-127. */
export function transposeMelody(melody: Melody, semitones: number): Melody {
  if (!Number.isInteger(semitones))
    throw new Error(`transposition must be a whole number of semitones, got ${semitones}`);
  const events = melody.events.map((e) => {
    if (e.pitch === null) return e;
    const pitch = e.pitch + semitones;
    if (pitch < 0 || pitch > 127) throw new Error(`${melody.title}: transposing by ${semitones} leaves the MIDI range`);
    return { pitch, steps: e.steps };
  });
  return { ...melody, events };
}
