import type { AcceptanceWindow, Histogram } from '../stats';

/** One bar of a chart: its label on the axis and in the table, and its height. */
export interface Bar {
  label: string;
  value: number;
}

/**
 * A histogram's bins as bars. Whole-number bins (word counts) read "2–3", the last "58+" since it
 * also holds everything longer; fractional ones (ROUGE-L) read "0.1–0.2".
 */
export function histogramBars(histogram: Histogram, whole: boolean): Bar[] {
  const { width, counts } = histogram;
  return counts.map((value, bin) => {
    const low = bin * width;
    if (!whole) return { label: `${low.toFixed(1)}–${(low + width).toFixed(1)}`, value };
    if (bin === counts.length - 1) return { label: `${low}+`, value };
    return { label: width === 1 ? `${low}` : `${low}–${low + width - 1}`, value };
  });
}

/** Tasks by their number of instances; the last bin also holds the tasks with more. */
export function instancesBars(instancesPerTask: readonly number[]): Bar[] {
  return instancesPerTask.map((value, count) => ({ label: count === instancesPerTask.length - 1 ? `${count}+` : `${count}`, value }));
}

/** The acceptance curve: accepted candidates per 100, window by window (the last may be shorter). */
export function acceptanceBars(windows: readonly AcceptanceWindow[]): Bar[] {
  return windows.map(({ first, size, accepted }) => ({ label: `${first + 1}–${first + size}`, value: Math.round((accepted / size) * 100) }));
}
