// Stand-ins for the browser objects the state classes use and Node lacks, each put in place for
// one test at a time.
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, vi } from 'vitest';

/** `localStorage`, held in a Map per test; returns the Map. */
export function useLocalStorage(): Map<string, string> {
  const items = new Map<string, string>();
  beforeEach(() => {
    items.clear();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, String(value)),
      removeItem: (key: string) => void items.delete(key),
    });
  });
  afterEach(() => vi.unstubAllGlobals());
  return items;
}

export interface SavedFile {
  name: string;
  blob: Blob;
}

/** `document`, enough for a download link: each clicked link's file is appended to the returned list. */
export function useDownloads(): SavedFile[] {
  const saved: SavedFile[] = [];
  beforeEach(() => {
    saved.length = 0;
    const createElement = () => ({
      href: '',
      download: '',
      click(this: { href: string; download: string }) {
        // Read at once: the page revokes the object URL right after the click.
        const blob = resolveObjectURL(this.href);
        if (!blob) throw new Error(`No Blob behind ${this.href}`);
        // The global Blob is the one node:buffer returns; only their type declarations differ.
        saved.push({ name: this.download, blob: blob as Blob });
      },
    });
    vi.stubGlobal('document', { createElement });
  });
  afterEach(() => vi.unstubAllGlobals());
  return saved;
}
