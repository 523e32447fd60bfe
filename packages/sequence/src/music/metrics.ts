/**
 * How tonal is a melody? Its pitch-class distribution (12 bins, C..B, one count per note,
 * whatever its length; rests ignored) compared with the corpus's by the Kullback-Leibler
 * divergence, in nats:
 *
 *   KL(P || Q) = sum_i P_i ln(P_i / Q_i)
 *
 * Both distributions are smoothed first, P_i ← (P_i + ε) / (1 + 12 ε) with ε = 1e-3, so that a
 * pitch class the corpus never uses costs a large but finite amount instead of infinity.
 * The baseline is a melody with the same number of notes drawn uniformly from the 12 pitch
 * classes (seeded); a model that learned the corpus's tonality scores far below it.
 *
 * @example
 * const q = pitchClassDistribution(corpusEvents);
 * const kl = pitchClassKl(pitchClassDistribution(generated), q);
 */
import { Rng } from '@dlkit/core';
import type { NoteEvent } from './events';

/** Smoothing added to every pitch-class probability before the KL divergence. */
export const PITCH_CLASS_EPSILON = 1e-3;

/** Notes per pitch class (index 0 = C, 1 = C#, ..., 11 = B). */
export function pitchClassCounts(events: Iterable<NoteEvent>): number[] {
  const counts = new Array<number>(12).fill(0);
  for (const e of events) if (e.pitch !== null) counts[((e.pitch % 12) + 12) % 12]++;
  return counts;
}

/** Pitch-class probabilities (counts / total); an error when there are no notes. */
export function pitchClassDistribution(events: Iterable<NoteEvent>): number[] {
  const counts = pitchClassCounts(events);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) throw new Error('a pitch-class distribution needs at least one note');
  return counts.map((c) => c / total);
}

/** KL(p || q) in nats after ε-smoothing both (ε = 0 for the plain definition). */
export function klDivergence(p: readonly number[], q: readonly number[], epsilon = PITCH_CLASS_EPSILON): number {
  if (p.length !== q.length) throw new Error(`distributions differ in length: ${p.length} vs ${q.length}`);
  const k = p.length;
  let kl = 0;
  for (let i = 0; i < k; i++) {
    const pi = (p[i] + epsilon) / (1 + k * epsilon);
    const qi = (q[i] + epsilon) / (1 + k * epsilon);
    if (pi > 0) kl += pi * Math.log(pi / qi);
  }
  return kl;
}

/** KL of a melody's pitch classes from a reference distribution (smoothed, nats). */
export function pitchClassKl(events: readonly NoteEvent[], reference: readonly number[]): number {
  return klDivergence(pitchClassDistribution(events), reference);
}

/**
 * The random baseline: `notes` quarter notes with pitches drawn uniformly from one octave
 * (`low`..`low`+11, i.e. uniform over the 12 pitch classes), seeded.
 */
export function randomMelodyEvents(notes: number, seed: number, low = 60): NoteEvent[] {
  const rng = new Rng(seed);
  return Array.from({ length: notes }, () => ({ pitch: low + rng.int(12), steps: 4 }));
}

/**
 * How much of a melody is copied: the fraction of its runs of `n` consecutive events (pitch and
 * duration) that occur verbatim in one of the reference melodies. 0 = every phrase is new,
 * 1 = a patchwork of quotations. Melodies shorter than `n` events have no phrases (result 0).
 */
export function copiedPhraseFraction(
  events: readonly NoteEvent[],
  references: readonly (readonly NoteEvent[])[],
  n = 8,
): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`phrase length must be a positive integer, got ${n}`);
  const key = (e: NoteEvent) => `${e.pitch ?? 'R'}/${e.steps}`;
  const phrases = new Set<string>();
  for (const ref of references) {
    const keys = ref.map(key);
    for (let i = 0; i + n <= keys.length; i++) phrases.add(keys.slice(i, i + n).join(' '));
  }
  const keys = events.map(key);
  let total = 0;
  let copied = 0;
  for (let i = 0; i + n <= keys.length; i++, total++) if (phrases.has(keys.slice(i, i + n).join(' '))) copied++;
  return total === 0 ? 0 : copied / total;
}
