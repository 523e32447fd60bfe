import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { WavReader } from '../io/wav-reader';
import { WavStreamWriter } from '../io/wav-stream-writer';
import type { SpeechSynthesizer, SynthesizedSpeech, VoiceSpec } from './speech-synthesizer';

/**
 * A disk cache in front of a synthesizer: each request is stored once as a float32 WAV under
 * `dir/<2 hex>/<sha256>.wav`, content-addressed by the engine id, the text and the voice
 * parameters, written atomically (a temporary file renamed into place), so concurrent or killed
 * runs never leave half a file. Rerunning a generation reads the same samples back, which also
 * makes engines that jitter internally (eSpeak) exactly repeatable.
 * @example
 * const tts = new CachedSynthesizer(engine, 'dlkit-out/speech-cache');
 * await tts.speak('yes', { voice: 'en-us', rate: 160 }); // synthesized; later calls read the file
 */
export class CachedSynthesizer implements SpeechSynthesizer {
  readonly id: string;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: SpeechSynthesizer,
    readonly dir: string,
  ) {
    this.id = inner.id;
  }

  /** The cache file of a request. */
  fileFor(text: string, voice: VoiceSpec): string {
    const key = JSON.stringify([
      this.inner.id,
      text,
      voice.voice,
      voice.variant ?? '',
      voice.rate ?? null,
      voice.pitch ?? null,
    ]);
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(this.dir, hash.slice(0, 2), `${hash}.wav`);
  }

  async speak(text: string, voice: VoiceSpec): Promise<SynthesizedSpeech> {
    const file = this.fileFor(text, voice);
    if (fs.existsSync(file)) {
      this.hits++;
      // WavReader/WavStreamWriter: positioned reads and one encode, ~20× faster than wavefile here
      const reader = WavReader.open(file);
      try {
        return { samples: reader.readMono(0, reader.frames), sampleRate: reader.sampleRate };
      } finally {
        reader.close();
      }
    }
    this.misses++;
    const speech = await this.inner.speak(text, voice);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const writer = new WavStreamWriter(file, { sampleRate: speech.sampleRate, bitDepth: '32f' }); // renamed into place on close
    writer.write(speech.samples);
    writer.close();
    return speech;
  }
}
