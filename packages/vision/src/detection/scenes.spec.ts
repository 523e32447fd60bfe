import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { boxArea } from './boxes';
import { SCENE_DETECTOR_CONFIG } from './train-detector';
import { SCENE_LABELS, SceneDataset, generateScene, sceneSeed } from './scenes';

beforeAll(async () => {
  await initBackend();
});

describe('generated scenes', () => {
  it('are deterministic per seed, and the train and test streams differ', () => {
    const a = generateScene(sceneSeed(1, 'train', 5));
    const b = generateScene(sceneSeed(1, 'train', 5));
    expect(a.pixels).toEqual(b.pixels);
    expect(a.objects).toEqual(b.objects);
    const seeds = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      seeds.add(sceneSeed(1, 'train', i));
      seeds.add(sceneSeed(1, 'test', i));
    }
    expect(seeds.size).toBe(4000);
  });

  it('paint each object in its box on a noisy background (real pixels)', () => {
    let objects = 0;
    const classes = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const s = generateScene(sceneSeed(3, 'test', i));
      expect(s.objects.length).toBeGreaterThanOrEqual(1);
      expect(s.objects.length).toBeLessThanOrEqual(4);
      for (const o of s.objects) {
        classes.add(o.classId);
        objects++;
        const [x1, y1, x2, y2] = o.box;
        expect(x1).toBeGreaterThanOrEqual(0);
        expect(y1).toBeGreaterThanOrEqual(0);
        expect(y2 - y1).toBeGreaterThanOrEqual(10);
        expect(y2).toBeLessThanOrEqual(64);
        expect(x2 - x1).toBeGreaterThanOrEqual(10);
        expect(x2 - x1).toBeLessThanOrEqual(26);
      }
      // Overlaps are partial: no pair shares more than 35 % of the smaller box.
      for (const a of s.objects) {
        for (const b of s.objects) {
          if (a === b) continue;
          const iw = Math.max(0, Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]));
          const ih = Math.max(0, Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]));
          expect((iw * ih) / Math.min(boxArea(a.box), boxArea(b.box))).toBeLessThanOrEqual(0.35);
        }
      }
      // Values in [0, 1] and not constant (noise).
      let min = 1;
      let max = 0;
      for (const v of s.pixels) [min, max] = [Math.min(min, v), Math.max(max, v)];
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(1);
      expect(max - min).toBeGreaterThan(0.2);
    }
    expect(classes.size).toBe(SCENE_LABELS.length);
    expect(objects).toBeGreaterThan(40);
  });

  it('SceneDataset batches images and target grids without leaking', async () => {
    const ds = new SceneDataset(10, SCENE_DETECTOR_CONFIG, 1, 'train');
    const { x, y } = ds.batch([0, 3]);
    expect(x.shape).toEqual([2, 64, 64, 3]);
    expect(y.shape).toEqual([2, 8, 8, 16]);
    // One objectness 1 per object (no slot collisions in these two scenes, or fewer if dropped).
    const objectness = tf.tidy(() => tf.sum(tf.reshape(y, [-1, 8]).slice([0, 4], [-1, 1])).dataSync()[0]);
    const count = ds.scene(0).objects.length + ds.scene(3).objects.length;
    expect(objectness).toBeGreaterThan(0);
    expect(objectness).toBeLessThanOrEqual(count);
    tf.dispose([x, y]);
    await expectNoLeak(() => tf.dispose(Object.values(ds.batch([1, 2]))));
  });
});
