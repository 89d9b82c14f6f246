/**
 * Whether keyboard focus has nowhere useful to be: on the page itself, or on a control that was just
 * removed or disabled (Chromium moves focus off a disabled control only at its next rendering).
 */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.matches(':disabled');
}
