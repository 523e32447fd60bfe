// Label construction, event detection and matching, worked out by hand.
import { Rng } from '@dlkit/core';
import { chimeTone, insertChimes } from './chime';
import { composeTriggerClip, type TriggerSource } from './trigger-clip';
import { stepTimes, tuneTriggerThreshold, scoreTriggerCurves } from './trigger-eval';
import { detectTriggers, matchTriggers, triggerScores } from './trigger-events';
import { stepTime, TRIGGER_GEOMETRY, triggerGeometry } from './trigger-geometry';
import { triggerLabels } from './trigger-labels';
import { trimSilence } from './trim-silence';

const g = triggerGeometry();
const ones = (y: Float32Array) => Array.from(y.keys()).filter((i) => y[i] === 1);

describe('trigger geometry and labels', () => {
  it('has 329 steps 30 ms apart per 10 s clip', () => {
    // 160,000 samples, hop 160, centred: 1,001 frames; Conv1D 15 wide, stride 3: (1001 - 15) / 3 + 1 = 329
    expect([g.samples, g.frames, g.steps, g.stepSeconds]).toEqual([160000, 1001, 329, 0.03]);
    // step i has heard frames up to 3i + 14, which end (3i + 14)·160 + 256 samples in
    expect(stepTime(g, 0)).toBeCloseTo(0.156, 12);
    expect(stepTime(g, 328)).toBeCloseTo((998 * 160 + 256) / 16000, 12);
    expect(() => triggerGeometry({ ...TRIGGER_GEOMETRY, stride: 0 })).toThrow('stride should be a positive integer');
    expect(() => triggerGeometry({ ...TRIGGER_GEOMETRY, clipSeconds: 0.05 })).toThrow('fewer than the Conv1D kernel');
  });

  it('labels the 12 steps in the 0.36 s after each trigger word', () => {
    // end 1.0 s: step times 0.156 + 0.03 i; 1.0 < t ≤ 1.36 ⇔ 28.1 < i ≤ 40.1 ⇒ steps 29 … 40
    expect(ones(triggerLabels([1.0], g))).toEqual(Array.from({ length: 12 }, (_, k) => 29 + k));
    // end 5.2 s: 5.2 < 0.156 + 0.03 i ≤ 5.56 ⇔ 168.1 < i ≤ 180.1 ⇒ steps 169 … 180; two words, 24 ones
    const two = triggerLabels([1.0, 5.2], g);
    expect(ones(two).filter((i) => i > 100)).toEqual(Array.from({ length: 12 }, (_, k) => 169 + k));
    expect(ones(two)).toHaveLength(24);
    // a word ending at 9.9 s keeps only the steps left in the clip: 9.9 < t ≤ 9.996 ⇒ steps 325 … 328
    expect(ones(triggerLabels([9.9], g))).toEqual([325, 326, 327, 328]);
    // a word ending before the first step: 0 < t ≤ 0.36 ⇒ steps 0 … 6 (0.156 … 0.336)
    expect(ones(triggerLabels([0], g))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ones(triggerLabels([], g))).toEqual([]);
  });
});

describe('trigger events', () => {
  const times = [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21];
  it('merges runs at or above the threshold into events placed at their highest (or first) step', () => {
    const curve = [0.1, 0.7, 0.9, 0.2, 0.6, 0.5, 0.1, 0.8];
    expect(detectTriggers(curve, times, { minGapSeconds: 0 })).toEqual([
      { time: 0.06, startTime: 0.03, score: 0.9, endTime: 0.06 }, // the peak, 0.9, is the run's second step
      { time: 0.12, startTime: 0.12, score: 0.6, endTime: 0.15 }, // 0.5 counts: at or above
      { time: 0.21, startTime: 0.21, score: 0.8, endTime: 0.21 },
    ]);
    expect(detectTriggers(curve, times, { minGapSeconds: 0, placement: 'first' }).map((e) => e.time)).toEqual([
      0.03, 0.12, 0.21,
    ]);
    // gaps 0.12 - 0.06 = 0.06 and 0.21 - 0.15 = 0.06 are shorter than 0.1 s: one event, its peak 0.9 at 0.06
    expect(detectTriggers(curve, times, { minGapSeconds: 0.1 })).toEqual([
      { time: 0.06, startTime: 0.03, score: 0.9, endTime: 0.21 },
    ]);
    expect(detectTriggers(curve, times, { threshold: 0.95 })).toEqual([]);
    expect(() => detectTriggers([0.5], times)).toThrow('1 curve values for 8 step times');
  });

  it('matches an event within 0.5 s after a word end, once per word', () => {
    // 1.2 claims the word ending at 1.0; 1.4 finds it claimed (false positive); 3.0 claims 2.9; 5.0 is missed
    expect(matchTriggers([1.4, 1.2, 3.0], [1.0, 2.9, 5.0])).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
    });
    // before the end, or later than 0.5 s after it: no match
    expect(matchTriggers([0.99], [1.0]).truePositives).toBe(0);
    expect(matchTriggers([1.5], [1.0]).truePositives).toBe(1);
    expect(matchTriggers([1.51], [1.0]).truePositives).toBe(0);
    expect(matchTriggers([], [])).toEqual({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });
    // 3 hits, 1 false alarm, 2 misses: P = 3/4, R = 3/5, F1 = 2·0.75·0.6 / 1.35 = 2/3
    const s = triggerScores([
      { truePositives: 2, falsePositives: 1, falseNegatives: 1 },
      { truePositives: 1, falsePositives: 0, falseNegatives: 1 },
    ]);
    expect([s.precision, s.recall, s.f1]).toEqual([0.75, 0.6, expect.closeTo(2 / 3, 12)]);
    expect(triggerScores([]).f1).toBe(0);
  });

  it('scores curves and tunes the threshold on them', () => {
    const times = stepTimes(g);
    // a clip whose word ends at 2.0 s: the curve reaches 0.4 at 2.1 s, and 0.3 (a false alarm) at 7 s
    const curve = new Float32Array(g.steps).fill(0.05);
    curve.forEach((_, i) => {
      if (times[i] > 2.05 && times[i] < 2.3) curve[i] = 0.4;
      if (times[i] > 7 && times[i] < 7.1) curve[i] = 0.3;
    });
    expect(scoreTriggerCurves([curve], [[2.0]], g).f1).toBe(0); // nothing at 0.5
    expect(scoreTriggerCurves([curve], [[2.0]], g, { threshold: 0.25 }).precision).toBe(0.5);
    // 0.35 and 0.4 both give F1 1; 0.4 is closer to 0.5
    expect(tuneTriggerThreshold([curve], [[2.0]], g)).toEqual({ threshold: 0.4, f1: 1 });
  });
});

