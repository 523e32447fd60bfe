/**
 * Thrown by the Trainer when a mini-batch loss is NaN or ±Infinity. Training stops before that
 * batch's update is applied, so the model keeps its last finite weights.
 *
 * @example
 * try { await trainer.fit(data); } catch (e) { if (e instanceof NonFiniteLossError) console.error(e.message); }
 */
export class NonFiniteLossError extends Error {
  /** 0-based epoch (the message counts from 1). */
  readonly epoch: number;
  /** 0-based batch within the epoch (the message counts from 1). */
  readonly batch: number;
  readonly loss: number;
  readonly learningRate: number;

  constructor(info: {
    epoch: number;
    epochs: number;
    batch: number;
    batches: number;
    loss: number;
    learningRate: number;
  }) {
    super(
      `loss is ${info.loss} at epoch ${info.epoch + 1}/${info.epochs}, batch ${info.batch + 1}/${info.batches}: training stopped. ` +
        `The learning rate (${info.learningRate}) is probably too high: try lowering it (e.g. 10x smaller), ` +
        `or check the inputs for NaN/Inf and the loss for log(0).`,
    );
    this.name = 'NonFiniteLossError';
    this.epoch = info.epoch;
    this.batch = info.batch;
    this.loss = info.loss;
    this.learningRate = info.learningRate;
  }
}
