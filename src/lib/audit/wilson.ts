/** A proportion's confidence interval, both ends in [0, 1]. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of `successes` out of `n`: unlike the normal approximation it
 * stays inside [0, 1] and is not zero-width at 0 or n successes, which a 30-item audit often hits.
 * Undefined for n = 0: there is no proportion to bound.
 */
export function wilsonInterval(successes: number, n: number): Interval | undefined {
  if (n === 0) return undefined;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes an end is exactly 0 or 1; rounding would leave 1e-17 or 0.9999999999999999.
  return { low: successes === 0 ? 0 : centre - half, high: successes === n ? 1 : centre + half };
}
