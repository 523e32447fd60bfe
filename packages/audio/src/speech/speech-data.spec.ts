import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CachedSynthesizer } from './cached-synthesizer';
import { ClipGenerator } from './clip-generator';
import { babbleNoise } from './babble';
import { coloredNoise, rms } from './noise';
import { applyGainDb, placeInWindow, speedPerturb } from './perturb';
import { mixAtSnr, snrDb } from './snr';
import type { SpeechSynthesizer, VoiceSpec } from './speech-synthesizer';
import { splitVoices } from './voice-split';

/** A fake engine (no GPL code in audio's tests): a tone per text whose pitch follows the voice, length the rate. */
class ToneSynthesizer implements SpeechSynthesizer {
  readonly id = 'tones@1';
  calls = 0;
  speak(text: string, v: VoiceSpec) {
    this.calls++;
    const sampleRate = 22050;
    const n = Math.round((sampleRate * 0.1 * text.length * 175) / (v.rate ?? 175));
    const f = 100 + 10 * text.charCodeAt(0) + (v.pitch ?? 50) + (v.variant ? 7 : 0);
    return {
      sampleRate,
      samples: Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * f * i) / sampleRate)),
    };
  }
}

/** Power in the lowest eighth of the band over the highest eighth, by first differences: > 1 for red spectra. */
const diffRatio = (x: Float32Array) => rms(x.subarray(1).map((v, i) => v - x[i])) / rms(x);

describe('noise', () => {
  it('white, pink and brown noise are seeded, unit-RMS and increasingly low-pass', () => {
    const [w, p, b] = (['white', 'pink', 'brown'] as const).map((c) => coloredNoise(c, 32000, 5));
    for (const x of [w, p, b]) expect(rms(x)).toBeCloseTo(1, 5);
    expect(coloredNoise('pink', 1000, 5)).toEqual(coloredNoise('pink', 1000, 5));
    expect(coloredNoise('pink', 1000, 6)).not.toEqual(coloredNoise('pink', 1000, 5));
    // E[(x_t - x_{t-1})²] / E[x²] = 2(1 - r1): 2 for white, less for correlated (pink), ~0 for brown
    expect(diffRatio(w)).toBeCloseTo(Math.SQRT2, 1);
    expect(diffRatio(p)).toBeLessThan(1.2);
    expect(diffRatio(b)).toBeLessThan(0.2);
    expect(() => coloredNoise('blue' as never, 10, 1)).toThrow("got 'blue'");
  });

  it('babble overlaps talkers into unit-RMS noise', () => {
    const clips = [new ToneSynthesizer().speak('abc', { voice: 'x' }).samples, Float32Array.from([1, -1, 0.5])];
    const b = babbleNoise(clips, 5000, { talkers: 4, seed: 1 });
    expect(b.length).toBe(5000);
    expect(rms(b)).toBeCloseTo(1, 5);
    expect(babbleNoise(clips, 5000, { talkers: 4, seed: 1 })).toEqual(b);
  });
});

describe('mixing and perturbation', () => {
  it('mixes at the requested SNR within 0.1 dB', () => {
    const speech = new ToneSynthesizer().speak('yes', { voice: 'x' }).samples;
    for (const snr of [-5, 0, 10, 20, 35]) {
      for (const noise of [coloredNoise('white', 4000, 1), coloredNoise('brown', speech.length * 2, 2)]) {
        const mixed = mixAtSnr(speech, noise, snr);
        const added = mixed.map((v, i) => v - speech[i]);
        expect(Math.abs(snrDb(speech, added) - snr)).toBeLessThan(0.1);
      }
    }
  });

  it('applies gain, shift and speed', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    expect(Array.from(applyGainDb(x, 20))).toEqual([10, 20, 30, 40].map(Math.fround));
    expect(Array.from(placeInWindow(x, 6, 1))).toEqual([0, 1, 2, 3, 4, 0]);
    expect(Array.from(placeInWindow(x, 3, -2))).toEqual([3, 4, 0]);
    const tone = new ToneSynthesizer().speak('abcdefghij', { voice: 'x' }).samples;
    expect(speedPerturb(tone, 1.1).length).toBeCloseTo(tone.length / 1.1, -1);
    expect(speedPerturb(tone, 0.9).length).toBeCloseTo(tone.length / 0.9, -1);
    expect(() => speedPerturb(tone, 0)).toThrow('factor should be positive');
  });
});

describe('splitVoices', () => {
  it('holds out whole base voices and disjoint combinations, seeded', () => {
    const voices = ['a', 'b', 'c', 'd', 'e'];
    const variants = ['', 'f1', 'f2', 'm1'];
    const split = splitVoices(voices, variants, { seed: 3, testBaseVoices: 1 });
    const key = (v: VoiceSpec) => `${v.voice}+${v.variant ?? ''}`;
    const [train, validation, test] = [split.train, split.validation, split.test].map((s) => new Set(s.map(key)));
    expect(train.size + validation.size + test.size).toBe(20);
    for (const k of test) expect(train.has(k) || validation.has(k)).toBe(false);
    expect(split.testOnlyVoices).toHaveLength(1);
    expect(split.train.some((v) => split.testOnlyVoices.includes(v.voice))).toBe(false);
    expect(split.test.filter((v) => v.voice === split.testOnlyVoices[0])).toHaveLength(4);
    expect(splitVoices(voices, variants, { seed: 3 })).toEqual(split);
    expect(() => splitVoices(['a'], [''], { seed: 1 })).toThrow('need more than 1 base voices');
  });
});

describe('CachedSynthesizer and ClipGenerator', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-speech-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('caches by text and voice parameters on disk, exactly', async () => {
    const engine = new ToneSynthesizer();
    const cached = new CachedSynthesizer(engine, dir);
    const a = await cached.speak('yes', { voice: 'x', rate: 150 });
    const again = await new CachedSynthesizer(engine, dir).speak('yes', { voice: 'x', rate: 150 });
    expect(again).toEqual(a);
    expect(engine.calls).toBe(1);
    await cached.speak('yes', { voice: 'x', rate: 160 });
    await cached.speak('yes', { voice: 'x', variant: 'f1', rate: 150 });
    expect(engine.calls).toBe(3);
    expect(fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)))).toHaveLength(3);
  });

  it('makes seeded 1 s clips of speech, noise and babble', async () => {
    const tts = new CachedSynthesizer(new ToneSynthesizer(), dir);
    const gen = new ClipGenerator(tts, {
      babbleVoices: [{ voice: 'b' }],
      noise: ['babble'],
      snrDb: [10, 10],
      gainDb: [0, 0],
    });
    const clip = await gen.speech('go', { voice: 'x' }, 7);
    expect(clip.length).toBe(16000);
    expect(await gen.speech('go', { voice: 'x' }, 7)).toEqual(clip);
    expect(await gen.speech('go', { voice: 'x' }, 8)).not.toEqual(clip);
    const quiet = await new ClipGenerator(tts, { noise: ['pink'] }).noiseOnly(1);
    expect(rms(quiet)).toBeGreaterThan(0.0009);
    expect(rms(quiet)).toBeLessThan(0.11);
  });
});
