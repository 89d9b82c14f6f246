// NetworkState (src/ui/network-state.svelte.ts) on a stand-in browser: the connection as the
// footer shows it, the app saved for offline use, and a waiting new version started on request.
import { expect, test } from 'vitest';
import { NetworkState, type NetworkEnvironment } from '../../src/ui/network-state.svelte';
import { observe } from '../helpers/observe.svelte';

/** A service worker script as the registration lists it. */
class FakeWorker extends EventTarget {
  readonly messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
}

interface Browser {
  env: NetworkEnvironment;
  events: EventTarget;
  container: EventTarget;
  goOffline: () => void;
  reloads: () => number;
  /** Settles the promise navigator.serviceWorker.ready. */
  activate: () => void;
}

/** A browser; `registration` is what registering the service worker gave, or undefined where none was registered. */
function browser(registration?: Promise<FakeRegistration>): Browser {
  let online = true;
  let reloads = 0;
  const session = new Map<string, string>();
  let activate: () => void = () => {};
  const ready = new Promise<ServiceWorkerRegistration>((resolve) => (activate = () => resolve({} as ServiceWorkerRegistration)));
  const events = new EventTarget();
  const container = Object.assign(new EventTarget(), { ready });
  const env: NetworkEnvironment = {
    events,
    onLine: () => online,
    registration: registration as Promise<ServiceWorkerRegistration> | undefined,
    serviceWorker: registration ? container : undefined,
    reload: () => void reloads++,
    isolated: () => false,
    session: { getItem: (key) => session.get(key) ?? null, setItem: (key, value) => void session.set(key, value) },
  };
  return {
    env,
    events,
    container,
    goOffline: () => {
      online = false;
      events.dispatchEvent(new Event('offline'));
    },
    reloads: () => reloads,
    activate,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the connection follows the browser’s online and offline events until watching stops', () => {
  const page = browser();
  const network = new NetworkState(page.env);
  const online = observe(() => network.online);
  const stop = network.watch();
  page.goOffline();
  expect(online().at(-1)).toBe(false);
  stop();
  page.events.dispatchEvent(new Event('online'));
  expect(network.online).toBe(false);
});

test('without a service worker the app is online only', () => {
  const network = new NetworkState(browser().env);
  network.watch();
  expect(network.shell).toBe('unavailable');
  expect(network.updateReady).toBe(false);
});

test('the app is being saved until a service worker is active, then saved for offline use', async () => {
  const registration = new FakeRegistration();
  registration.installing = new FakeWorker('installing');
  const page = browser(Promise.resolve(registration));
  const network = new NetworkState(page.env);
  const shell = observe(() => network.shell);
  network.watch();
  await settle();
  expect(network.shell).toBe('saving');
  page.activate();
  await settle();
  expect(shell()).toEqual(['unavailable', 'saving', 'saved']);
});

test('a refused registration, or a first install whose download fails, reports the app as not saved', async () => {
  const refused = new NetworkState(browser(Promise.reject(new Error('private window'))).env);
  refused.watch();
  await settle();
  expect(refused.shell).toBe('failed');

  const registration = new FakeRegistration();
  const installing = (registration.installing = new FakeWorker('installing'));
  const network = new NetworkState(browser(Promise.resolve(registration)).env);
  network.watch();
  await settle();
  registration.installing = null;
  installing.become('redundant');
  expect(network.shell).toBe('failed');
});

test('a new version waiting beside the active one is offered, and update starts it and reloads once it controls the page', async () => {
  const registration = new FakeRegistration();
  registration.active = new FakeWorker('activated');
  const page = browser(Promise.resolve(registration));
  const network = new NetworkState(page.env);
  network.watch();
  await settle();
  expect(network.updateReady).toBe(false);

  const next = (registration.installing = new FakeWorker('installing'));
  registration.dispatchEvent(new Event('updatefound'));
  registration.installing = null;
  registration.waiting = next;
  next.become('installed');
  expect(network.updateReady).toBe(true);

  network.update();
  expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
  expect(page.reloads()).toBe(0);
  page.container.dispatchEvent(new Event('controllerchange'));
  expect(page.reloads()).toBe(1);
});

test('when the service worker takes control of an unisolated page, it reloads once, only while nothing would be lost', () => {
  const page = browser(Promise.resolve(new FakeRegistration()));
  let idle = false;
  const stop = new NetworkState(page.env).isolateOnTakeover(() => idle);
  page.container.dispatchEvent(new Event('controllerchange'));
  expect(page.reloads()).toBe(0);
  idle = true;
  page.container.dispatchEvent(new Event('controllerchange'));
  expect(page.reloads()).toBe(1);
  // Still unisolated after that reload (this tab's session remembers it): no loop.
  const again = new NetworkState(page.env).isolateOnTakeover(() => true);
  page.container.dispatchEvent(new Event('controllerchange'));
  expect(page.reloads()).toBe(1);
  stop();
  again();
});

test('an isolated page, or one without a service worker, never reloads for isolation', () => {
  const isolatedPage = browser(Promise.resolve(new FakeRegistration()));
  new NetworkState({ ...isolatedPage.env, isolated: () => true }).isolateOnTakeover(() => true);
  isolatedPage.container.dispatchEvent(new Event('controllerchange'));
  expect(isolatedPage.reloads()).toBe(0);
  const noWorker = browser();
  new NetworkState(noWorker.env).isolateOnTakeover(() => true);
  noWorker.container.dispatchEvent(new Event('controllerchange'));
  expect(noWorker.reloads()).toBe(0);
});
