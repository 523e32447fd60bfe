import { boxArea, centreToCorners, clipBox, cornersToCentre, iou } from './boxes';

describe('iou', () => {
  it('is 0 for disjoint and edge-touching boxes, 1 for identical boxes', () => {
    expect(iou([0, 0, 2, 2], [3, 3, 5, 5])).toBe(0);
    expect(iou([0, 0, 2, 2], [2, 0, 4, 2])).toBe(0); // share an edge: zero-area intersection
    expect(iou([1, 2, 7, 5], [1, 2, 7, 5])).toBe(1);
  });

  it('matches hand-worked partial overlaps', () => {
    // [0,0,2,2] ∩ [1,1,3,3] = [1,1,2,2], area 1; union 4 + 4 - 1 = 7.
    expect(iou([0, 0, 2, 2], [1, 1, 3, 3])).toBeCloseTo(1 / 7, 12);
    // [0,0,4,2] ∩ [2,0,6,2] = [2,0,4,2], area 4; union 8 + 8 - 4 = 12.
    expect(iou([0, 0, 4, 2], [2, 0, 6, 2])).toBeCloseTo(1 / 3, 12);
    // Containment: [0,0,10,10] ⊃ [2,2,7,7]: 25 / 100.
    expect(iou([0, 0, 10, 10], [2, 2, 7, 7])).toBeCloseTo(0.25, 12);
    // Symmetric.
    expect(iou([1, 1, 3, 3], [0, 0, 2, 2])).toBeCloseTo(1 / 7, 12);
  });

  it('treats degenerate boxes as empty', () => {
    expect(boxArea([3, 3, 1, 1])).toBe(0);
    expect(iou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });
});

describe('corner/centre conversion', () => {
  it('converts both ways (hand-worked)', () => {
    // centre (5, 4), size 6 × 2 -> corners (2, 3) .. (8, 5)
    expect(centreToCorners([5, 4, 6, 2])).toEqual([2, 3, 8, 5]);
    expect(cornersToCentre([2, 3, 8, 5])).toEqual([5, 4, 6, 2]);
    expect(cornersToCentre(centreToCorners([1.5, -2, 3, 7]))).toEqual([1.5, -2, 3, 7]);
  });

  it('clips to the image', () => {
    expect(clipBox([-3, 2, 110, 50], 100, 40)).toEqual([0, 2, 100, 40]);
  });
});
