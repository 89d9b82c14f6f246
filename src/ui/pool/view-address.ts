import { viewFromHash } from '../../lib/pool-view';

/** The address bar's hash, where the pool's view lives so that reload and Back keep it. */
export interface ViewAddress {
  read(): string;
  /** Rewrites the current history entry (typing a search does not fill the Back button). */
  replace(hash: string): void;
  /** A new history entry, which Back returns from (a filter or the sort changed). */
  push(hash: string): void;
  /** Calls `onChange` when Back, Forward or a typed address changes the hash; returns the way to stop. */
  watch(onChange: () => void): () => void;
}

/** Where each project's last view is kept, for a visit whose address holds none. */
const LAST_VIEW_KEY = (projectId: string) => `self-instruct-studio:pool-view:${projectId}`;

/**
 * The page's own address: `location.hash` and `history`. A visit whose address holds no view (the
 * site's plain URL, a bookmark of it, a skip link's `#pool`) lands on the project's last view, so
 * a returning user finds the pool as they left it.
 */
export function pageAddress(projectId: string): ViewAddress {
  const remember = (hash: string) => {
    try {
      localStorage.setItem(LAST_VIEW_KEY(projectId), hash);
    } catch {
      // Storage full or refused: the address still holds the view.
    }
  };
  return {
    read: () => (viewFromHash(location.hash) ? location.hash : (localStorage.getItem(LAST_VIEW_KEY(projectId)) ?? location.hash)),
    replace: (hash) => {
      history.replaceState(history.state, '', hash);
      remember(hash);
    },
    push: (hash) => {
      history.pushState(history.state, '', hash);
      remember(hash);
    },
    watch(onChange) {
      // Back fires popstate, and hashchange too when the hash differs; a typed hash fires hashchange only.
      addEventListener('popstate', onChange);
      addEventListener('hashchange', onChange);
      return () => {
        removeEventListener('popstate', onChange);
        removeEventListener('hashchange', onChange);
      };
    },
  };
}
