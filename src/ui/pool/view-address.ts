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

/** The page's own address: `location.hash` and `history`. */
export function pageAddress(): ViewAddress {
  return {
    read: () => location.hash,
    replace: (hash) => history.replaceState(history.state, '', hash),
    push: (hash) => history.pushState(history.state, '', hash),
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
