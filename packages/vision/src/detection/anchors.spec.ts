import { bestAnchor, encodeTargets, shapeIou } from './anchors';
import { YoloConfig } from './yolo-config';
import { decodeYoloGrid } from './yolo-decode';

const config: YoloConfig = {
  inputSize: 32,
  gridSize: 4,
  anchors: [
    [8, 8],
    [16, 8],
  ],
  labels: ['a', 'b', 'c'],
};

describe('anchor assignment', () => {
  it('shapeIou: boxes aligned at the centre', () => {
    // 10×20 vs 12×12: ∩ 10·12 = 120, ∪ 200 + 144 - 120 = 224.
    expect(shapeIou([10, 20], [12, 12])).toBeCloseTo(120 / 224, 12);
    // 10×20 vs 10×24: ∩ 200, ∪ 200 + 240 - 200 = 240.
    expect(shapeIou([10, 20], [10, 24])).toBeCloseTo(200 / 240, 12);
  });

  it('bestAnchor picks the best shape match (YOLOv2)', () => {
    expect(
      bestAnchor(
        [10, 20],
        [
          [12, 12],
          [10, 24],
        ],
      ),
    ).toBe(1);
    // 7×7 vs 8×8: 49/64 = 0.77; vs 16×8: 49/128 = 0.38 -> anchor 0. 15×9 vs 8×8: 64/(135+64-64) = 0.47; vs 16×8: 120/(135+128-120) = 0.84 -> 1.
    expect(bestAnchor([7, 7], config.anchors)).toBe(0);
    expect(bestAnchor([15, 9], config.anchors)).toBe(1);
  });

  it('encodeTargets writes offsets, log sizes, objectness and one-hot class in the responsible slot', () => {
    // Box [10, 2, 25, 11]: centre (17.5, 6.5), 15×9. Stride 8: col floor(2.1875) = 2, row floor(0.8125) = 0.
    // Anchor 1 (16×8): x* = 0.1875, y* = 0.8125, w* = log(15/16), h* = log(9/8).
    const { target, dropped } = encodeTargets([{ box: [10, 2, 25, 11], classId: 2 }], config);
    expect(dropped).toBe(0);
    const K = 8;
    const base = (0 * 4 + 2) * 2 * K + 1 * K;
    const slot = Array.from(target.subarray(base, base + K));
    const expected = [0.1875, 0.8125, Math.log(15 / 16), Math.log(9 / 8), 1, 0, 0, 1];
    slot.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    // Everything else is zero.
    expect(target.reduce((s, v) => s + Math.abs(v), 0)).toBeCloseTo(
      expected.reduce((s, v) => s + Math.abs(v), 0),
      5,
    );
  });

  it('drops a second object wanting the same slot, and validates inputs', () => {
    const { dropped } = encodeTargets(
      [
        { box: [0, 0, 7, 7], classId: 0 },
        { box: [1, 1, 7, 7], classId: 1 }, // same cell (0, 0), same anchor 0
      ],
      config,
    );
    expect(dropped).toBe(1);
    expect(() => encodeTargets([{ box: [0, 0, 0, 5], classId: 0 }], config)).toThrow(/empty/);
    expect(() => encodeTargets([{ box: [0, 0, 5, 5], classId: 3 }], config)).toThrow(/classId 3 is outside \[0, 3\)/);
  });
});

describe('decodeYoloGrid', () => {
  it('decodes sigmoid offsets + cell index and exp(t)·anchor (hand-worked)', () => {
    const grid = new Float32Array(4 * 4 * 2 * 8).fill(-20); // objectness σ(-20) ≈ 2e-9: nothing
    // Cell row 1, col 3, anchor 1: tx = 0 (σ = 0.5), ty = ln 3 (σ = 0.75), tw = ln 2, th = 0, to = ln 9 (σ = 0.9),
    // class logits [0, ln 3, 0] -> softmax [0.2, 0.6, 0.2].
    const base = (1 * 4 + 3) * 2 * 8 + 8;
    grid.set([0, Math.log(3), Math.log(2), 0, Math.log(9), 0, Math.log(3), 0], base);
    const dets = decodeYoloGrid(grid, config, { minScore: 0.1 });
    expect(dets).toHaveLength(1);
    // cx = (3 + 0.5)·8 = 28, cy = (1 + 0.75)·8 = 14, w = 16·2 = 32, h = 8·1 = 8 -> [12, 10, 44, 18]; score 0.9·0.6 = 0.54.
    dets[0].box.forEach((v, i) => expect(v).toBeCloseTo([12, 10, 44, 18][i], 4));
    expect(dets[0].score).toBeCloseTo(0.54, 5);
    expect(dets[0].classId).toBe(1);
  });

  it('round-trips encodeTargets when the logits invert the targets', () => {
    const box: [number, number, number, number] = [10, 2, 25, 11];
    const { target } = encodeTargets([{ box, classId: 0 }], config);
    const logit = (p: number) => Math.log(p / (1 - p));
    const grid = new Float32Array(target.length).fill(-30);
    const base = (0 * 4 + 2) * 2 * 8 + 8;
    grid.set([logit(target[base]), logit(target[base + 1]), target[base + 2], target[base + 3], 30, 10, 0, 0], base);
    const [det] = decodeYoloGrid(grid, config, { minScore: 0.5 });
    det.box.forEach((v, i) => expect(v).toBeCloseTo(box[i], 3));
  });

  it('names the expected size on a wrong grid', () => {
    expect(() => decodeYoloGrid(new Float32Array(10), config)).toThrow(/expected 4×4×16 = 256/);
  });
});
