// StorageState (src/ui/storage-state.svelte.ts) on a stand-in for navigator.storage: the footer's
// usage figures, and the one question whether the browser will keep the pool.
import { afterEach, expect, test, vi } from 'vitest';
import { StorageState } from '../../src/ui/storage-state.svelte';
import { observe } from '../helpers/observe.svelte';

afterEach(() => vi.unstubAllGlobals());

/** navigator.storage with the given figures; `grant` is what persist() answers. */
function storageManager({ usage = 1_000, quota = 50_000, persisted = false, grant = true } = {}) {
  const manager = {
    asked: 0,
    estimate: async () => ({ usage, quota }),
    persisted: async () => persisted,
    persist: async () => {
      manager.asked++;
      return grant;
    },
  };
  vi.stubGlobal('navigator', { storage: manager });
  return manager;
}

test('refresh shows what the site stores, how much it may, and whether the browser keeps it', async () => {
  storageManager({ usage: 2_500_000, quota: 9_000_000_000, persisted: true });
  const storage = new StorageState();
  const shown = observe(() => [storage.usage, storage.quota, storage.persisted]);
  await storage.refresh();
  expect(shown().at(-1)).toEqual([2_500_000, 9_000_000_000, true]);
});

test('a browser without the storage API shows no figures, and nothing fails', async () => {
  vi.stubGlobal('navigator', {});
  const storage = new StorageState();
  await storage.refresh();
  await storage.persist();
  expect([storage.usage, storage.quota, storage.persisted]).toEqual([undefined, undefined, false]);
});

test('persist asks the browser once; a granted request is not asked again', async () => {
  const manager = storageManager({ grant: true });
  const storage = new StorageState();
  await storage.persist();
  expect(storage.persisted).toBe(true);
  await storage.persist();
  expect(manager.asked).toBe(1);
});

test('a refused request leaves the pool marked as one the browser may clear', async () => {
  const manager = storageManager({ grant: false });
  const storage = new StorageState();
  await storage.refresh();
  await storage.persist();
  expect(storage.persisted).toBe(false);
  expect(manager.asked).toBe(1);
});
