import { loadEspeakModule, type EspeakModule, type EspeakWorker } from './load-espeak-module';

/** How to speak: a base voice (`en-us`, `gmw/en-GB-x-rp`), an optional variant (`f3`, `m2`, `klatt`), rate and pitch. */
export interface EspeakVoiceOptions {
  /** eSpeak voice identifier or language name, e.g. `en-us`, `en-gb-x-rp`. */
  voice: string;
  /** A variant from `variants()` (a file of `voices/!v`), e.g. `f3`; none: the voice's own. */
  variant?: string;
  /** Words per minute (eSpeak: 80-450; its default is 175). */
  rate?: number;
  /** Base pitch 0-100 (eSpeak's default is 50). */
  pitch?: number;
}

/** When a word starts in the audio, and where it is in the text. */
export interface EspeakWordTiming {
  startSeconds: number;
  textPosition: number;
  length: number;
}

/** Synthesized mono audio in [-1, 1] at the engine's rate (22,050 Hz). */
export interface EspeakSpeech {
  samples: Float32Array;
  sampleRate: number;
  words: EspeakWordTiming[];
}

export const ESPEAK_VOICE_DEFAULTS = { rate: 175, pitch: 50 } satisfies Partial<EspeakVoiceOptions>;

/**
 * eSpeak NG (GPL-3.0) as one reusable WebAssembly instance: set the voice, rate and pitch, then
 * synthesize. Calls run one at a time (the engine is synchronous), so one instance serves a whole
 * data-set generation. It has the shape of `@dlkit/audio`'s `SpeechSynthesizer`, which the CLI
 * passes to audio's generators; audio itself never imports this package.
 *
 * @example
 * const tts = await EspeakSynthesizer.create();
 * const { samples, sampleRate } = tts.speak('yes', { voice: 'en-us', variant: 'f3', rate: 160, pitch: 60 });
 * console.log(samples.length / sampleRate); // ~0.4 s
 */
export class EspeakSynthesizer {
  /** Identifies the engine and its version in cache keys. */
  readonly id = 'espeak-ng-emscripten@0.3.5';
  readonly sampleRate: number;
  private known?: Set<string>;

  private constructor(
    private readonly module: EspeakModule,
    private readonly worker: EspeakWorker,
  ) {
    this.sampleRate = worker.get_samplerate();
  }

  /** Loads the engine (~0.2-1 s: 24 MB of voice data) and creates its one worker. */
  static async create(): Promise<EspeakSynthesizer> {
    const module = await loadEspeakModule();
    return new EspeakSynthesizer(module, new module.eSpeakNGWorker());
  }

  /** The base voices (identifiers such as `gmw/en-US`), optionally those whose identifier starts with `prefix`. */
  voices(prefix = ''): string[] {
    return this.worker
      .list_voices()
      .map((v) => v.identifier)
      .filter((id) => id.startsWith(prefix));
  }

  /** The variants that can follow a voice as `voice+variant` (`f1`..`f5`, `m1`..`m7`, `klatt`, ...). */
  variants(): string[] {
    return this.module.FS.readdir('/usr/share/espeak-ng-data/voices/!v')
      .filter((name) => !name.startsWith('.'))
      .sort();
  }

  /** Whether `voice` is a voice identifier (`gmw/en-US`) or its last part (`en-us`, any case), and `variant` a variant. */
  knows(voice: string, variant?: string): boolean {
    this.known ??= new Set(this.voices().flatMap((id) => [id.toLowerCase(), id.toLowerCase().split('/').pop() ?? id]));
    return this.known.has(voice.toLowerCase()) && (variant === undefined || this.variants().includes(variant));
  }

  /** Speaks `text`; throws when eSpeak does not know the voice or variant. */
  speak(text: string, options: EspeakVoiceOptions): EspeakSpeech {
    const o = { ...ESPEAK_VOICE_DEFAULTS, ...options };
    const name = o.variant ? `${o.voice}+${o.variant}` : o.voice;
    // eSpeak prints "Unknown phoneme table" and speaks on for an unknown name: check first.
    if (!this.knows(o.voice, o.variant) || this.worker.set_voice(name, '') !== 0) {
      throw new Error(
        `eSpeak: unknown voice "${name}", expected one of voices() with an optional +variant from variants()`,
      );
    }
    this.worker.set_rate(o.rate);
    this.worker.set_pitch(o.pitch);
    const chunks: Int16Array[] = [];
    const words: EspeakWordTiming[] = [];
    this.worker.synthesize(text, (audio, events) => {
      if (audio && audio.length > 0) chunks.push(audio);
      for (const e of events) {
        if (e.type === 'word')
          words.push({
            startSeconds: e.audio_position / 1000,
            textPosition: e.text_position - 1,
            length: e.word_length,
          });
      }
      return false; // false: continue synthesis
    });
    const samples = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      for (let i = 0; i < c.length; i++) samples[offset + i] = c[i] / 32768;
      offset += c.length;
    }
    return { samples, sampleRate: this.sampleRate, words };
  }
}
