// Pitch-class KL divergence against numbers worked out by hand.
import {
  copiedPhraseFraction,
  klDivergence,
  PITCH_CLASS_EPSILON,
  pitchClassCounts,
  pitchClassDistribution,
  pitchClassKl,
  randomMelodyEvents,
} from './metrics';

const note = (pitch: number) => ({ pitch, steps: 4 });

describe('pitch classes', () => {
  it('counts notes per pitch class across octaves and ignores rests', () => {
    // C4, C5, E4, G3, rest → C:2, E:1, G:1
    const events = [note(60), note(72), note(64), note(55), { pitch: null, steps: 4 }];
    expect(pitchClassCounts(events)).toEqual([2, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
    expect(pitchClassDistribution(events)).toEqual([0.5, 0, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0, 0]);
    expect(() => pitchClassDistribution([{ pitch: null, steps: 4 }])).toThrow(/at least one note/);
  });
});

describe('klDivergence', () => {
  it('matches the plain definition without smoothing', () => {
    // KL([1/2, 1/2] || [1/4, 3/4]) = 1/2 ln 2 + 1/2 ln(2/3) = 0.5 (0.693147 - 0.405465) = 0.143841
    expect(klDivergence([0.5, 0.5], [0.25, 0.75], 0)).toBeCloseTo(0.143841, 6);
    expect(klDivergence([0.25, 0.75], [0.25, 0.75], 0)).toBe(0);
  });

  it('smooths with epsilon = 1e-3: all-C against uniform', () => {
    expect(PITCH_CLASS_EPSILON).toBe(1e-3);
    // p_C = (1 + 0.001) / 1.012 = 0.989130, the 11 others 0.001 / 1.012 = 0.000988; uniform q stays 1/12.
    // KL = 0.989130 ln(0.989130 * 12) + 11 * 0.000988 ln(0.000988 * 12)
    //    = 0.989130 * 2.473977 + 0.010870 * (-4.434763) = 2.447085 - 0.048204 = 2.398881
    const allC = [1, ...new Array(11).fill(0)];
    const uniform = new Array(12).fill(1 / 12);
    expect(klDivergence(allC, uniform)).toBeCloseTo(2.398881, 5);
    // Without smoothing: ln 12 = 2.484907.
    expect(klDivergence(allC, uniform, 0)).toBeCloseTo(Math.log(12), 12);
    // A class the reference never uses is costly but finite.
    expect(Number.isFinite(klDivergence(uniform, allC))).toBe(true);
    expect(() => klDivergence([1], [0.5, 0.5])).toThrow(/differ in length/);
  });

  it('scores a melody against a reference, with a seeded uniform-random baseline', () => {
    const cMajor = [1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1].map((x) => x / 7);
    const scale = [60, 62, 64, 65, 67, 69, 71].map(note);
    expect(pitchClassKl(scale, cMajor)).toBeCloseTo(0, 12);
    const random = randomMelodyEvents(700, 5);
    expect(randomMelodyEvents(700, 5)).toEqual(random);
    expect(random.every((e) => e.pitch! >= 60 && e.pitch! < 72)).toBe(true);
    // Uniform over 12 classes against a 7-note scale: about ln(12/7) + the 5 missing classes' smoothed cost.
    expect(pitchClassKl(random, cMajor)).toBeGreaterThan(1);
    expect(pitchClassKl(random, cMajor)).toBeGreaterThan(10 * pitchClassKl(scale, cMajor) + 1);
  });
});

describe('copiedPhraseFraction', () => {
  it('counts the phrases found verbatim in the references', () => {
    const ref = [60, 62, 64, 65, 67].map(note);
    // Phrases of 3 in [60 62 64 65 69]: (60 62 64) and (62 64 65) are copied, (64 65 69) is new.
    expect(copiedPhraseFraction([60, 62, 64, 65, 69].map(note), [ref], 3)).toBeCloseTo(2 / 3, 12);
    // Same pitches, other durations: nothing copied.
    expect(
      copiedPhraseFraction(
        [60, 62, 64].map((p) => ({ pitch: p, steps: 2 })),
        [ref],
        3,
      ),
    ).toBe(0);
    expect(copiedPhraseFraction(ref, [ref], 5)).toBe(1);
    expect(copiedPhraseFraction(ref.slice(0, 2), [ref], 3)).toBe(0);
  });
});
