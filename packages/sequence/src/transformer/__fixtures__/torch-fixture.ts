/**
 * Reads the PyTorch oracle fixtures written by scripts/transformer-fixtures.py (specs and the bench
 * use it; never built into dist).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention } from '../multi-head-attention';
import {
  loadTorchDecoderLayer,
  loadTorchEncoderLayer,
  loadTorchMultiHeadAttention,
  TorchStateDict,
  TorchTensorJson,
} from '../torch-weights';
import { TransformerDecoderLayer } from '../transformer-decoder-layer';
import { TransformerEncoderLayer } from '../transformer-encoder-layer';

export interface TorchCase {
  name: string;
  config: Record<string, number | string | boolean>;
  inputs: Record<string, TorchTensorJson>;
  weights: TorchStateDict;
  outputs: Record<string, TorchTensorJson>;
}

export type FixtureName = 'multi-head-attention' | 'encoder-layer' | 'decoder-layer';

export function torchCases(name: FixtureName): TorchCase[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, `${name}.json`), 'utf8')).cases;
}

export function fixtureTensor(t: TorchTensorJson): tf.Tensor {
  return tf.tensor(Array.from(t.data), t.shape, 'float32');
}

/** Largest |actual − expected| against a float64 fixture output. */
export function maxError(actual: tf.Tensor, expected: TorchTensorJson): number {
  if (actual.shape.join(',') !== expected.shape.join(','))
    throw new Error(`shape [${actual.shape}] differs from PyTorch's [${expected.shape}]`);
  const a = actual.dataSync();
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - expected.data[i]));
  return Number.isNaN(m) ? Infinity : m;
}

/** Builds the tfjs layer of a case, loads the PyTorch weights and returns the max errors of its outputs. */
export function runTorchCase(fixture: FixtureName, c: TorchCase): Record<string, number> {
  const cfg = c.config;
  const ins = (names: string[]) => names.map((n) => fixtureTensor(c.inputs[n]));
  const layers = {
    'multi-head-attention': () => {
      const numHeads = cfg.numHeads as number;
      const layer = new MultiHeadAttention({
        numHeads,
        keyDim: (cfg.embedDim as number) / numHeads,
        causal: cfg.causal as boolean,
        returnAttentionWeights: true,
      });
      return {
        layer,
        load: () => loadTorchMultiHeadAttention(layer, c.weights),
        inputs: ins(['query', 'value', 'key', 'mask']),
      };
    },
    'encoder-layer': () => {
      const layer = new TransformerEncoderLayer(layerConfig(cfg));
      return { layer, load: () => loadTorchEncoderLayer(layer, c.weights), inputs: ins(['x', 'mask']) };
    },
    'decoder-layer': () => {
      const layer = new TransformerDecoderLayer(layerConfig(cfg));
      const inputs = ins(['x', 'memory', 'targetMask', 'memoryMask']);
      return { layer, load: () => loadTorchDecoderLayer(layer, c.weights), inputs };
    },
  };
  const { layer, load, inputs } = layers[fixture]();
  try {
    tf.dispose(layer.apply(inputs) as tf.Tensor); // builds the weights
    load();
    const outs = [layer.apply(inputs) as tf.Tensor | tf.Tensor[]].flat();
    const names = Object.keys(c.outputs);
    const errors = Object.fromEntries(names.map((n, i) => [n, maxError(outs[i], c.outputs[n])]));
    tf.dispose(outs);
    return errors;
  } finally {
    tf.dispose(inputs);
    layer.dispose();
  }
}

function layerConfig(cfg: TorchCase['config']) {
  return {
    numHeads: cfg.numHeads as number,
    dff: cfg.dff as number,
    activation: cfg.activation as 'relu' | 'gelu',
    preNorm: cfg.preNorm as boolean,
  };
}
