/**
 * Counts in bins of equal width from 0: bin i holds values in [i·width, (i+1)·width), and the last
 * bin also every value above it (ROUGE-L's 1.0, the longest texts).
 */
export interface Histogram {
  width: number;
  counts: number[];
}

/** The histogram of `values` in `bins` bins of `width`. */
export function histogramOf(values: Iterable<number>, width: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[binOf(value, width, bins)]!++;
  return { width, counts };
}

/** The bin that holds `value`, as histogramOf counts it. */
export function binOf(value: number, width: number, bins: number): number {
  // The nudge keeps a value on a bin's edge (0.7 read back as 0.69999…) in the bin it starts.
  return Math.min(bins - 1, Math.max(0, Math.floor(value / width + 1e-9)));
}
