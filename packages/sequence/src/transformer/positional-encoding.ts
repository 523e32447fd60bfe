/**
 * Positional encodings added to token embeddings, x [B, T, D] → x + P[0..T) [B, T, D]:
 *  - 'sinusoidal' (Vaswani et al. 2017, section 3.5): P[pos, 2i] = sin(pos / 10000^(2i/D)),
 *    P[pos, 2i+1] = cos(pos / 10000^(2i/D)); fixed (a non-trainable weight, so it saves, loads and
 *    exports like the learned table);
 *  - 'learned' (BERT, GPT): a trainable table [maxLength, D], initialised N(0, 0.02) as BERT's.
 * Sequences up to `maxLength` long; the table is sliced to the input's length at every call, so one
 * model (and its ONNX export) serves any length up to it.
 *
 * @example
 * const pe = new PositionalEncoding({ kind: 'sinusoidal', maxLength: 64 });
 * pe.apply(tf.zeros([1, 10, 16])); // the first 10 rows of the sinusoid table, [1, 10, 16]
 */
import * as tf from '@tensorflow/tfjs';
import { BlockLayer, checkInteger, featureSize, Initializer, inputList, LayerArgs, shapeList } from './block-layer';

export type PositionalEncodingKind = 'sinusoidal' | 'learned';

export interface PositionalEncodingConfig {
  kind: PositionalEncodingKind;
  /** Longest sequence the table covers. */
  maxLength: number;
  /** Seed of the learned table's initialiser. */
  seed?: number;
}

const NAME = 'PositionalEncoding';

/** The sinusoid table [maxLength, dModel] of Vaswani et al. 2017, section 3.5 (float64 math, float32 out). */
export function sinusoidalTable(maxLength: number, dModel: number): Float32Array {
  const table = new Float32Array(maxLength * dModel);
  for (let pos = 0; pos < maxLength; pos++) {
    for (let i = 0; i < dModel; i++) {
      const angle = pos / Math.pow(10000, (2 * Math.floor(i / 2)) / dModel);
      table[pos * dModel + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return table;
}

export class PositionalEncoding extends BlockLayer {
  static readonly className = 'DlkitPositionalEncoding';
  readonly kind: PositionalEncodingKind;
  readonly maxLength: number;
  readonly seed: number | undefined;
  private table!: tf.LayerVariable; // [maxLength, D]

  constructor(config: PositionalEncodingConfig & LayerArgs) {
    const { kind, maxLength, seed, ...args } = config;
    super(args, seed);
    if (kind !== 'sinusoidal' && kind !== 'learned')
      throw new Error(`${NAME}: kind must be 'sinusoidal' or 'learned', got ${JSON.stringify(kind)}`);
    this.kind = kind;
    this.maxLength = checkInteger(NAME, 'maxLength', maxLength);
    this.seed = seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const d = featureSize(NAME, shapeList(inputShape)[0]);
    const learned = this.kind === 'learned';
    const init = learned
      ? tf.initializers.truncatedNormal({ stddev: 0.02, seed: this.seed })
      : // A fixed table: the initializer returns it whatever the requested dtype.
        { apply: () => tf.tensor2d(sinusoidalTable(this.maxLength, d), [this.maxLength, d]) };
    this.table = this.addWeightFn(learned)('embeddings', [this.maxLength, d], init as Initializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = inputList(inputs)[0]; // [B, T, D]
      const [, t, d] = x.shape;
      if (t > this.maxLength)
        throw new Error(`${this.name}: sequence of ${t} positions is longer than maxLength ${this.maxLength}`);
      return tf.add(x, tf.slice(this.table.read(), [0, 0], [t, d])); // + P[0..T) [T, D]
    });
  }

  /** The position table [maxLength, D] (ONNX export reads it). */
  positionTable(): tf.LayerVariable {
    return this.table;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { kind, maxLength, seed } = this;
    return { ...super.getConfig(), kind, maxLength, ...(seed === undefined ? {} : { seed }) };
  }
}
tf.serialization.registerClass(PositionalEncoding);
