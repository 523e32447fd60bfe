import { RandomAffine } from './random-affine';

describe('RandomAffine', () => {
  const size = 8;
  const img = new Float32Array(size * size);
  img[3 * size + 4] = 1; // one bright pixel at (x=4, y=3)

  it('is the identity when all ranges are zero', () => {
    const aug = new RandomAffine({ size, maxRotation: 0, maxScale: 0, maxShift: 0 });
    expect(Array.from(aug.apply(img, 1))).toEqual(Array.from(img));
  });

  it('translates by whole pixels exactly (maxShift chosen so the draw is an integer shift)', () => {
    // With rotation and scale off and both shifts forced to +1 px, the pixel moves from (4, 3) to (5, 4).
    const aug = new RandomAffine({ size, maxRotation: 0, maxScale: 0, maxShift: 1 / size });
    (aug.rng as unknown as { range: (a: number, b: number) => number }).range = (_a, b) => b * 1; // force +max
    const out = aug.apply(img, 1);
    expect(out[4 * size + 5]).toBeCloseTo(1);
    expect(out[3 * size + 4]).toBeCloseTo(0);
  });

  it('rotates about the centre: 90 degrees maps (x, y) to the expected place', () => {
    const aug = new RandomAffine({ size, maxRotation: Math.PI / 2, maxScale: 0, maxShift: 0 });
    (aug.rng as unknown as { range: (a: number, b: number) => number }).range = (_a, b) => b; // +90°, no shift
    const out = aug.apply(img, 1);
    // centre c = 3.5; p - c = (0.5, -0.5); rotating by +90° (y down) gives (0.5, 0.5) -> (4, 4)
    expect(out[4 * size + 4]).toBeCloseTo(1, 5);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
  });

  it('is seeded: same seed, same output; keeps the batch layout', () => {
    const batch = new Float32Array(3 * size * size).map((_, i) => (i % 7) / 7);
    const a = new RandomAffine({ size, seed: 5 }).apply(batch, 3);
    const b = new RandomAffine({ size, seed: 5 }).apply(batch, 3);
    const c = new RandomAffine({ size, seed: 6 }).apply(batch, 3);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(() => new RandomAffine({ size }).apply(batch, 2)).toThrow(/expected 2 images/);
  });
});
