/**
 * One human-readable line per epoch, for logs and non-TTY progress:
 * `epoch 3/10  loss 0.2345  acc 0.9312  valLoss 0.2567  valAcc 0.9200  lr 1.00e-3  1.2s`.
 *
 * @example
 * new Trainer(model, { onEpochEnd: (logs, ctx) => process.stderr.write(formatEpochLogs(logs, ctx.epochs) + '\n') });
 */
import type { EpochLogs } from './history';

export function formatEpochLogs(logs: EpochLogs, epochs?: number): string {
  const parts = [`epoch ${logs.epoch + 1}${epochs ? `/${epochs}` : ''}`];
  for (const [key, value] of Object.entries(logs)) {
    if (key === 'epoch' || key === 'lr' || key === 'seconds' || value === undefined) continue;
    parts.push(`${key} ${formatNumber(value)}`);
  }
  parts.push(`lr ${logs.lr.toExponential(2)}`, `${logs.seconds.toFixed(1)}s`);
  return parts.join('  ');
}

/** 4 decimals for ordinary magnitudes, exponent notation for tiny or huge values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? value.toExponential(3) : value.toFixed(4);
}
