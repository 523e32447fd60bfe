/**
 * The "Neural machine translation" model of DLS course 5, week 3: a character-level seq2seq with
 * attention in the course's Keras design, as one tfjs layer (`Seq2seqAttention`) so that the whole
 * forward pass is a few plain tf ops per time step.
 *
 *   X [b, Tx, Vx] one-hot ─ Bi-LSTM(nA) ─ a [b, Tx, 2nA]                       (pre-attention)
 *   s⟨0⟩ = c⟨0⟩ = 0 [b, nS]
 *   for t in 1..Ty (the same weights at every step):
 *     one_step_attention(a, s⟨t-1⟩):
 *       e = relu(tanh(concat[a, RepeatVector(Tx)(s⟨t-1⟩)]·W1 + b1)·w2 + b2)   [b, Tx]
 *       α = softmax over Tx of e                                              [b, Tx]
 *       context = Σ_t' α⟨t'⟩ a⟨t'⟩                                            [b, 2nA]
 *     s⟨t⟩, c⟨t⟩ = LSTM(nS)(context, [s⟨t-1⟩, c⟨t-1⟩])                        (post-attention)
 *     ŷ⟨t⟩ = softmax(s⟨t⟩·Wy + by)                                             [b, Vy]
 *
 * Additive attention as in Bahdanau et al. 2015 ("Neural machine translation by jointly learning
 * to align and translate"); the decoder is fed only the context, as in the course, or with
 * `feedPrevious` also the previous output character Y⟨t-1⟩ (a second model input, the target
 * shifted right in training). `encode` and `decodeStep` expose the two halves of `call` for
 * step-by-step decoding (greedy or beam search, translator.ts). Parameters are
 * exactly the course model's: Bidirectional(LSTM(nA)), Dense(units, tanh), Dense(1, relu),
 * LSTM(nS), Dense(Vy, softmax). Two exact rewrites make it cheaper:
 *  - concat[a, s]·W1 = a·W1a + s·W1s, and a·W1a + b1 does not depend on t, so it is computed once
 *    instead of Ty times (W1 = [W1a; W1s] is stored as the two blocks);
 *  - the encoder's input projection X·W is one matmul over all Tx steps.
 *
 * Why one layer instead of the tfjs-layers functional graph: that graph builds and trains on wasm
 * (after three workarounds for tfjs 4.22 bugs, see docs/seq2seq.md), but tf.profile of one
 * batch-100 training step counted ~10,000 kernel calls (4,300 of them Identity/Reshape
 * bookkeeping), and at that size a step costs per kernel call, not per FLOP. This layer runs the
 * same math in ~6,300 calls: ~180 ms of CPU per step against ~245 ms.
 *
 * LSTM gates are in Keras order i, f, c, o along the last axis of each kernel (kernel [in, 4n],
 * recurrent kernel [n, 4n], bias [4n] with the forget block initialised to 1, Keras' unit_forget_bias),
 * recurrent activation sigmoid (Keras' default).
 *
 * @example
 * const { model, attentionModel } = buildSeq2seq({ tx: 30, ty: 10, sourceVocab: 37, targetVocab: 12 });
 * model.predict(x);           // x [b, 30, 37] one-hot -> ŷ [b, 10, 12]
 * attentionModel.predict(x);  // [ŷ [b, 10, 12], α [b, 10, 30]]
 */
import * as tf from '@tensorflow/tfjs';

export interface Seq2seqConfig {
  /** Input length (characters, padded). Course: Tx = 30. */
  tx: number;
  /** Output length (characters, padded). Course: Ty = 10 (YYYY-MM-DD). */
  ty: number;
  /** Source vocabulary size (one-hot width of X). */
  sourceVocab: number;
  /** Target vocabulary size (softmax width). */
  targetVocab: number;
  /** Units of each direction of the pre-attention Bi-LSTM. Course: n_a = 32. */
  nA?: number;
  /** Units of the post-attention LSTM. Course: n_s = 64. */
  nS?: number;
  /** Hidden units of the attention MLP. Course: 10. */
  attentionUnits?: number;
  /** Seed of the weight initialisers (same seed, same initial weights). */
  seed?: number;
  /**
   * Feed the previous output character to the decoder with the context (Bahdanau et al. 2015's
   * decoder input; the course feeds only the context). The model then takes a second input, the
   * previous characters Y⟨t-1⟩ [b, Ty, Vy] (zeros at t = 1; the target shifted right during
   * training, "teacher forcing"), and decoding is step by step, so beam search can pay off. Off by
   * default, so the course model and the saved date translators are unchanged.
   */
  feedPrevious?: boolean;
}

export const SEQ2SEQ_DEFAULTS = { nA: 32, nS: 64, attentionUnits: 10, seed: 1, feedPrevious: false } as const;

