// Public surface of @dlkit/espeak: eSpeak NG compiled to WebAssembly for generated speech data (GPL-3.0, kept out of @dlkit/audio).
// Each name is exported here explicitly, as in core, vision and sequence.
export { ESPEAK_VOICE_DEFAULTS, EspeakSynthesizer } from './espeak-synthesizer';
export type { EspeakSpeech, EspeakVoiceOptions, EspeakWordTiming } from './espeak-synthesizer';
export { loadEspeakModule } from './load-espeak-module';
export type { EspeakEvent, EspeakModule, EspeakWorker } from './load-espeak-module';
