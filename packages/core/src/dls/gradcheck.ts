/**
 * DLS course 2 week 1, "Gradient checking", for every layer kind of the scratch engine: the
 * relative difference ||g_num - g_ana|| / (||g_num|| + ||g_ana||) between two-sided numeric
 * gradients and the backward passes, per layer (and loss, and regularizer), from the engine's
 * `gradcheckReport`, plus one row for this folder's `sigmoidCrossEntropy` (the loss every other
 * experiment trains with), checked on a small Dense-ReLU-Dense network. The threshold is the
 * engine's GRADCHECK_THRESHOLD (1e-3), justified in scratch/gradient-check.ts: float32 with
 * eps = 1e-3 gives ~1e-8..2e-5 for correct backward passes and >= 0.7 for planted bugs
 * (the course's 1e-7 assumes float64).
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../data/rng';
import { gradcheckReport } from '../scratch/gradcheck-report';
import { GRADCHECK_THRESHOLD, gradientCheck } from '../scratch/gradient-check';
import { Dense } from '../scratch/layers/dense';
import { ReLU } from '../scratch/layers/relu';
import type { LossFn } from '../scratch/losses/types';
import { ScratchSequential } from '../scratch/sequential';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy';
import type { DlsResult, DlsRunOptions } from './types';

export interface GradcheckRow {
  relativeDifference: number;
  threshold: number;
  passed: boolean;
}

/** Dense(5)-ReLU-Dense(1) logits on 6 examples, through a logits loss (`sigmoidCrossEntropy` by default). */
export function checkLogitLoss(seed: number, loss: LossFn = sigmoidCrossEntropy): GradcheckRow {
  const rng = new Rng(seed * 1000 + 999);
  const model = new ScratchSequential([
    new Dense({ units: 5, inputDim: 3, initializer: 'xavier', seed: rng }),
    new ReLU(),
    new Dense({ units: 1, initializer: 'xavier', seed: rng }),
  ]);
  const x = tf.tensor2d(
    Float32Array.from({ length: 18 }, () => rng.normal()),
    [6, 3],
  );
  const y = tf.tensor2d(
    Float32Array.from({ length: 6 }, (_, i) => i % 2),
    [6, 1],
  );
  try {
    const r = gradientCheck(model, loss, x, y, { threshold: GRADCHECK_THRESHOLD });
    return { relativeDifference: r.worst, threshold: r.threshold, passed: r.passed };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

export async function runGradcheck(
  options: DlsRunOptions = {},
): Promise<DlsResult<GradcheckRow> & { allPassed: boolean }> {
  const seed = options.seed ?? 0;
  const results: Record<string, GradcheckRow> = {};
  for (const row of gradcheckReport({ seed })) {
    results[row.layer] = { relativeDifference: row.relativeDifference, threshold: row.threshold, passed: row.passed };
  }
  results['model dense-relu-dense + sigmoidCrossEntropy (dls)'] = checkLogitLoss(seed);
  return { experiment: 'gradcheck', results, allPassed: Object.values(results).every((r) => r.passed), seed };
}
