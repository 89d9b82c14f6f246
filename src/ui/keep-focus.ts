import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { focusLost } from './focus-lost';

/**
 * For a button disabled while its own work runs (Download, Replay, an import): Chromium moves focus
 * off a disabled control, to the page, so the next Tab would start from the top. When the button is
 * usable again and focus has gone nowhere else, it gets the focus back.
 */
export function keepFocus(disabled: () => boolean): Attachment<HTMLElement> {
  let hadFocus = false;
  return (node) => {
    if (disabled()) hadFocus ||= document.activeElement === node;
    else if (hadFocus) {
      hadFocus = false;
      void tick().then(() => focusLost() && node.focus());
    }
  };
}
