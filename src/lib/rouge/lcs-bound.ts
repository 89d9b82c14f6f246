import { fmeasure } from './rouge-l';

/** A score to beat: above `value`, or at least `value` when not `strict`. */
export interface Bar {
  value: number;
  strict: boolean;
}

function beats(score: number, bar: Bar): boolean {
  return bar.strict ? score > bar.value : score >= bar.value;
}

/**
 * The least LCS length whose F, for token counts m and n, beats the bar; Infinity when even
 * min(m, n) does not. Every bound uses `fmeasure` itself, never 2L/(m+n), so pruning never
 * changes a decision at the boundary (research/self_instruct_anchor.md §3.4).
 */
export function minLcsToBeat(bar: Bar, m: number, n: number): number {
  const most = Math.min(m, n);
  // F grows with L by about 2/(m+n) a step, so below this start it is well under the bar.
  let lcs = Math.max(1, Math.floor((bar.value * (m + n)) / 2) - 1);
  while (lcs <= most && !beats(fmeasure(lcs, m, n), bar)) lcs++;
  return lcs <= most ? lcs : Infinity;
}

/** Pool lengths n for which some LCS can beat the bar against a query of m tokens. */
export interface LengthWindow {
  shortest: number;
  longest: number;
  /** The least LCS any length in the window needs: F falls as n grows, so it is the shortest's. */
  minLcs: number;
}

/**
 * The length filter of the similarity-join literature, exact for F; null when no length can.
 * Lengths that can beat the bar form one run around m: F(min(m, n), m, n) rises up to n = m and
 * falls after it, so both ends are found by binary search.
 */
export function lengthWindow(bar: Bar, m: number, longestInPool: number): LengthWindow | null {
  const canBeat = (n: number): boolean => minLcsToBeat(bar, m, n) !== Infinity;
  const peak = Math.min(m, longestInPool);
  if (peak < 1 || !canBeat(peak)) return null;
  const shortest = firstTrue(1, peak, canBeat);
  const longest = firstTrue(peak, longestInPool + 1, (n) => n > longestInPool || !canBeat(n)) - 1;
  return { shortest, longest, minLcs: minLcsToBeat(bar, m, shortest) };
}

/** The least n in [low, high] where `test` holds, for a test false then true; `high` if none before. */
function firstTrue(low: number, high: number, test: (n: number) => boolean): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
