/**
 * Pads and truncates id sequences to one length, with the attention mask (1 = real token), as
 * Keras's `pad_sequences` does for word-level models. Defaults here are 'post' on both sides (the
 * transformers convention); Keras pads and truncates at the front ('pre') by default.
 *
 * @example
 * const { ids, mask } = padSequences([[5, 6, 7], [8]], { maxLength: 2, padId: 0 });
 * ids;  // [[5, 6], [8, 0]]
 * mask; // [[1, 1], [1, 0]]
 */
export interface PadSequencesOptions {
  /** Length of every output row; defaults to the longest input. */
  maxLength?: number;
  /** Id written into padded positions. */
  padId?: number;
  /** Pad after the ids ('post') or before them ('pre'). */
  padding?: 'pre' | 'post';
  /** Drop ids from the end ('post') or from the start ('pre') of a longer sequence. */
  truncating?: 'pre' | 'post';
}

export const PAD_SEQUENCES_DEFAULTS = { padId: 0, padding: 'post', truncating: 'post' } satisfies PadSequencesOptions;

export function padSequences(
  sequences: readonly (readonly number[])[],
  options: PadSequencesOptions = {},
): { ids: number[][]; mask: number[][] } {
  const o = { ...PAD_SEQUENCES_DEFAULTS, ...options };
  const length = o.maxLength ?? Math.max(0, ...sequences.map((s) => s.length));
  if (!Number.isInteger(length) || length < 0) throw new Error(`maxLength must be an integer >= 0, got ${length}`);
  const ids: number[][] = [];
  const mask: number[][] = [];
  for (const s of sequences) {
    const kept =
      s.length <= length ? [...s] : o.truncating === 'post' ? s.slice(0, length) : s.slice(s.length - length);
    const pad = new Array<number>(length - kept.length).fill(o.padId);
    const ones = new Array<number>(kept.length).fill(1);
    const zeros = new Array<number>(pad.length).fill(0);
    ids.push(o.padding === 'post' ? [...kept, ...pad] : [...pad, ...kept]);
    mask.push(o.padding === 'post' ? [...ones, ...zeros] : [...zeros, ...ones]);
  }
  return { ids, mask };
}
