import type { RunStatus } from './run-state.svelte';

/** The browser's Notification constructor, as far as this page uses it. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): object;
}

/**
 * Tells the person when a run ends while they look elsewhere: a system notification, once they
 * allowed it with the button (never asked on load, as browsers and people dislike).
 */
export class RunNotifier {
  #permission = $state<NotificationPermission | 'unsupported'>('unsupported');

  constructor(private readonly api: NotificationApi | undefined = globalThis.Notification) {
    if (api) this.#permission = api.permission;
  }

  /** 'unsupported' where the browser has no notifications (an iPhone's Safari outside the home screen). */
  get permission() { return this.#permission; }

  async ask(): Promise<void> {
    if (this.api) this.#permission = await this.api.requestPermission();
  }

  /** Notifies of a finished or failed run; a pause was the person's own doing and tells nothing. */
  tell(status: RunStatus, accepted: number, error?: string): void {
    if (!this.api || this.#permission !== 'granted') return;
    if (status === 'finished') new this.api('Run finished', { body: `${accepted.toLocaleString('en')} new instructions in the pool. Self-Instruct Studio`, tag: 'run' });
    if (status === 'failed') new this.api('Run stopped with an error', { body: error ?? 'Open Self-Instruct Studio to see why.', tag: 'run' });
  }
}
