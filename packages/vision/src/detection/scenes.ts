/**
 * Synthetic detection scenes generated in code (seeded): circles, squares and triangles of random
 * size, colour and position on noisy, shaded backgrounds, partial overlaps allowed. Scene i of a
 * stream is a pure function of (stream seed, i), so training and held-out scenes come from disjoint
 * streams and a dataset never has to be stored.
 *
 * @example
 * const scene = generateScene(sceneSeed(1, 'test', 0));
 * scene.pixels; // Float32Array [64 * 64 * 3], RGB in [0, 1], HWC
 * scene.objects; // [{ box: [x1, y1, x2, y2], classId }, ...]
 */
import * as tf from '@tensorflow/tfjs';
import { Dataset, Rng, streamSeed } from '@dlkit/core';
import { GroundTruth, encodeTargets } from './anchors';
import { CornerBox, boxArea } from './boxes';
import { YoloConfig, outputChannels } from './yolo-config';

export const SCENE_LABELS = ['circle', 'square', 'triangle'];

export interface SceneOptions {
  /** Square image side in pixels. */
  size?: number;
  /** Objects per scene, drawn uniformly in [min, max]. */
  minObjects?: number;
  maxObjects?: number;
  /** Object side (circle diameter) in pixels, uniform in [min, max]. */
  minSide?: number;
  maxSide?: number;
  /**
   * Largest share of the smaller of two objects' boxes that their intersection may cover: partial
   * overlaps, but no object hidden behind another (IoU alone would allow a small shape fully
   * covered by a big one: 10² / 26² = 0.15).
   */
  maxOverlap?: number;
  /** Std of the per-pixel Gaussian noise. */
  noise?: number;
}

export const SCENE_DEFAULTS = {
  size: 64,
  minObjects: 1,
  maxObjects: 4,
  minSide: 10,
  maxSide: 26,
  maxOverlap: 0.35,
  noise: 0.08,
} satisfies Required<SceneOptions>;

export interface Scene {
  /** [size, size, 3] RGB in [0, 1], row-major HWC. */
  pixels: Float32Array;
  size: number;
  objects: GroundTruth[];
}

/** The seed of scene `index` in a named stream (train / test / ...) of run seed `seed`. */
export function sceneSeed(seed: number, stream: string, index: number): number {
  return streamSeed(seed, stream, index);
}

export function generateScene(seed: number, options: SceneOptions = {}): Scene {
  const o = { ...SCENE_DEFAULTS, ...options };
  const rng = new Rng(seed);
  const n = o.size;
  const pixels = new Float32Array(n * n * 3);
  // Background: a random colour with a linear shading across the image.
  const bg = [rng.uniform(), rng.uniform(), rng.uniform()];
  const gx = rng.range(-0.25, 0.25);
  const gy = rng.range(-0.25, 0.25);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const shade = gx * (x / n - 0.5) + gy * (y / n - 0.5);
      for (let c = 0; c < 3; c++) pixels[(y * n + x) * 3 + c] = bg[c] + shade;
    }
  }
  const objects: GroundTruth[] = [];
  const count = o.minObjects + rng.int(o.maxObjects - o.minObjects + 1);
  for (let k = 0, tries = 0; k < count && tries < 50; tries++) {
    const side = rng.range(o.minSide, o.maxSide);
    const x1 = rng.range(0, n - side);
    const y1 = rng.range(0, n - side);
    const box: [number, number, number, number] = [x1, y1, x1 + side, y1 + side];
    if (objects.some((g) => overlapOfSmaller(g.box, box) > o.maxOverlap)) continue;
    const classId = rng.int(SCENE_LABELS.length);
    // A colour that stands out from the background (mean channel distance >= 0.3).
    let colour = [rng.uniform(), rng.uniform(), rng.uniform()];
    for (let t = 0; t < 20 && colour.reduce((s, v, c) => s + Math.abs(v - bg[c]), 0) / 3 < 0.3; t++)
      colour = [rng.uniform(), rng.uniform(), rng.uniform()];
    paintShape(pixels, n, classId, box, colour);
    objects.push({ box, classId });
    k++;
  }
  // Noise: (u1 + u2 - 1) has std sqrt(1/6); ~4x cheaper than Box-Muller normals and as good here.
  const k = o.noise * Math.sqrt(6);
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = Math.min(1, Math.max(0, pixels[i] + k * (rng.uniform() + rng.uniform() - 1)));
  return { pixels, size: n, objects };
}

