/**
 * Seeded synthetic 3D scenes: one solid shape per voxel grid, at a random size, position and
 * orientation (rods, cones and tori point along a random axis), with a noisy background and a
 * noisy shape intensity. The targets are the shape's class and its centre in voxel coordinates.
 *
 * @example
 * const scenes = generateVoxelScenes(200, { seed: 1, size: 16 });
 * scenes.grids;   // Float32Array [200 * 16^3], layout [n, z, y, x]
 * scenes.labels;  // Uint8Array [200] indices into VOXEL_CLASS_NAMES
 * scenes.centres; // Float32Array [200 * 3] (x, y, z) in voxels
 */
import { Rng } from '@dlkit/core';
import { VOXEL_SHAPES } from './shapes';
import { stripUndefined } from '@dlkit/core';

export interface VoxelSceneOptions {
  /** Seed of the generator: scenes from different seeds are independent. */
  seed: number;
  /** Grid side length D (grids are D x D x D). */
  size?: number;
  /** Shape half-size range, as fractions of the grid side. */
  minRadius?: number;
  maxRadius?: number;
  /** Std of the Gaussian noise added to every voxel. */
  noise?: number;
}

export const VOXEL_SCENE_DEFAULTS = {
  size: 16,
  // Half-extents of 3.5-5.1 voxels at 16³: below ~3 voxels a sphere and a cube differ in a handful of voxels.
  minRadius: 0.22,
  maxRadius: 0.32,
  noise: 0.15,
} satisfies Omit<Required<VoxelSceneOptions>, 'seed'>;

export interface VoxelScenes {
  /** Number of scenes. */
  count: number;
  /** Grid side length D. */
  size: number;
  /** Intensities, [count, D, D, D] flattened with x fastest (index ((n*D + z)*D + y)*D + x). */
  grids: Float32Array;
  /** Shape class per scene, an index into VOXEL_CLASS_NAMES. */
  labels: Uint8Array;
  /** Shape centre per scene, (x, y, z) in voxel units (voxel i spans [i, i+1), its centre is i + 0.5). */
  centres: Float32Array;
  /** Shape half-size per scene, in voxels. */
  radii: Float32Array;
}

/** Generates `count` scenes; classes are balanced (scene i has class i mod C before the seeded shuffle). */
export function generateVoxelScenes(count: number, options: VoxelSceneOptions): VoxelScenes {
  if (!Number.isInteger(count) || count <= 0) throw new Error(`count must be a positive integer, got ${count}`);
  const o = { ...VOXEL_SCENE_DEFAULTS, ...stripUndefined(options), seed: options.seed };
  const D = o.size;
  if (!Number.isInteger(D) || D < 8) throw new Error(`size must be an integer >= 8, got ${D}`);
  if (!(o.minRadius > 0 && o.maxRadius >= o.minRadius && o.maxRadius < 0.5)) {
    throw new Error(`need 0 < minRadius <= maxRadius < 0.5, got ${o.minRadius}, ${o.maxRadius}`);
  }
  const rng = new Rng(o.seed);
  const C = VOXEL_SHAPES.length;
  const order = rng.permutation(count);
  const grids = new Float32Array(count * D * D * D);
  const labels = new Uint8Array(count);
  const centres = new Float32Array(count * 3);
  const radii = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    const label = order[n] % C;
    const r = D * rng.range(o.minRadius, o.maxRadius);
    // The whole bounding box [c - r, c + r] stays inside the grid [0, D].
    const c = [rng.range(r, D - r), rng.range(r, D - r), rng.range(r, D - r)];
    const axis = rng.int(3); // which grid axis the shape's own z axis points along
    const flip = rng.uniform() < 0.5 ? -1 : 1; // cones point up or down that axis
    const intensity = rng.range(0.7, 1.0);
    const shape = VOXEL_SHAPES[label];
    const base = n * D * D * D;
    for (let z = 0; z < D; z++) {
      for (let y = 0; y < D; y++) {
        for (let x = 0; x < D; x++) {
          const p = [x + 0.5 - c[0], y + 0.5 - c[1], z + 0.5 - c[2]];
          // Rotate the grid axes so that `axis` becomes the shape's local z.
          const lz = flip * p[axis];
          const lx = p[(axis + 1) % 3];
          const ly = p[(axis + 2) % 3];
          const v = shape.inside(lx, ly, lz, r) ? intensity : 0;
          grids[base + (z * D + y) * D + x] = v + o.noise * rng.normal();
        }
      }
    }
    labels[n] = label;
    centres.set(c, n * 3);
    radii[n] = r;
  }
  return { count, size: D, grids, labels, centres, radii };
}
