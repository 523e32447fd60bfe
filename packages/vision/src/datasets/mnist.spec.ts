import { loadMnist, mnistSplit, MNIST_PIXELS } from './mnist';

describe('mnist', () => {
  it('loads ~10,000 real digits with about 1,000 per class and pixel values in [0, 1]', () => {
    const all = loadMnist();
    expect(all.count).toBe(10000);
    const counts = new Array(10).fill(0);
    all.labels.forEach((l) => counts[l]++);
    counts.forEach((c) => expect(c).toBeGreaterThan(800));
    let min = Infinity;
    let max = -Infinity;
    for (const v of all.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBeLessThanOrEqual(1);
    expect(max).toBeGreaterThan(0.99);
  });

  it('splits 8,000 / 2,000, stratified, disjoint and the same every time', () => {
    const a = mnistSplit();
    const b = mnistSplit();
    expect(a.train.count).toBe(8000);
    expect(a.test.count).toBe(2000);
    expect(a.test.labels).toEqual(b.test.labels);
    expect(a.test.images.subarray(0, 784)).toEqual(b.test.images.subarray(0, 784));
    // stratified: every class is ~20% held out
    const all = loadMnist();
    const total = new Array(10).fill(0);
    const test = new Array(10).fill(0);
    all.labels.forEach((l) => total[l]++);
    a.test.labels.forEach((l) => test[l]++);
    total.forEach((t, d) => expect(Math.abs(test[d] - t * 0.2)).toBeLessThanOrEqual(1));
    // disjoint: no test image appears in train (compare pixel fingerprints)
    const key = (set: typeof a.train, i: number) =>
      Buffer.from(set.images.buffer, i * MNIST_PIXELS * 4, MNIST_PIXELS * 4).toString('base64');
    const trainKeys = new Set(Array.from({ length: a.train.count }, (_, i) => key(a.train, i)));
    let shared = 0;
    for (let i = 0; i < a.test.count; i++) if (trainKeys.has(key(a.test, i))) shared++;
    expect(shared).toBeLessThan(5); // the package may hold a few exact duplicates, never a leak of the split
  });
});