export interface Seq2seqModels {
  /** X [b, Tx, Vx] -> ŷ [b, Ty, Vy]; the model to train. */
  model: tf.LayersModel;
  /** X -> [ŷ [b, Ty, Vy], α [b, Ty, Tx]]; the same layer and weights as `model`. */
  attentionModel: tf.LayersModel;
  /** The layer both models share (its encode/decodeStep drive step-by-step decoding). */
  layer: Seq2seqAttention;
  config: Required<Seq2seqConfig>;
}

export function resolveSeq2seqConfig(config: Seq2seqConfig): Required<Seq2seqConfig> {
  const c = {
    ...SEQ2SEQ_DEFAULTS,
    ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
  } as Required<Seq2seqConfig>;
  for (const key of ['tx', 'ty', 'sourceVocab', 'targetVocab', 'nA', 'nS', 'attentionUnits'] as const) {
    if (!(Number.isInteger(c[key]) && c[key] > 0))
      throw new Error(`seq2seq ${key} must be a positive integer, got ${c[key]}`);
  }
  if (!Number.isFinite(c.seed)) throw new Error(`seq2seq seed must be a finite number, got ${c.seed}`);
  if (typeof c.feedPrevious !== 'boolean')
    throw new Error(`seq2seq feedPrevious must be a boolean, got ${c.feedPrevious}`);
  return c;
}

type LstmWeights = { kernel: tf.LayerVariable; recurrent: tf.LayerVariable; bias: tf.LayerVariable };

/** The encoder's output for a batch: what every decoder step reads. */
export interface Seq2seqEncoding {
  /** Bi-LSTM states a [b, Tx, 2nA]. */
  a: tf.Tensor3D;
  /** a·W1a + b1 [b, Tx, units], shared by all decoder steps. */
  aPart: tf.Tensor3D;
}

/** The decoder's recurrent state: s⟨t⟩, c⟨t⟩, each [b, nS]. */
export interface Seq2seqDecoderState {
  s: tf.Tensor2D;
  c: tf.Tensor2D;
}

/** The whole encoder-attention-decoder as one layer: X [b, Tx, Vx] -> [ŷ [b, Ty, Vy], α [b, Ty, Tx]]. */
export class Seq2seqAttention extends tf.layers.Layer {
  static readonly className = 'DlkitSeq2seqAttention';
  readonly config: Required<Seq2seqConfig>;
  private w!: {
    forward: LstmWeights;
    backward: LstmWeights;
    attentionA: tf.LayerVariable; // W1a [2nA, units]
    attentionS: tf.LayerVariable; // W1s [nS, units]
    attentionBias: tf.LayerVariable; // b1 [units]
    energy: tf.LayerVariable; // w2 [units, 1]
    energyBias: tf.LayerVariable; // b2 [1]
    decoder: LstmWeights;
    output: tf.LayerVariable; // Wy [nS, Vy]
    outputBias: tf.LayerVariable; // by [Vy]
  };

  constructor(config: Seq2seqConfig & { name?: string }) {
    super({ name: config.name ?? 'seq2seq_attention' });
    const { name: _name, ...rest } = config;
    this.config = resolveSeq2seqConfig(rest);
  }

