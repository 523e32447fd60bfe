/**
 * Picks the hidden vectors at given positions of each sequence: [x [B, T, D], positions [B, M]
 * int32] → [B, M, D]. Masked-LM training runs the vocabulary head only at the masked ~15 % of the
 * positions (DESIGN.md section 3: the largest matmul shrinks ~6×). Training only: the exported
 * fill-mask model runs the head at every position.
 *
 * @example
 * new GatherPositions().apply([hidden, positions]); // [B, M, D]
 */
import * as tf from '@tensorflow/tfjs';

export class GatherPositions extends tf.layers.Layer {
  static readonly className = 'DlkitGatherPositions';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [x, positions] = inputShape as tf.Shape[];
    return [x[0], positions[1], x[2]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x, positions] = inputs as tf.Tensor[];
      const [b, t, d] = x.shape;
      const m = positions.shape[1] as number;
      const rows = tf.reshape(x, [b * t, d]); // [B·T, D]
      const offsets = tf.mul(tf.range(0, b, 1, 'int32').reshape([b, 1]), tf.scalar(t, 'int32')); // [B, 1]
      const index = tf.reshape(tf.add(tf.cast(positions, 'int32'), offsets), [b * m]); // [B·M]
      return tf.reshape(tf.gather(rows, index), [b, m, d]); // [B, M, D]
    });
  }
}
tf.serialization.registerClass(GatherPositions);
