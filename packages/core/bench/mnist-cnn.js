/**
 * The headline model and a timer for its training step, shared by the bench scripts.
 *   conv2d(16, 3x3, valid, relu) -> maxPool 2 -> conv2d(32, 3x3, valid, relu) -> maxPool 2
 *   -> flatten -> dense(64, relu) -> dense(10, softmax); Adam, categorical cross-entropy.
 */
const tf = require('@tensorflow/tfjs');

function buildMnistCnn() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

/** A model, one fixed batch and `step()` = one model.trainOnBatch (awaits the loss). */
function mnistTrainStep(batch = 64) {
  const model = buildMnistCnn();
  const x = tf.randomUniform([batch, 28, 28, 1]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10).toFloat();
  return {
    model,
    step: () => model.trainOnBatch(x, y),
    dispose: () => {
      model.dispose();
      tf.dispose([x, y]);
    },
  };
}

/** Mean ms per call of the async `fn` over `steps` calls, after `warmup` calls. */
async function timeSteps(fn, steps, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < steps; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / steps;
}

module.exports = { buildMnistCnn, mnistTrainStep, timeSteps };
