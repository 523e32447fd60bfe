/**
 * What audio's speech generators need from a text-to-speech engine. `@dlkit/audio` (MIT) defines
 * it and never imports an engine: the CLI passes `@dlkit/espeak`'s EspeakSynthesizer (GPL-3.0),
 * and the specs pass a fake that speaks tones.
 */

/** A base voice, an optional variant, a rate and a pitch (engine units: eSpeak's words per minute, 0-100). */
export interface VoiceSpec {
  voice: string;
  variant?: string;
  rate?: number;
  pitch?: number;
}

/** Mono samples in [-1, 1] at the engine's rate. */
export interface SynthesizedSpeech {
  samples: Float32Array;
  sampleRate: number;
}

export interface SpeechSynthesizer {
  /** Names the engine and its version; part of every cache key. */
  readonly id: string;
  speak(text: string, voice: VoiceSpec): SynthesizedSpeech | Promise<SynthesizedSpeech>;
}

/** A voice+variant combination as one string, `voice+variant` (eSpeak's own notation) or `voice`. */
export function voiceName(v: Pick<VoiceSpec, 'voice' | 'variant'>): string {
  return v.variant ? `${v.voice}+${v.variant}` : v.voice;
}

/** The data options every task trained on generated speech shares (keywords, trigger word, speech-to-text). */
export interface GeneratedSpeechOptions {
  /** Generate the data with this engine (with `voices` and `variants`)... */
  synthesizer?: SpeechSynthesizer;
  /** Base voices to split into train / validation / test (one base voice only in test). */
  voices?: string[];
  /** Variants combined with every voice ('' is the voice's own). */
  variants?: string[];
  /** Disk cache of synthesized speech; default `<outDir>/speech-cache`. */
  cacheDir?: string;
  /** Progress of data generation (clips done, total). */
  onData?: (done: number, total: number, set: string) => void;
}
