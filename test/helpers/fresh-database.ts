import { IDBFactory } from 'fake-indexeddb';
import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../../src/lib/store';

export interface FreshDatabase {
  /** The test's own fake-indexeddb, for a second connection (a worker's, a newer tab's). */
  factory: IDBFactory;
  db: StudioDatabase;
  pool: PoolStore;
  projects: ProjectStore;
}

/** The app's database at the current version in an IDBFactory of its own, so no test sees another's rows. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const factory = new IDBFactory();
  const db = await openStudioDB(factory);
  return { factory, db, pool: new PoolStore(db), projects: new ProjectStore(db) };
}
