/**
 * The generated-speech data options of `dlkit keywords|trigger|speech train`: eSpeak NG (GPL, from
 * @dlkit/espeak, which only the CLI imports) with its English voices, each combined with the same
 * variants; nothing when the user gives recordings instead.
 */
import type { GeneratedSpeechOptions } from '@dlkit/audio';
import { EspeakSynthesizer } from '@dlkit/espeak';

/**
 * The eSpeak variants combined with every English voice: its own voice, four female and five male
 * variants. With the 8 English base voices that is 80 combinations; splitVoices keeps one base voice
 * (all its variants) and a fifth of the rest for the test set only.
 */
export const ESPEAK_VARIANTS = ['', 'f1', 'f2', 'f3', 'f4', 'm1', 'm2', 'm3', 'm4', 'm5'];

/** eSpeak with its English voices and ESPEAK_VARIANTS, or `{}` when `generate` is false (the user's data). */
export async function espeakVoices(
  generate: boolean,
): Promise<Pick<GeneratedSpeechOptions, 'synthesizer' | 'voices' | 'variants'>> {
  if (!generate) return {};
  const synthesizer = await EspeakSynthesizer.create();
  return { synthesizer, voices: synthesizer.voices('gmw/en'), variants: ESPEAK_VARIANTS };
}
