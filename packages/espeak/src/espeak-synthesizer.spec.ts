import { EspeakSynthesizer } from './espeak-synthesizer';

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

describe('EspeakSynthesizer', () => {
  let tts: EspeakSynthesizer;
  // Slow (~1-3 s): evaluates the 0.8 MB wasm2js module and loads 24 MB of voice data.
  beforeAll(async () => {
    tts = await EspeakSynthesizer.create();
  }, 30_000);

  it('speaks "yes" as non-silent audio of a plausible length', () => {
    const { samples, sampleRate, words } = tts.speak('yes', { voice: 'en-us' });
    expect(sampleRate).toBe(22050);
    expect(samples.length / sampleRate).toBeGreaterThan(0.2);
    expect(samples.length / sampleRate).toBeLessThan(1.2);
    expect(rms(samples)).toBeGreaterThan(0.01);
    expect(Math.max(...samples.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(words).toEqual([{ startSeconds: 0, textPosition: 0, length: 3 }]);
  });

  it('different voices, variants, rates and pitches give different audio', () => {
    const a = tts.speak('left', { voice: 'en-us' }).samples;
    const b = tts.speak('left', { voice: 'en-gb-x-rp', variant: 'f3' }).samples;
    const slow = tts.speak('left', { voice: 'en-us', rate: 100 }).samples;
    const high = tts.speak('left', { voice: 'en-us', pitch: 90 }).samples;
    expect(b).not.toEqual(a);
    expect(high).not.toEqual(a);
    expect(slow.length).toBeGreaterThan(a.length * 1.3);
  });

  it('repeats a request closely but not exactly (eSpeak jitters internally; the disk cache makes runs exact)', () => {
    const o = { voice: 'en-us', variant: 'm3', rate: 150, pitch: 40 };
    const [a, b] = [tts.speak('stop', o).samples, tts.speak('stop', o).samples];
    // measured: lengths 10,828-10,851 samples and energies within 0.8 % over four calls
    expect(Math.abs(a.length - b.length) / a.length).toBeLessThan(0.02);
    expect(Math.abs(rms(a) - rms(b)) / rms(a)).toBeLessThan(0.03);
  });

  it('lists English voices and variants, and refuses unknown ones', () => {
    expect(tts.voices('gmw/en')).toContain('gmw/en-US');
    expect(tts.variants()).toEqual(expect.arrayContaining(['f1', 'm1', 'klatt']));
    expect(tts.knows('EN-us', 'f2')).toBe(true);
    expect(() => tts.speak('yes', { voice: 'nope' })).toThrow('eSpeak: unknown voice "nope"');
    expect(() => tts.speak('yes', { voice: 'en-us', variant: 'zz' })).toThrow('unknown voice "en-us+zz"');
  });
});