describe('chime and silence trimming', () => {
  it('generates a chime and adds it at the given times', () => {
    const ding = chimeTone(8000, { seconds: 0.25, amplitude: 0.5 });
    expect(ding).toHaveLength(2000);
    expect(Math.max(...ding.map(Math.abs))).toBeCloseTo(0.5, 6);
    expect(ding[0]).toBe(0); // the 5 ms attack starts at 0: no click
    const base = new Float32Array(8000).fill(0.1);
    const [out] = insertChimes([base], 8000, [0.5], { seconds: 0.25, amplitude: 0.5 });
    expect(base[4001]).toBeCloseTo(0.1, 6); // the input is kept
    expect(Array.from(out.subarray(0, 4000))).toEqual(Array.from(base.subarray(0, 4000)));
    expect(out[4000 + 100]).toBeCloseTo(0.1 + ding[100], 6);
    expect(Array.from(out.subarray(6000))).toEqual(Array.from(base.subarray(6000)));
    const [loud] = insertChimes([new Float32Array(4000).fill(0.9)], 8000, [0.1, 0.45]);
    expect(Math.max(...loud)).toBeLessThanOrEqual(1); // clipped; the chime at 0.45 s is cut at the end
  });

  it('trims silence around a word to the 10 ms frames within 40 dB of the loudest', () => {
    const x = new Float32Array(16000);
    for (let i = 4000; i < 9000; i++) x[i] = 0.5 * Math.sin(i * 0.3);
    for (let i = 0; i < x.length; i++) x[i] += i % 2 ? 1e-4 : -1e-4; // -66 dB of hiss: below the floor
    const word = trimSilence(x, 16000);
    expect(word.byteOffset / 4).toBe(4000); // frames of 160 samples: 4000 starts frame 25
    expect(word.length).toBe(5120); // frames 25 … 56 (9000 lies in frame 56, which ends at 9120)
    expect(trimSilence(new Float32Array(100), 16000)).toHaveLength(100);
  });
});

describe('composeTriggerClip', () => {
  /** Fixed-length "words" (0.6 s trigger, 0.4 s others) and white background. */
  const source: TriggerSource = {
    positive: async () => new Float32Array(9600).fill(0.2),
    negative: async (rng: Rng) => ({ samples: new Float32Array(6400).fill(-0.2), label: `w${rng.int(3)}` }),
    background: async (rng: Rng, n: number) => {
      const x = new Float32Array(n);
      for (let i = 0; i < n; i += 100) x[i] = rng.normal(); // sparse clicks: cheap, still seeded
      return x;
    },
  };
  it('places words without overlap, trigger words ending 0.5 s before the end, seeded', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const clip = await composeTriggerClip(source, seed, {
        sampleRate: 16000,
        clipSeconds: 4,
        positives: [2, 2],
        negatives: [1, 1],
      });
      expect(clip.samples).toHaveLength(64000);
      expect(clip.words).toHaveLength(3); // 1.6 s of words (and gaps) in 4 s: all placed
      clip.words.slice(1).forEach((w, k) => expect(w.start).toBeGreaterThanOrEqual(clip.words[k].end + 0.05 - 1e-9));
      expect(clip.triggerEnds).toEqual(clip.words.filter((w) => w.trigger).map((w) => w.end));
      clip.triggerEnds.forEach((end) => expect(end).toBeLessThanOrEqual(3.5));
    }
    const options = { sampleRate: 16000, clipSeconds: 4 };
    const [a, b] = [await composeTriggerClip(source, 3, options), await composeTriggerClip(source, 3, options)];
    expect(b.samples).toEqual(a.samples);
    expect(b.words).toEqual(a.words);
  });
});
