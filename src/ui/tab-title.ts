// The tab's title shows a run's progress, so a person in another tab sees how far it is.
import type { RunStatus } from './run-state.svelte';

export const APP_TITLE = 'Self-Instruct Studio';

export function tabTitle(status: RunStatus, accepted: number, target: number | null): string {
  if (status === 'running' || status === 'pausing') return `${accepted}/${target ?? '?'} · ${APP_TITLE}`;
  if (status === 'finished') return `Finished ${accepted}/${target ?? '?'} · ${APP_TITLE}`;
  if (status === 'failed') return `Run stopped · ${APP_TITLE}`;
  return APP_TITLE;
}
