import type { TimedPart } from './protocol';

/** Main-thread tasks over 50 ms, as Chromium reports them (PerformanceObserver 'longtask'). */
export class LongTasks {
  readonly observed = PerformanceObserver.supportedEntryTypes.includes('longtask');
  readonly #entries: { start: number; end: number }[] = [];

  constructor() {
    if (!this.observed) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.#entries.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  }

  /** Entries are delivered in a later task, after the long task itself has ended: wait for them. */
  settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 100));
  }

  /**
   * The longest task that started in [start, end) (call `settle` first); 0 when none passed 50 ms.
   * By start, so a task that ends a read and begins the write is the read's.
   */
  longestIn(start: number, end: number): number {
    let longest = 0;
    for (const entry of this.#entries) {
      if (entry.start >= start && entry.start < end) longest = Math.max(longest, entry.end - entry.start);
    }
    return longest;
  }
}

/** Times parts of a sequence one after another, then names each part's longest task. */
export class PartTimer {
  readonly #parts: { name: string; start: number; end: number }[] = [];

  constructor(private readonly longTasks: LongTasks) {}

  async time<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    const value = await work();
    this.#parts.push({ name, start, end: performance.now() });
    return value;
  }

  async parts(): Promise<TimedPart[]> {
    await this.longTasks.settle();
    return this.#parts.map(({ name, start, end }) => ({ name, ms: end - start, longestTaskMs: this.longTasks.longestIn(start, end) }));
  }
}

export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
