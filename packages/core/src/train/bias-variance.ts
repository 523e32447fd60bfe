/**
 * Bias/variance diagnosis (DLS course 2 week 1 "Bias / Variance", course 3 week 1
 * "Avoidable bias"): with the baseline error (human-level error as a proxy for Bayes error),
 *   avoidable bias = train error - baseline error,
 *   variance       = validation error - train error.
 *
 * Threshold rule: a gap is "high" when it exceeds `tolerance` (absolute error, default 0.01 =
 * 1 point) AND is at least `dominance` (default 0.5) times the other gap; a gap smaller than
 * half of the other is secondary, which is the course's "focus on the bigger one". It
 * reproduces the lectures' examples: train 1% / val 11% -> high variance; 15% / 16% -> high
 * bias; 15% / 30% -> both; 0.5% / 1% -> good fit; human 1%, train 8%, val 10% -> high bias;
 * human 7.5%, train 8%, val 10% -> high variance.
 *
 * @example
 * diagnoseBiasVariance({ trainError: 0.021, valError: 0.053, baselineError: 0.01 }).message;
 * // 'train error 2.1% vs baseline 1.0% (avoidable bias 1.1%), validation error 5.3% (variance 3.2%):
 * //  high variance — try more data, regularization (L2, dropout) or augmentation'
 */
export type Diagnosis = 'high bias' | 'high variance' | 'high bias and high variance' | 'good fit';

export interface BiasVarianceInput {
  /** Error rates as fractions in [0, 1] (e.g. 1 - accuracy). */
  trainError: number;
  valError: number;
  /** Human-level / Bayes-error proxy; 0 when unknown. */
  baselineError?: number;
  /** Smallest gap that can count as high. */
  tolerance?: number;
  /** A gap below dominance x the other gap is secondary. */
  dominance?: number;
}

export interface BiasVarianceReport {
  avoidableBias: number;
  variance: number;
  diagnosis: Diagnosis;
  message: string;
}

const DEFAULTS = { baselineError: 0, tolerance: 0.01, dominance: 0.5 };

const ADVICE: Record<Diagnosis, string> = {
  'high bias':
    'try a bigger network, training longer or a better optimizer (momentum, RMSprop, Adam), or another architecture',
  'high variance': 'try more data, regularization (L2, dropout) or augmentation',
  'high bias and high variance':
    'reduce bias first (bigger network, longer training), then variance (more data, regularization)',
  'good fit': 'train and validation errors are close to the baseline',
};

export function diagnoseBiasVariance(input: BiasVarianceInput): BiasVarianceReport {
  const { trainError, valError } = input;
  const {
    baselineError = DEFAULTS.baselineError,
    tolerance = DEFAULTS.tolerance,
    dominance = DEFAULTS.dominance,
  } = input;
  for (const [name, v] of [
    ['trainError', trainError],
    ['valError', valError],
    ['baselineError', baselineError],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 1))
      throw new Error(`${name} must be an error rate in [0, 1] (a fraction, not a percentage), got ${v}`);
  }
  if (!(tolerance >= 0)) throw new Error(`tolerance must be >= 0, got ${tolerance}`);
  if (!(dominance >= 0)) throw new Error(`dominance must be >= 0, got ${dominance}`);
  const avoidableBias = trainError - baselineError;
  const variance = valError - trainError;
  const highBias = avoidableBias > tolerance && avoidableBias >= dominance * variance;
  const highVariance = variance > tolerance && variance >= dominance * avoidableBias;
  const diagnosis: Diagnosis =
    highBias && highVariance
      ? 'high bias and high variance'
      : highBias
        ? 'high bias'
        : highVariance
          ? 'high variance'
          : 'good fit';
  const message =
    `train error ${pct(trainError)} vs baseline ${pct(baselineError)} (avoidable bias ${pct(avoidableBias)}), ` +
    `validation error ${pct(valError)} (variance ${pct(variance)}): ${diagnosis} — ${ADVICE[diagnosis]}`;
  return { avoidableBias, variance, diagnosis, message };
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
