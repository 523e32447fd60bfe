/**
 * Mel scale, filterbanks, power, mel, log-mel and MFCC of a fixed signal against numpy float64
 * references (scripts/feature-fixtures.py: librosa 0.10's formulas re-implemented in numpy, with
 * numpy's own FFT and an FFT-based DCT). Every value within 1e-4 relative.
 */
import reference from './__fixtures__/feature-reference.json';
import { melFilterbank } from './mel-filterbank';
import { hzToMel, melToHz, MelScale } from './mel-scale';
import { logMelSpectrogram, melSpectrogram } from './mel-spectrogram';
import { mfcc } from './mfcc';
import { powerSpectrogram } from './spectrogram';

type Options = (typeof reference.cases)[number]['options'];

/**
 * Largest |actual − expected| / |expected| over all values; values below 1e-6 of the largest
 * magnitude (near-zero MFCCs, filter edges) are measured against that floor instead.
 */
function maxRelativeError(actual: ArrayLike<number>[], expected: number[][]): number {
  expect(actual.map((r) => r.length)).toEqual(expected.map((r) => r.length));
  const floor = 1e-6 * Math.max(...expected.flat().map(Math.abs));
  let worst = 0;
  expected.forEach((row, i) =>
    row.forEach((e, j) => (worst = Math.max(worst, Math.abs(actual[i][j] - e) / Math.max(Math.abs(e), floor)))),
  );
  return worst;
}

const signal = Float32Array.from(reference.signal);
const sampleRate = reference.sampleRate;
const optionsOf = (o: Options) => ({
  ...o,
  sampleRate,
  melScale: o.melScale as MelScale,
  norm: o.norm as 'slaney' | null,
  padMode: o.padMode as 'constant' | 'reflect',
});

it('mel scale: HTK and Slaney values, and the inverse', () => {
  for (const { hz, htk, slaney } of reference.melScale) {
    expect(hzToMel(hz, 'htk')).toBeCloseTo(htk, 9);
    expect(hzToMel(hz, 'slaney')).toBeCloseTo(slaney, 9);
    expect(melToHz(hzToMel(hz, 'htk'), 'htk')).toBeCloseTo(hz, 8);
    expect(melToHz(hzToMel(hz, 'slaney'), 'slaney')).toBeCloseTo(hz, 8);
  }
});

test.each(reference.filterbanks.map((f) => [`${f.options.melScale} scale, norm ${f.options.norm}`, f] as const))(
  'mel filterbank, %s',
  (_name, { options, weights }) => {
    const fb = melFilterbank({
      ...options,
      melScale: options.melScale as MelScale,
      norm: options.norm as 'slaney' | null,
    });
    expect(maxRelativeError(fb, weights)).toBeLessThan(1e-4);
  },
);

describe.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const o = optionsOf(c.options);
  it('power spectrum', () => {
    const power = powerSpectrogram(signal, o);
    expect(
      maxRelativeError(
        c.powerRows.map((t) => power[t]),
        c.power,
      ),
    ).toBeLessThan(1e-4);
  });
  it('mel power', () => expect(maxRelativeError(melSpectrogram(signal, o), c.melPower)).toBeLessThan(1e-4));
  it('log-mel (dB)', () => expect(maxRelativeError(logMelSpectrogram(signal, o), c.logMel)).toBeLessThan(1e-4));
  it('MFCC', () => expect(maxRelativeError(mfcc(signal, o), c.mfcc)).toBeLessThan(1e-4));
});
