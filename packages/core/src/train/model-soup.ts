/**
 * A uniform model soup (Wortsman et al. 2022, "Model soups"): the element-wise mean of the weights
 * of models fine-tuned from the same pretrained start (other seeds, data orders or
 * hyperparameters). It costs one model at inference, unlike an ensemble of their outputs, and
 * often scores above each of its ingredients, because fine-tuned models from one start tend to lie
 * in one basin of the loss.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Sets `target`'s weights to the mean of `ingredients`' weights (target may be one of them).
 * Every model must have the same weights in the same order and shapes; the first mismatch is named.
 */
export function averageModelWeights(target: tf.LayersModel, ingredients: readonly tf.LayersModel[]): void {
  if (ingredients.length === 0) throw new Error('averageModelWeights: no models to average');
  const names = target.weights.map((w) => w.originalName);
  const shapes = target.weights.map((w) => w.shape);
  ingredients.forEach((m, k) => {
    if (m.weights.length !== names.length)
      throw new Error(
        `averageModelWeights: model ${k} ("${m.name}") has ${m.weights.length} weights, the target ${names.length}`,
      );
    m.weights.forEach((w, i) => {
      if (w.shape.join() !== shapes[i].join())
        throw new Error(
          `averageModelWeights: weight ${i} (${names[i]}) is [${w.shape}] in model ${k} ("${m.name}"), ` +
            `[${shapes[i]}] in the target`,
        );
    });
  });
  const each = ingredients.map((m) => m.getWeights());
  const mean = tf.tidy(() => each[0].map((_, i) => tf.addN(each.map((ws) => ws[i])).div(ingredients.length)));
  target.setWeights(mean);
  tf.dispose(mean);
}
