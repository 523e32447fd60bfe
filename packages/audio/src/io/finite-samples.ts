/**
 * Float WAV files can hold NaN or ±Infinity, which integer PCM cannot; one such sample turns every
 * feature and prediction downstream into NaN. The readers reject them with a `WavError` naming the
 * file, the channel and the frame.
 *
 * @example
 * assertFiniteSamples('a.wav', [Float32Array.from([0, NaN])]);
 * // throws "a.wav: sample 1 of channel 0 is NaN, expected finite float samples"
 */
import { WavError } from './wav-error';

/**
 * Throws when `count` samples of any channel from index `from` are not finite. `firstFrame` is
 * the file frame of index `from` (for the message).
 */
export function assertFiniteSamples(
  file: string,
  channels: readonly Float32Array[],
  from = 0,
  count = channels[0]?.length ?? 0,
  firstFrame = 0,
): void {
  channels.forEach((c, channel) => {
    for (let i = from; i < from + count; i++) {
      if (!Number.isFinite(c[i])) {
        const frame = firstFrame + i - from;
        throw new WavError(file, `sample ${frame} of channel ${channel} is ${c[i]}, expected finite float samples`);
      }
    }
  });
}
