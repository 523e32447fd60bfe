/**
 * DLS course 2 week 1, "Gradient checking", for every layer kind of the scratch engine: the
 * relative difference ||g_num - g_ana|| / (||g_num|| + ||g_ana||) between two-sided numeric
 * gradients and the backward passes, per layer (and loss, and regularizer). The threshold is the
 * engine's GRADCHECK_THRESHOLD (1e-3), justified in scratch/gradientCheck.ts: float32 with
 * eps = 1e-3 gives ~1e-8..2e-5 for correct backward passes and >= 0.7 for planted bugs
 * (the course's 1e-7 assumes float64).
 */
import { gradcheckReport } from '../scratch/gradcheckReport';
import type { DlsResult, DlsRunOptions } from './types';

export interface GradcheckRow {
  relativeDifference: number;
  threshold: number;
  passed: boolean;
}

export async function runGradcheck(options: DlsRunOptions = {}): Promise<DlsResult<GradcheckRow> & { allPassed: boolean }> {
  const seed = options.seed ?? 0;
  const results: Record<string, GradcheckRow> = {};
  for (const row of gradcheckReport({ seed })) {
    results[row.layer] = { relativeDifference: row.relativeDifference, threshold: row.threshold, passed: row.passed };
  }
  return { experiment: 'gradcheck', results, allPassed: Object.values(results).every((r) => r.passed), seed };
}
