import { histogramOf, type Histogram } from './histogram';

/** A distribution as a histogram and its usual figures; mean and median are null when it is empty. */
export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  max: number | null;
  histogram: Histogram;
}

/** `values` summed up, binned in `bins` bins of `width`. */
export function distributionOf(values: readonly number[], width: number, bins: number): Distribution {
  const histogram = histogramOf(values, width, bins);
  if (values.length === 0) return { count: 0, mean: null, median: null, max: null, histogram };
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const sum = values.reduce((total, value) => total + value, 0);
  return { count: values.length, mean: sum / values.length, median, max: sorted[sorted.length - 1]!, histogram };
}