  override build(): void {
    const { sourceVocab, targetVocab, nA, nS, attentionUnits: u } = this.config;
    let seed = this.config.seed;
    const glorot = () => tf.initializers.glorotUniform({ seed: seed++ });
    const zeros = tf.initializers.zeros();
    const lstm = (prefix: string, input: number, n: number): LstmWeights => ({
      kernel: this.addWeight(`${prefix}/kernel`, [input, 4 * n], 'float32', glorot()),
      recurrent: this.addWeight(`${prefix}/recurrent_kernel`, [n, 4 * n], 'float32', zeros),
      bias: this.addWeight(`${prefix}/bias`, [4 * n], 'float32', zeros),
    });
    this.w = {
      forward: lstm('encoder_forward', sourceVocab, nA),
      backward: lstm('encoder_backward', sourceVocab, nA),
      attentionA: this.addWeight('attention_hidden/kernel_a', [2 * nA, u], 'float32', glorot()),
      attentionS: this.addWeight('attention_hidden/kernel_s', [nS, u], 'float32', glorot()),
      attentionBias: this.addWeight('attention_hidden/bias', [u], 'float32', zeros),
      energy: this.addWeight('attention_energy/kernel', [u, 1], 'float32', glorot()),
      energyBias: this.addWeight('attention_energy/bias', [1], 'float32', zeros),
      decoder: lstm('decoder', 2 * nA + (this.config.feedPrevious ? targetVocab : 0), nS),
      output: this.addWeight('output/kernel', [nS, targetVocab], 'float32', glorot()),
      outputBias: this.addWeight('output/bias', [targetVocab], 'float32', zeros),
    };
    for (const [cell, n] of [
      [this.w.forward, nA],
      [this.w.backward, nA],
      [this.w.decoder, nS],
    ] as const) {
      // Keras' LSTM initialisation: orthogonal recurrent kernel (Saxe et al. 2014), forget-gate
      // bias 1 and the other biases 0 (Jozefowicz et al. 2015, unit_forget_bias).
      const values = tf.tidy(() => [
        orthogonal(n, 4 * n, seed++),
        tf.concat([tf.zeros([n]), tf.ones([n]), tf.zeros([2 * n])]),
      ]);
      cell.recurrent.write(values[0]);
      cell.bias.write(values[1]);
      tf.dispose(values);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape; // X's shape (Yprev's is [b, Ty, Vy])
    const { tx, ty, sourceVocab, targetVocab } = this.config;
    if (s.length !== 3 || s[1] !== tx || s[2] !== sourceVocab)
      throw new Error(`Seq2seqAttention expects input [batch, ${tx}, ${sourceVocab}], got [${s}]`);
    return [
      [s[0], ty, targetVocab],
      [s[0], ty, tx],
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, yPrev] = (Array.isArray(inputs) ? inputs : [inputs]) as [tf.Tensor3D, tf.Tensor3D?]; // [b, Tx, Vx], [b, Ty, Vy]
      const { ty, feedPrevious } = this.config;
      if (feedPrevious && !yPrev) throw new Error('Seq2seqAttention with feedPrevious needs [X, Yprev] as inputs');
      const encoding = this.encode(x);
      let state = this.initialState(x.shape[0]);
      const previous = feedPrevious ? (tf.unstack(yPrev!, 1) as tf.Tensor2D[]) : []; // Ty × [b, Vy]
      const ys: tf.Tensor2D[] = [];
      const alphas: tf.Tensor2D[] = [];
      for (let t = 0; t < ty; t++) {
        const step = this.decodeStep(encoding, state, previous[t]);
        state = step.state;
        ys.push(step.probs);
        alphas.push(step.alpha);
      }
      return [tf.stack(ys, 1), tf.stack(alphas, 1)]; // [b, Ty, Vy], [b, Ty, Tx]
    });
  }

  /** Pre-attention Bi-LSTM over X [b, Tx, Vx] (one-hot), and the attention term shared by all steps. Not tidied: call inside tf.tidy. */
  encode(x: tf.Tensor3D): Seq2seqEncoding {
    const { tx, nA, attentionUnits: u } = this.config;
    const b = x.shape[0];
    const w = this.w;
    // Input projections for all steps at once: [b*Tx, Vx]·[Vx, 4nA].
    // (Running both directions as one batched [2, b, nA] step halves the kernel calls but was
    // slower on wasm: batched matMul and its gradient cost more than the calls saved.)
    const flatX = tf.reshape(x, [b * tx, -1]);
    const run = (cell: LstmWeights, reverse: boolean): tf.Tensor2D[] => {
      const proj = tf.reshape(tf.add(tf.matMul(flatX, read(cell.kernel)), cell.bias.read()), [b, tx, 4 * nA]);
      const steps = tf.unstack(proj, 1) as tf.Tensor2D[]; // Tx × [b, 4nA]
      let h = tf.zeros([b, nA]) as tf.Tensor2D;
      let c = tf.zeros([b, nA]) as tf.Tensor2D;
      const hs: tf.Tensor2D[] = new Array(tx);
      for (let k = 0; k < tx; k++) {
        const t = reverse ? tx - 1 - k : k;
        [h, c] = lstmStep(tf.add(steps[t], tf.matMul(h, read(cell.recurrent))), c);
        hs[t] = h;
      }
      return hs;
    };
    const a = tf.concat([tf.stack(run(w.forward, false), 1), tf.stack(run(w.backward, true), 1)], 2) as tf.Tensor3D; // [b, Tx, 2nA]
    // a·W1a + b1, shared by all Ty steps: [b, Tx, units]
    const aPart = tf.reshape(
      tf.add(tf.matMul(tf.reshape(a, [b * tx, 2 * nA]), read(w.attentionA)), w.attentionBias.read()),
      [b, tx, u],
    ) as tf.Tensor3D;
    return { a, aPart };
  }

  /** s⟨0⟩ = c⟨0⟩ = 0 for a batch of b. */
  initialState(b: number): Seq2seqDecoderState {
    return { s: tf.zeros([b, this.config.nS]), c: tf.zeros([b, this.config.nS]) };
  }

  /**
   * One decoder step: attention over the encoding from s⟨t-1⟩, the post-attention LSTM, the output
   * softmax. `previous` is Y⟨t-1⟩ [b, Vy] one-hot (zeros at the first step), read only with
   * feedPrevious. Returns ŷ⟨t⟩ [b, Vy], α⟨t⟩ [b, Tx] and the new state. Not tidied: call inside tf.tidy.
   */
  decodeStep(
    encoding: Seq2seqEncoding,
    state: Seq2seqDecoderState,
    previous?: tf.Tensor2D,
  ): { probs: tf.Tensor2D; alpha: tf.Tensor2D; state: Seq2seqDecoderState } {
    const { tx, nA, attentionUnits: u, feedPrevious, targetVocab } = this.config;
    const w = this.w;
    const { a, aPart } = encoding;
    const b = a.shape[0];
    // one_step_attention
    const sPart = tf.reshape(tf.matMul(state.s, read(w.attentionS)), [b, 1, u]); // RepeatVector by broadcasting
    const hidden = tf.tanh(tf.add(aPart, sPart)); // [b, Tx, units]
    const e = tf.relu(
      tf.add(tf.reshape(tf.matMul(tf.reshape(hidden, [b * tx, u]), read(w.energy)), [b, tx]), w.energyBias.read()),
    ); // [b, Tx]
    const alpha = tf.softmax(e) as tf.Tensor2D; // over Tx
    const context = tf.reshape(tf.matMul(tf.reshape(alpha, [b, 1, tx]), a), [b, 2 * nA]) as tf.Tensor2D; // Dot over Tx: [b, 2nA]
    // post-attention LSTM step (input: the context, or [context, Y⟨t-1⟩]) and output
    const input = feedPrevious ? tf.concat([context, previous ?? tf.zeros([b, targetVocab])], 1) : context;
    const z = tf.add(
      tf.add(tf.matMul(input, read(w.decoder.kernel)), tf.matMul(state.s, read(w.decoder.recurrent))),
      w.decoder.bias.read(),
    ) as tf.Tensor2D;
    const [s, c] = lstmStep(z, state.c);
    const probs = tf.softmax(tf.add(tf.matMul(s, read(w.output)), w.outputBias.read())) as tf.Tensor2D;
    return { probs, alpha, state: { s, c } };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.config };
  }
}
tf.serialization.registerClass(Seq2seqAttention);

