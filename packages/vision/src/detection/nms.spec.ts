import { Detection, nonMaxSuppression, scoreThreshold } from './nms';

const d = (box: [number, number, number, number], score: number, classId = 0): Detection => ({ box, score, classId });

describe('scoreThreshold', () => {
  it('keeps scores >= the threshold in order', () => {
    const list = [d([0, 0, 1, 1], 0.3), d([0, 0, 1, 1], 0.1), d([0, 0, 1, 1], 0.25)];
    expect(scoreThreshold(list, 0.25).map((x) => x.score)).toEqual([0.3, 0.25]);
  });
});

describe('nonMaxSuppression', () => {
  it('greedily suppresses overlaps above the threshold (hand-worked list)', () => {
    const a = d([0, 0, 10, 10], 0.9);
    const b = d([1, 1, 11, 11], 0.8); // ∩ a = 9·9 = 81, ∪ = 200 - 81 = 119: IoU 0.681 > 0.45 -> dropped
    const c = d([5, 0, 15, 10], 0.7); // ∩ a = 5·10 = 50, ∪ = 150: IoU 0.333 -> kept (b is gone, so b∩c does not matter)
    const e = d([20, 20, 30, 30], 0.6); // disjoint -> kept
    const f = d([6, 0, 16, 10], 0.5); // ∩ c = 9·10 = 90, ∪ 110: IoU 0.818 -> dropped by c
    expect(nonMaxSuppression([f, e, c, b, a], { iouThreshold: 0.45 })).toEqual([a, c, e]);
  });

  it('works per class: an overlapping box of another class survives', () => {
    const a = d([0, 0, 10, 10], 0.9, 0);
    const b = d([0, 0, 10, 10], 0.8, 1); // identical box, other class
    const c = d([0, 0, 10, 10], 0.7, 0); // identical to a, same class -> dropped
    expect(nonMaxSuppression([a, b, c])).toEqual([a, b]);
  });

  it('uses a strict threshold: IoU exactly at the threshold is kept', () => {
    const a = d([0, 0, 4, 2], 0.9);
    const b = d([2, 0, 6, 2], 0.8); // IoU 4 / 12 = 1/3
    expect(nonMaxSuppression([a, b], { iouThreshold: 1 / 3 })).toHaveLength(2);
    expect(nonMaxSuppression([a, b], { iouThreshold: 0.3 })).toEqual([a]);
  });

  it('caps the count and validates the threshold', () => {
    const list = [d([0, 0, 1, 1], 0.5), d([5, 5, 6, 6], 0.6), d([9, 9, 10, 10], 0.7)];
    expect(nonMaxSuppression(list, { maxDetections: 2 }).map((x) => x.score)).toEqual([0.7, 0.6]);
    expect(() => nonMaxSuppression(list, { iouThreshold: 1.5 })).toThrow(/iouThreshold must be in \[0, 1\], got 1.5/);
  });
});
