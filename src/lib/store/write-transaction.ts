import type { IDBPTransaction, StoreNames } from 'idb';
import type { StudioDatabase } from './open-studio-db';
import type { StudioDB } from './schema';
import { toStorageError } from './storage-error';

/**
 * Runs `work` in one readwrite transaction and waits for it to commit. Any failure aborts the
 * whole transaction, so a step is written completely or not at all, and surfaces as a
 * StorageError named after the failing request (not the AbortError that follows it).
 */
export async function writeTransaction<Names extends StoreNames<StudioDB>[]>(
  db: StudioDatabase,
  names: Names,
  work: (tx: IDBPTransaction<StudioDB, Names, 'readwrite'>) => Promise<unknown>,
): Promise<void> {
  const tx = db.transaction(names, 'readwrite');
  const done = tx.done;
  done.catch(() => {});
  try {
    await work(tx);
    await done;
  } catch (error) {
    abortUnlessFinished(tx);
    await done.catch(() => {});
    throw toStorageError(error);
  }
}

/** Aborts a transaction unless it already ended: a failed request aborts it by itself. */
export function abortUnlessFinished(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing left to undo.
  }
}
