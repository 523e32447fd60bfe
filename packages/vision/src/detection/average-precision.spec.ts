import { apFromMatches, meanAveragePrecision } from './average-precision';
import { Detection } from './nms';

describe('apFromMatches (all-point interpolation)', () => {
  it('matches a hand-worked PR curve', () => {
    // 3 ground truths, detections by score: TP, FP, TP, FP, TP.
    // recall:    1/3, 1/3, 2/3, 2/3, 1
    // precision: 1,   1/2, 2/3, 1/2, 3/5
    // envelope:  1,   2/3, 2/3, 3/5, 3/5
    // AP = 1/3·1 + 0·(2/3) + 1/3·2/3 + 0 + 1/3·3/5 = 1/3 + 2/9 + 1/5 = 0.75556
    expect(apFromMatches([true, false, true, false, true], 3)).toBeCloseTo(1 / 3 + 2 / 9 + 1 / 5, 12);
  });

  it('is 1 for perfect ranking, counts missed ground truth, NaN without ground truth', () => {
    expect(apFromMatches([true, true, false], 2)).toBe(1);
    // 4 GT, only 2 found, both ranked first: recall reaches 1/2 at precision 1 -> AP 0.5.
    expect(apFromMatches([true, true, false, false], 4)).toBe(0.5);
    // FP first: precision 0, 1/2 at recall 1 -> AP 1·1/2.
    expect(apFromMatches([false, true], 1)).toBe(0.5);
    expect(apFromMatches([], 0)).toBeNaN();
    expect(apFromMatches([false], 2)).toBe(0);
  });
});

describe('meanAveragePrecision', () => {
  const det = (box: [number, number, number, number], score: number, classId: number): Detection => ({
    box,
    score,
    classId,
  });

  it('matches each ground truth once, by score order, per image and class (hand-worked)', () => {
    const truths = [
      [
        { box: [0, 0, 10, 10] as [number, number, number, number], classId: 0 },
        { box: [20, 20, 30, 30] as [number, number, number, number], classId: 1 },
      ],
      [{ box: [0, 0, 10, 10] as [number, number, number, number], classId: 0 }],
    ];
    const predictions = [
      [
        det([0, 0, 10, 10], 0.9, 0), // TP (image 0 GT 0)
        det([1, 1, 10, 10], 0.8, 0), // duplicate of the same GT: FP
        det([20, 20, 30, 30], 0.7, 0), // wrong class: FP for class 0
        det([21, 20, 31, 30], 0.6, 1), // IoU 90/110 = 0.82: TP for class 1
      ],
      [
        det([5, 0, 15, 10], 0.95, 0), // IoU 50/150 = 0.33 < 0.5: FP
        det([0, 0, 9, 10], 0.5, 0), // IoU 90/100: TP
      ],
    ];
    // Class 0 by score: 0.95 FP, 0.9 TP, 0.8 FP, 0.7 FP, 0.5 TP; 2 GT.
    // recall 0, 1/2, 1/2, 1/2, 1; precision 0, 1/2, 1/3, 1/4, 2/5; envelope 1/2, 1/2, 2/5, 2/5, 2/5.
    // AP = 1/2·1/2 + 1/2·2/5 = 0.45. Class 1: AP 1. mAP 0.725.
    const r = meanAveragePrecision(predictions, truths, { classes: 3 });
    expect(r.perClass[0]).toBeCloseTo(0.45, 12);
    expect(r.perClass[1]).toBe(1);
    expect(r.perClass[2]).toBeNaN(); // no ground truth: left out of the mean
    expect(r.map).toBeCloseTo(0.725, 12);
    // A stricter IoU turns the 0.82 match into a miss.
    expect(meanAveragePrecision(predictions, truths, { classes: 3, iouThreshold: 0.85 }).perClass[1]).toBe(0);
  });

  it('checks the image counts', () => {
    expect(() => meanAveragePrecision([[]], [], { classes: 1 })).toThrow(/1 prediction lists for 0 images/);
  });
});