/** |A ∩ B| / min(|A|, |B|). */
function overlapOfSmaller(a: CornerBox, b: CornerBox): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return iw <= 0 || ih <= 0 ? 0 : (iw * ih) / Math.min(boxArea(a), boxArea(b));
}

/** Fills the pixels whose centres fall inside the shape. */
function paintShape(
  pixels: Float32Array,
  n: number,
  classId: number,
  [x1, y1, x2, y2]: number[],
  colour: number[],
): void {
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const r = (x2 - x1) / 2;
  const inside: (px: number, py: number) => boolean = [
    (px: number, py: number) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r, // circle
    () => true, // square: the whole box
    // Upward triangle: apex at the top centre, base along the bottom edge.
    (px: number, py: number) => Math.abs(px - cx) <= (r * (py - y1)) / (y2 - y1),
  ][classId];
  for (let y = Math.max(0, Math.floor(y1)); y < Math.min(n, Math.ceil(y2)); y++) {
    for (let x = Math.max(0, Math.floor(x1)); x < Math.min(n, Math.ceil(x2)); x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      if (px < x1 || px > x2 || py < y1 || py > y2 || !inside(px, py)) continue;
      for (let c = 0; c < 3; c++) pixels[(y * n + x) * 3 + c] = colour[c];
    }
  }
}

/**
 * A core Dataset of generated scenes: x [B, size, size, 3], y the YOLO target grid
 * [B, S, S, A * (5 + C)]. Each scene is generated on first use and then kept (64×64 RGB: 48 KB a
 * scene), since generating costs about as much as a training step.
 *
 * @example
 * const train = new SceneDataset(3000, SCENE_DETECTOR_CONFIG, 1, 'train');
 * const { x, y } = train.batch([0, 1]); // x [2, 64, 64, 3], y [2, 8, 8, 16]
 */
export class SceneDataset implements Dataset {
  private readonly cache = new Map<number, { scene: Scene; target: Float32Array }>();

  constructor(
    readonly size: number,
    private readonly config: YoloConfig,
    private readonly seed: number,
    private readonly stream: string,
    private readonly sceneOptions: SceneOptions = {},
  ) {
    if (!(Number.isInteger(size) && size > 0))
      throw new Error(`SceneDataset: size must be a positive integer, got ${size}`);
  }

  scene(index: number): Scene {
    return this.entry(index).scene;
  }

  private entry(index: number): { scene: Scene; target: Float32Array } {
    if (!(Number.isInteger(index) && index >= 0 && index < this.size))
      throw new Error(`SceneDataset: index ${index} is outside [0, ${this.size})`);
    let e = this.cache.get(index);
    if (!e) {
      const scene = generateScene(sceneSeed(this.seed, this.stream, index), {
        ...this.sceneOptions,
        size: this.config.inputSize,
      });
      e = { scene, target: encodeTargets(scene.objects, this.config).target };
      this.cache.set(index, e);
    }
    return e;
  }

  batch(indices: readonly number[]): { x: tf.Tensor; y: tf.Tensor } {
    const n = this.config.inputSize;
    const S = this.config.gridSize;
    const ch = outputChannels(this.config);
    const x = new Float32Array(indices.length * n * n * 3);
    const y = new Float32Array(indices.length * S * S * ch);
    indices.forEach((index, i) => {
      const { scene, target } = this.entry(index);
      x.set(scene.pixels, i * n * n * 3);
      y.set(target, i * S * S * ch);
    });
    return { x: tf.tensor4d(x, [indices.length, n, n, 3]), y: tf.tensor4d(y, [indices.length, S, S, ch]) };
  }
}
