/**
 * Solid 3D shapes as occupancy tests, one row per shape (extend the table to add a shape).
 * Each test receives a voxel centre's offset (dx, dy, dz) from the shape's centre, in voxels,
 * after the scene's random rotation to the shape's own axis, and the shape's size `r` (its
 * bounding half-extent, in voxels). Shapes are centred on their bounding box, so the "centre"
 * a model regresses is the middle of the occupied region for every shape.
 */
export interface ShapeDef {
  name: string;
  /** True if the point (dx, dy, dz) relative to the centre lies inside the shape of half-size r. */
  inside(dx: number, dy: number, dz: number, r: number): boolean;
}

export const VOXEL_SHAPES: readonly ShapeDef[] = [
  // Ball of radius r.
  { name: 'sphere', inside: (x, y, z, r) => x * x + y * y + z * z <= r * r },
  // Axis-aligned cube of half-side 0.8 r (its volume is then close to the sphere's: 4.1 r^3 vs 4.2 r^3).
  { name: 'cube', inside: (x, y, z, r) => Math.max(Math.abs(x), Math.abs(y), Math.abs(z)) <= 0.8 * r },
  // Rod along z: radius 0.4 r, half-length r.
  { name: 'rod', inside: (x, y, z, r) => x * x + y * y <= (0.4 * r) ** 2 && Math.abs(z) <= r },
  // Cone along z with apex at z = +r and base radius r at z = -r (centred on its bounding box).
  { name: 'cone', inside: (x, y, z, r) => Math.abs(z) <= r && Math.hypot(x, y) <= (r * (r - z)) / (2 * r) },
  // Torus in the xy plane: ring radius 0.7 r, tube radius 0.3 r (outer radius r).
  { name: 'torus', inside: (x, y, z, r) => (Math.hypot(x, y) - 0.7 * r) ** 2 + z * z <= (0.3 * r) ** 2 },
];

export const VOXEL_CLASS_NAMES: readonly string[] = VOXEL_SHAPES.map((s) => s.name);
