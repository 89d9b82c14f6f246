import { flushSync } from 'svelte';
import { onTestFinished } from 'vitest';

/**
 * What a component that shows `read()` would render, each time it renders: an effect records the
 * value it reads from a state class at every flush. Returns the values so far, flushing first
 * what the page would render before its next frame. The effect stops when the test finishes.
 */
export function observe<T>(read: () => T): () => T[] {
  const seen: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read());
    });
  });
  onTestFinished(stop);
  // The first render: what is shown before the test acts.
  flushSync();
  return () => {
    flushSync();
    return seen;
  };
}
