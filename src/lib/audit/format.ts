import type { Kappa } from './kappa';
import type { Interval } from './wilson';

/** A share as a whole percent, "54%", or "–" while there is none; with its interval, "54% (47–61%)". */
export function formatShare(share: number | undefined, interval?: Interval): string {
  if (share === undefined) return '–';
  const percent = (value: number) => `${Math.round(value * 100)}`;
  return interval ? `${percent(share)}% (${percent(interval.low)}–${percent(interval.high)}%)` : `${percent(share)}%`;
}

/** Kappa to two decimals, or why there is none, in words. */
export function formatKappa(kappa: Kappa): string {
  if (kappa.kind === 'value') return kappa.value.toFixed(2);
  return kappa.why === 'no-items' ? 'none (no items)' : 'undefined (one answer throughout)';
}
