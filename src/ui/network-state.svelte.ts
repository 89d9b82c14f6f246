/**
 * Where the app itself stands for offline use: `saving` while the service worker downloads it,
 * `saved` once it can start with the network off, `unavailable` where there is no service worker
 * (the dev server, some private windows), `failed` when saving it went wrong.
 */
export type ShellStatus = 'unavailable' | 'saving' | 'saved' | 'failed';

/** What NetworkState reads from the browser; a test can pass its own. */
export interface NetworkEnvironment {
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  onLine: () => boolean;
  /** The registration main.ts asked for; undefined where no service worker is registered. */
  registration: Promise<ServiceWorkerRegistration> | undefined;
  serviceWorker: Pick<ServiceWorkerContainer, 'ready' | 'addEventListener' | 'removeEventListener'> | undefined;
  reload: () => void;
  /** window.crossOriginIsolated: the page may share memory between threads. */
  isolated: () => boolean;
  /** This tab's sessionStorage: remembers the one reload for isolation. */
  session: Pick<Storage, 'getItem' | 'setItem'>;
}

const ISOLATION_RELOAD_KEY = 'self-instruct-studio:isolation-reload';

let registering: Promise<ServiceWorkerRegistration> | undefined;

/**
 * Registers the service worker that vite-plugin-pwa generates next to index.html, so its scope is
 * the folder the site is served from, whatever the sub-path. main.ts calls it once per page; the
 * worker is registered once the page has loaded, so its downloads do not hold up the page's own.
 */
export function registerServiceWorker(url = './sw.js'): void {
  if (!('serviceWorker' in navigator) || registering) return;
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  registering = loaded.then(() => navigator.serviceWorker.register(url));
  // Some private windows refuse service workers: the app then runs online only, and says so.
  registering.catch((error: unknown) => console.warn(`Self-Instruct Studio cannot be saved for offline use here: ${String(error)}`));
}

function browserEnvironment(): NetworkEnvironment {
  return {
    events: window,
    onLine: () => navigator.onLine,
    registration: registering,
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    reload: () => location.reload(),
    isolated: () => globalThis.crossOriginIsolated === true,
    session: sessionStorage,
  };
}

/** Online or offline, whether the app is saved for offline use, and whether a new version waits. */
export class NetworkState {
  #online = $state(true);
  #shell = $state<ShellStatus>('unavailable');
  #updateReady = $state(false);
  #registration: ServiceWorkerRegistration | undefined;
  readonly #env: NetworkEnvironment;

  constructor(env: NetworkEnvironment = browserEnvironment()) {
    this.#env = env;
  }

  /** navigator.onLine: true on any network, which need not reach the internet. */
  get online() { return this.#online; }
  get shell() { return this.#shell; }
  /**
   * A new version of the site is installed and waits. It starts by itself once every tab of the
   * app is closed; `update()` starts it now.
   */
  get updateReady() { return this.#updateReady; }

  /** Follows the connection and the service worker until the returned function is called. */
  watch(): () => void {
    const { events, onLine, registration, serviceWorker } = this.#env;
    let stopped = false;
    const setOnline = () => (this.#online = onLine());
    setOnline();
    events.addEventListener('online', setOnline);
    events.addEventListener('offline', setOnline);
    if (registration && serviceWorker) {
      this.#shell = 'saving';
      registration.then(
        (found) => !stopped && this.#follow(found),
        () => !stopped && (this.#shell = 'failed'),
      );
      // Resolves once a service worker is active here, which it is only after caching the whole app.
      void serviceWorker.ready.then(() => !stopped && (this.#shell = 'saved'));
    }
    return () => {
      stopped = true;
      events.removeEventListener('online', setOnline);
      events.removeEventListener('offline', setOnline);
    };
  }

  /**
   * Starts the waiting version and reloads this page once it is in control. A reload ends a run,
   * so offer this only when none is going. Other open tabs keep the old page until reloaded.
   */
  update(): void {
    const waiting = this.#registration?.waiting;
    const { serviceWorker, reload } = this.#env;
    if (!waiting || !serviceWorker) return;
    serviceWorker.addEventListener('controllerchange', () => reload(), { once: true });
    // Workbox's generated worker skips waiting on this message (vite.config.ts, registerType 'prompt').
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }

  /**
   * On a host that sends no isolation headers, the service worker adds them to the pages it serves
   * (public/isolation-headers.js), but this page came from the network before the worker took
   * control. When it does, the page reloads once, if `idle` says nothing would be lost (no model
   * loaded or loading, hence no run), so that llama.cpp gets its threads; otherwise the next visit
   * is isolated. Once per tab: a browser that stays unisolated (no credentialless COEP) never loops.
   * Returns the function that stops listening.
   */
  isolateOnTakeover(idle: () => boolean): () => void {
    const { serviceWorker, isolated, session, reload } = this.#env;
    if (!serviceWorker || isolated()) return () => {};
    const takeover = () => {
      if (isolated() || !idle() || session.getItem(ISOLATION_RELOAD_KEY)) return;
      session.setItem(ISOLATION_RELOAD_KEY, 'done');
      reload();
    };
    serviceWorker.addEventListener('controllerchange', takeover);
    return () => serviceWorker.removeEventListener('controllerchange', takeover);
  }

  #follow(registration: ServiceWorkerRegistration): void {
    this.#registration = registration;
    const check = () => {
      // A waiting worker next to an active one is a new version; a first install has no active one.
      this.#updateReady = Boolean(registration.waiting && registration.active);
      if (!registration.active && !registration.installing && !registration.waiting) this.#shell = 'failed';
    };
    const watchInstall = () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        // A precache download that fails makes the new worker redundant.
        if (installing.state === 'redundant' && !registration.active) this.#shell = 'failed';
        check();
      });
    };
    registration.addEventListener('updatefound', watchInstall);
    watchInstall();
    check();
  }
}
