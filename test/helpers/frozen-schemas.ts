// The app's database as each released version left it in users' browsers, built by hand for the
// upgrade tests. Like a released upgrade step, a version here is never edited: the next one is added.

export type ReleasedVersion = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const VERSIONS: Record<ReleasedVersion, (db: IDBDatabase, upgrade: IDBTransaction) => void> = {
  1: (db) => {
    db.createObjectStore('projects', { keyPath: 'id' });
    db.createObjectStore('seeds', { keyPath: ['projectId', 'position'] }).createIndex('by-project', 'projectId');
    const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
    tasks.createIndex('by-project', 'projectId');
    tasks.createIndex('by-project-stage', ['projectId', 'stage']);
    const instances = db.createObjectStore('instances', { keyPath: 'id' });
    instances.createIndex('by-project', 'projectId');
    instances.createIndex('by-task', 'taskId');
    db.createObjectStore('calls', { keyPath: 'id' }).createIndex('by-project-purpose', ['projectId', 'purpose']);
    db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-project', 'projectId');
  },
  2: (_db, upgrade) => {
    upgrade.objectStore('tasks').createIndex('by-project-rule', ['projectId', 'reason.rule']);
  },
  3: (db) => {
    db.createObjectStore('datasetPages', { keyPath: ['projectId', 'page'] });
  },
  // Version 4 repaired stored settings and changed no store.
  4: () => {},
  5: (db) => {
    db.createObjectStore('parts', { keyPath: ['projectId', 'hash'] });
  },
  6: (db, upgrade) => {
    const trash = db.createObjectStore('trash', { keyPath: 'id' });
    trash.createIndex('by-project', 'projectId');
    trash.createIndex('by-task', 'taskIds', { multiEntry: true });
    trash.createIndex('by-project-instance', 'instanceKeys', { multiEntry: true });
    db.createObjectStore('undo', { keyPath: ['projectId', 'seq'] });
    db.createObjectStore('undoStates', { keyPath: ['projectId', 'seq'] });
    upgrade.objectStore('datasetPages').createIndex('by-task', 'taskIds', { multiEntry: true });
  },
  7: (db) => {
    db.createObjectStore('judgments', { keyPath: ['projectId', 'taskId'] });
    db.createObjectStore('audits', { keyPath: 'projectId' });
  },
};

/** Creates the database in `factory` as released version `version` had it, empty, and opens it. */
export function openReleasedVersion(factory: IDBFactory, version: ReleasedVersion): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open('self-instruct-studio', version);
    open.onupgradeneeded = () => {
      for (let step = 1; step <= version; step++) VERSIONS[step as ReleasedVersion](open.result, open.transaction!);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Writes rows into a released version's stores in one transaction, as that version of the app did. */
export async function putRows(db: IDBDatabase, rows: Partial<Record<string, readonly unknown[]>>): Promise<void> {
  const stores = Object.keys(rows);
  const tx = db.transaction(stores, 'readwrite');
  for (const store of stores) for (const row of rows[store]!) tx.objectStore(store).put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
