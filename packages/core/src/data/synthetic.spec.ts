import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectNoLeak } from '../testing';
import {
  circles,
  concatSynthetic,
  footballBoundary,
  footballLike,
  moons,
  planarFlower,
  positiveRate,
  syntheticRow,
  syntheticSubset,
  syntheticTensors,
  trainTestSplit,
} from './synthetic';
import type { SyntheticDataset } from './synthetic';

const radius = (p: number[]) => Math.hypot(p[0], p[1]);
const rows = (ds: SyntheticDataset) => Array.from({ length: ds.shape[0] }, (_, i) => syntheticRow(ds, i));
const count = (ds: SyntheticDataset, label: number) => ds.y.filter((v) => v === label).length;

describe('planarFlower (course 1 week 3 load_planar_dataset)', () => {
  it('400 points, 200 per class, reproducible per seed', () => {
    const ds = planarFlower();
    expect(ds.shape).toEqual([400, 2]);
    expect(count(ds, 0)).toBe(200);
    expect(count(ds, 1)).toBe(200);
    expect(planarFlower({ seed: 5 })).toEqual(planarFlower({ seed: 5 }));
    expect(planarFlower({ seed: 5 }).x).not.toEqual(planarFlower({ seed: 6 }).x);
  });

  it('without noise, every point lies on the rose r = 4 |sin(4t)|, t = atan2(x, y)', () => {
    const ds = planarFlower({ noise: 0 });
    for (const p of rows(ds)) {
      const t = Math.atan2(p[0], p[1]); // x = r sin t, y = r cos t
      expect(radius(p)).toBeCloseTo(4 * Math.abs(Math.sin(4 * t)), 4);
    }
  });

  it('with noise 0.2 the radii stay within the petal length plus a few noise stds', () => {
    const r = rows(planarFlower()).map(radius);
    expect(Math.max(...r)).toBeLessThan(4 + 5 * 0.2);
    expect(Math.max(...r)).toBeGreaterThan(3.5); // petals reach out to ~a
  });
});

describe('circles (make_circles-like)', () => {
  it('noise 0: outer radius 1 is label 0, inner radius factor is label 1, evenly spaced', () => {
    const ds = circles({ n: 10, noise: 0, factor: 0.5 });
    rows(ds).forEach((p, i) => expect(radius(p)).toBeCloseTo(ds.y[i] === 0 ? 1 : 0.5, 5));
    expect(count(ds, 0)).toBe(5);
    expect(count(ds, 1)).toBe(5);
  });

  it('course defaults (300 points, noise 0.05, factor 0.8): balanced, radii in their bands, shuffled', () => {
    const ds = circles();
    expect(ds.shape).toEqual([300, 2]);
    expect(positiveRate(ds)).toBe(0.5);
    rows(ds).forEach((p, i) => {
      const r = radius(p);
      // noise 0.05 per coordinate: the radius moves by less than 5 std = 0.25
      if (ds.y[i] === 0) expect(Math.abs(r - 1)).toBeLessThan(0.25);
      else expect(Math.abs(r - 0.8)).toBeLessThan(0.25);
    });
    const firstHalf = Array.from(ds.y.subarray(0, 150));
    expect(firstHalf.some((v) => v === 1) && firstHalf.some((v) => v === 0)).toBe(true);
    expect(circles({ seed: 2 })).toEqual(circles({ seed: 2 }));
    expect(() => circles({ factor: 1 })).toThrow(/factor must be in \(0, 1\), got 1/);
  });
});