const read = (v: tf.LayerVariable) => v.read() as tf.Tensor2D;

/**
 * A [rows, cols] matrix with orthonormal rows or columns (whichever are fewer): Q of the QR
 * decomposition of a seeded standard normal matrix, as Keras' Orthogonal initializer. (tfjs'
 * own initializer does the same but warns on every matrix above 2,000 elements.)
 */
function orthogonal(rows: number, cols: number, seed: number): tf.Tensor2D {
  const tall = rows >= cols;
  const [q, r] = tf.linalg.qr(
    tf.randomNormal(tall ? [rows, cols] : [cols, rows], 0, 1, 'float32', seed) as tf.Tensor2D,
  ); // q [max, min]
  // Sign fix so the result is uniformly distributed (Mezzadri 2007): scale column j by sign(r_jj).
  const signs = tf.sign(tf.sum(tf.mul(r, tf.eye(r.shape[0], r.shape[1])), 0));
  const qq = tf.mul(q, signs) as tf.Tensor2D;
  return tall ? qq : (tf.transpose(qq) as tf.Tensor2D);
}

/** One LSTM step from the pre-activation z = x·W + h·U + b [..., 4n] (gates i, f, c, o): returns [h, c], each [..., n]. */
function lstmStep<T extends tf.Tensor>(z: T, cPrev: T): [T, T] {
  const [zi, zf, zc, zo] = tf.split(z, 4, -1);
  const c = tf.add(tf.mul(tf.sigmoid(zf), cPrev), tf.mul(tf.sigmoid(zi), tf.tanh(zc))) as T;
  const h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as T;
  return [h, c];
}

/** Builds the training model and the attention model (one shared layer). */
export function buildSeq2seq(config: Seq2seqConfig): Seq2seqModels {
  const layer = new Seq2seqAttention(config);
  const c = layer.config;
  const x = tf.input({ shape: [c.tx, c.sourceVocab], name: 'X' });
  const inputs = c.feedPrevious ? [x, tf.input({ shape: [c.ty, c.targetVocab], name: 'Yprev' })] : x;
  const [yHat, alpha] = layer.apply(inputs) as tf.SymbolicTensor[];
  const model = tf.model({ inputs, outputs: yHat, name: 'seq2seq' });
  const attentionModel = tf.model({ inputs, outputs: [yHat, alpha], name: 'seq2seq_attention' });
  return { model, attentionModel, layer, config: c };
}
