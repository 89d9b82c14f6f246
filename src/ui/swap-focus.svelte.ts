import { tick } from 'svelte';
import { focusLost } from './focus-lost';

/**
 * For a Start button and a Pause button that replace each other: focus on the one that left would
 * fall to the page, so the one that came takes it. Call while a component initialises (an effect).
 */
export function focusOnSwap(active: () => boolean, control: () => HTMLElement | undefined): void {
  let wasActive: boolean | undefined;
  $effect(() => {
    const now = active();
    if (wasActive !== undefined && now !== wasActive) void tick().then(() => focusLost() && control()?.focus());
    wasActive = now;
  });
}