describe('moons (make_moons-like)', () => {
  it('noise 0: upper moon on the unit circle (label 0), lower moon on the circle around (1, 0.5) (label 1)', () => {
    const ds = moons({ n: 50, noise: 0 });
    rows(ds).forEach((p, i) => {
      if (ds.y[i] === 0) {
        expect(radius(p)).toBeCloseTo(1, 5);
        expect(p[1]).toBeGreaterThanOrEqual(-1e-6);
      } else {
        expect(Math.hypot(p[0] - 1, p[1] - 0.5)).toBeCloseTo(1, 5);
        expect(p[1]).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    });
  });

  it('course defaults (300 points, noise 0.2): balanced, spread over x in about [-1.5, 2.5], reproducible', () => {
    const ds = moons();
    expect(ds.shape).toEqual([300, 2]);
    expect(positiveRate(ds)).toBe(0.5);
    const xs = rows(ds).map((p) => p[0]);
    expect(Math.min(...xs)).toBeGreaterThan(-2);
    expect(Math.max(...xs)).toBeLessThan(3);
    expect(moons({ seed: 3 })).toEqual(moons());
    expect(() => moons({ noise: -1 })).toThrow(/noise must be a finite number >= 0/);
  });
});

describe('footballLike (course 2 week 1 regularization stand-in)', () => {
  it('points on the field, both classes well represented, labels mostly follow the wavy boundary', () => {
    const ds = footballLike({ n: 2000, flip: 0.1 });
    let agree = 0;
    rows(ds).forEach((p, i) => {
      expect(p[0]).toBeGreaterThanOrEqual(-0.75);
      expect(p[0]).toBeLessThan(0.45);
      expect(p[1]).toBeGreaterThanOrEqual(-0.75);
      expect(p[1]).toBeLessThan(0.65);
      if ((p[1] > footballBoundary(p[0]) ? 1 : 0) === ds.y[i]) agree++;
    });
    // 10% flips plus the fuzzy band: about 86-90% agree with the clean boundary
    expect(agree / 2000).toBeGreaterThan(0.84);
    expect(agree / 2000).toBeLessThan(0.92);
    expect(positiveRate(ds)).toBeGreaterThan(0.35);
    expect(positiveRate(ds)).toBeLessThan(0.65);
  });

  it('flip = 0 and a narrow band give a nearly clean boundary', () => {
    const ds = footballLike({ n: 1000, flip: 0, width: 1e-4 });
    const agree = rows(ds).filter((p, i) => (p[1] > footballBoundary(p[0]) ? 1 : 0) === ds.y[i]).length;
    expect(agree).toBeGreaterThanOrEqual(998);
  });
});

describe('trainTestSplit, subset, concat, toTensors', () => {
  it('splits disjointly, reproducibly, with round(m * testFraction) test examples', () => {
    const ds = moons({ n: 101 });
    const { train, test } = trainTestSplit(ds, { testFraction: 0.2, seed: 4 });
    expect(test.shape).toEqual([20, 2]);
    expect(train.shape).toEqual([81, 2]);
    const key = (p: number[]) => p.join(',');
    const all = new Set(rows(ds).map(key));
    const seen = new Set([...rows(train), ...rows(test)].map(key));
    expect(seen).toEqual(all);
    expect(trainTestSplit(ds, { testFraction: 0.2, seed: 4 })).toEqual({ train, test });
    expect(trainTestSplit(ds, { testFraction: 0.2, seed: 5 }).test.x).not.toEqual(test.x);
    expect(() => trainTestSplit(ds, { testFraction: 1 })).toThrow(/testFraction must be in \(0, 1\), got 1/);
  });

  it('subset keeps labels with their points; concat appends', () => {
    const ds = circles({ n: 6, noise: 0 });
    const s = syntheticSubset(ds, [4, 1]);
    expect(syntheticRow(s, 0)).toEqual(syntheticRow(ds, 4));
    expect(s.y[1]).toBe(ds.y[1]);
    const c = concatSynthetic(s, ds);
    expect(c.shape).toEqual([8, 2]);
    expect(syntheticRow(c, 2)).toEqual(syntheticRow(ds, 0));
    expect(() => syntheticSubset(ds, [6])).toThrow(/index 6 is outside 0..5/);
  });

  it('toTensors gives X [m, n] and Y [m, 1]', async () => {
    await initBackend();
    const { X, Y } = syntheticTensors(moons({ n: 10 }));
    expect(X.shape).toEqual([10, 2]);
    expect(Y.shape).toEqual([10, 1]);
    tf.dispose([X, Y]);
    const ds = moons({ n: 10 });
    await expectNoLeak(() => {
      const t = syntheticTensors(ds);
      tf.dispose([t.X, t.Y]);
    });
  });
});
