// Geometry of the synthetic voxel scenes, checked on noise-free grids against closed forms.
import { generateVoxelScenes, VoxelScenes } from './scenes';
import { VOXEL_CLASS_NAMES } from './shapes';

const D = 16;

/** Occupied voxels (value > 0.5) of scene n: their count, centroid and bounding box (in voxel coordinates). */
function occupancy(s: VoxelScenes, n: number) {
  let count = 0;
  const sum = [0, 0, 0];
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let z = 0; z < D; z++) {
    for (let y = 0; y < D; y++) {
      for (let x = 0; x < D; x++) {
        if (s.grids[n * D ** 3 + (z * D + y) * D + x] > 0.5) {
          count++;
          [x + 0.5, y + 0.5, z + 0.5].forEach((v, k) => {
            sum[k] += v;
            lo[k] = Math.min(lo[k], v - 0.5);
            hi[k] = Math.max(hi[k], v + 0.5);
          });
        }
      }
    }
  }
  return { count, centroid: sum.map((v) => v / count), lo, hi };
}

const centreOf = (s: VoxelScenes, n: number) => [s.centres[n * 3], s.centres[n * 3 + 1], s.centres[n * 3 + 2]];
const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('generateVoxelScenes', () => {
  const clean = generateVoxelScenes(100, { seed: 3, size: D, noise: 0 });

  // Slow (~1-3 s): generates and checks hundreds of 3D scenes.
  it('is seeded, balanced over the classes, and keeps every shape inside the grid', () => {
    const again = generateVoxelScenes(100, { seed: 3, size: D, noise: 0 });
    const same = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
    expect(same(again.grids, clean.grids)).toBe(true);
    expect(same(generateVoxelScenes(100, { seed: 4, size: D, noise: 0 }).grids, clean.grids)).toBe(false);
    const counts = VOXEL_CLASS_NAMES.map((_, c) => clean.labels.filter((l) => l === c).length);
    expect(counts).toEqual([20, 20, 20, 20, 20]);
    for (let n = 0; n < clean.count; n++) {
      const c = centreOf(clean, n);
      const r = clean.radii[n];
      expect(r).toBeGreaterThanOrEqual(0.22 * D);
      expect(r).toBeLessThanOrEqual(0.32 * D);
      c.forEach((v) => {
        expect(v - r).toBeGreaterThanOrEqual(0);
        expect(v + r).toBeLessThanOrEqual(D);
      });
    }
  }, 30_000);

  it('draws each shape where its centre says, with the expected volume', () => {
    for (let n = 0; n < clean.count; n++) {
      const name = VOXEL_CLASS_NAMES[clean.labels[n]];
      const r = clean.radii[n];
      const c = centreOf(clean, n);
      const o = occupancy(clean, n);
      // Symmetric shapes: the centroid of the occupied voxels is the centre up to voxelisation
      // (the voxel grid can shift a symmetric solid's samples by at most half a voxel per axis).
      if (name !== 'cone') o.centroid.forEach((v, k) => expect(Math.abs(v - c[k])).toBeLessThanOrEqual(0.5));
      // Every shape: the occupied bounding box is centred on the centre within a voxel.
      const boxCentre = o.lo.map((l, k) => (l + o.hi[k]) / 2);
      expect(dist(boxCentre, c)).toBeLessThan(1.01);
      // Volumes: sphere 4/3 π r³, cube (1.6 r)³, rod π (0.4 r)² 2r, cone π r² 2r / 3, torus 2π² R ρ² (R = 0.7 r, ρ = 0.3 r).
      const volume: Record<string, number> = {
        sphere: (4 / 3) * Math.PI * r ** 3,
        cube: (1.6 * r) ** 3,
        rod: Math.PI * (0.4 * r) ** 2 * 2 * r,
        cone: (Math.PI * r * r * 2 * r) / 3,
        torus: 2 * Math.PI ** 2 * 0.7 * r * (0.3 * r) ** 2,
      };
      // Voxel centres sample the solid: a ball averages out, but a cube of side 3.7 can cover 3 or 4
      // voxel rows per axis (0.53x-1.3x), and thin parts (rod, torus tube, cone tip) voxelise coarsely.
      const [lo, hi] = name === 'sphere' ? [0.7, 1.3] : [0.45, 1.6];
      expect(o.count / volume[name]).toBeGreaterThan(lo);
      expect(o.count / volume[name]).toBeLessThan(hi);
      // The torus has a hole at its centre; the other shapes fill theirs.
      const at = (p: number[]) =>
        clean.grids[n * D ** 3 + (Math.floor(p[2]) * D + Math.floor(p[1])) * D + Math.floor(p[0])];
      if (name === 'torus') expect(at(c)).toBe(0);
      else if (name !== 'cone') expect(at(c)).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('adds Gaussian noise of the requested std', () => {
    const noisy = generateVoxelScenes(20, { seed: 3, size: D, noise: 0.15 });
    // Background voxels (|v| < 0.6 excludes the shapes, intensity >= 0.7) have std ≈ 0.15 (slightly
    // less: the cut trims the tails beyond 4 std).
    let n = 0;
    let s2 = 0;
    for (let i = 0; i < noisy.grids.length; i++) {
      if (noisy.grids[i] < 0.5 && Math.abs(noisy.grids[i]) < 0.6) {
        n++;
        s2 += noisy.grids[i] ** 2;
      }
    }
    expect(Math.sqrt(s2 / n)).toBeGreaterThan(0.12);
    expect(Math.sqrt(s2 / n)).toBeLessThan(0.18);
  });

  it('rejects bad arguments by name', () => {
    expect(() => generateVoxelScenes(0, { seed: 1 })).toThrow(/count must be a positive integer/);
    expect(() => generateVoxelScenes(5, { seed: 1, size: 4 })).toThrow(/size must be an integer >= 8/);
    expect(() => generateVoxelScenes(5, { seed: 1, maxRadius: 0.6 })).toThrow(/maxRadius/);
  });
});
