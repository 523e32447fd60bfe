/**
 * The one error type of the WAV readers and writers: it names the file and says what was expected,
 * so a bad input (missing, empty, truncated, not a WAV, an unsupported encoding) is one clear line.
 *
 * @example
 * try { readWav('clip.wav'); } catch (e) { if (e instanceof WavError) console.error(e.message); }
 * // clip.wav: truncated WAV: the data chunk declares 88200 bytes, the file holds 1000 of them
 */
export class WavError extends Error {
  /** The file (or label) the error is about. */
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'WavError';
    this.file = file;
  }
}
