/**
 * A small Conv3D network with two heads packed into one output [B, C + 3]: C class logits
 * (which shape) followed by the shape's centre as fractions of the grid side (x, y, z in [0, 1]).
 * Packing both heads into one tensor lets a single-output training loop (or core's Trainer with
 * a custom `{ fn }` loss) train them together with `voxelLoss`.
 *
 * @example
 * const model = voxelNet({ size: 16, numClasses: 5, seed: 1 });
 * model.predict(tf.zeros([2, 16, 16, 16, 1])); // [2, 8]
 */
import * as tf from '@tensorflow/tfjs';

export interface VoxelNetConfig {
  /** Grid side length D: the input is [B, D, D, D, 1] (NDHWC). */
  size: number;
  /** Number of shape classes C. */
  numClasses: number;
  /** Filters of each conv block (conv 3x3x3 + ReLU + max-pool 2); the grid halves per block. */
  filters?: number[];
  /** Units of each head's hidden dense layer. (No batch norm: tfjs 4.22's BatchNormalization
   * does not train on rank-5 tensors, "not implemented for array of rank 5".) */
  denseUnits?: number;
  /** Seeds the Glorot/He initialisers so that a run is reproducible. */
  seed?: number;
}

export const VOXEL_NET_DEFAULTS = {
  filters: [8, 16, 32],
  denseUnits: 64,
  seed: 1,
} satisfies Omit<Required<VoxelNetConfig>, 'size' | 'numClasses'>;

export function voxelNet(config: VoxelNetConfig): tf.LayersModel {
  const c = {
    ...VOXEL_NET_DEFAULTS,
    ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
  } as Required<VoxelNetConfig>;
  if (!Number.isInteger(c.size) || c.size < 2 ** c.filters.length) {
    throw new Error(
      `size must be an integer >= ${2 ** c.filters.length} for ${c.filters.length} pooling blocks, got ${c.size}`,
    );
  }
  if (!Number.isInteger(c.numClasses) || c.numClasses < 2)
    throw new Error(`numClasses must be an integer >= 2, got ${c.numClasses}`);
  let seed = c.seed;
  const he = () => tf.initializers.heNormal({ seed: seed++ }); // He et al. 2015: std = sqrt(2 / fanIn) for ReLU
  const input = tf.input({ shape: [c.size, c.size, c.size, 1] }); // [B, D, D, D, 1]
  let h: tf.SymbolicTensor = input;
  for (const [i, f] of c.filters.entries()) {
    // [B, d, d, d, f_prev] -> [B, d, d, d, f] -> [B, d/2, d/2, d/2, f]
    h = tf.layers
      .conv3d({
        filters: f,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: he(),
        name: `conv${i + 1}`,
      })
      .apply(h) as tf.SymbolicTensor;
    h = tf.layers.maxPooling3d({ poolSize: 2, name: `pool${i + 1}` }).apply(h) as tf.SymbolicTensor;
  }
  // Class head: global max pooling makes "which shape" translation invariant (the shape can be
  // anywhere). Centre head: flatten keeps where things are, which global pooling would lose.
  // (tfjs has no globalMaxPooling3d: a max pool over the whole remaining grid, then flatten.)
  const side = c.size >> c.filters.length;
  const gmax = tf.layers.maxPooling3d({ poolSize: side, name: 'global_max' }).apply(h) as tf.SymbolicTensor; // [B, 1, 1, 1, f]
  const pooled = tf.layers.flatten({ name: 'global_max_flat' }).apply(gmax) as tf.SymbolicTensor; // [B, f]
  const flat = tf.layers.flatten({ name: 'flatten' }).apply(h) as tf.SymbolicTensor; // [B, (D/2^k)^3 * f]
  const hc = tf.layers
    .dense({ units: c.denseUnits, activation: 'relu', kernelInitializer: he(), name: 'class_hidden' })
    .apply(pooled) as tf.SymbolicTensor;
  const hx = tf.layers
    .dense({ units: c.denseUnits, activation: 'relu', kernelInitializer: he(), name: 'centre_hidden' })
    .apply(flat) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({
      units: c.numClasses,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      name: 'class_logits',
    })
    .apply(hc) as tf.SymbolicTensor;
  // Centres are grid fractions in [0, 1]: start from the middle (bias 0.5) with small weights, so
  // the untrained centre head does not swamp the class loss in the first steps.
  const centre = tf.layers
    .dense({
      units: 3,
      kernelInitializer: tf.initializers.randomNormal({ stddev: 0.01, seed: seed++ }),
      biasInitializer: tf.initializers.constant({ value: 0.5 }),
      name: 'centre',
    })
    .apply(hx) as tf.SymbolicTensor;
  const out = tf.layers.concatenate({ name: 'heads' }).apply([logits, centre]) as tf.SymbolicTensor; // [B, C + 3]
  return tf.model({ inputs: input, outputs: out, name: 'voxel_net' });
}
