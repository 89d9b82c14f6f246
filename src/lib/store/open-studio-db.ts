import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { repairSettings } from '../method';
import type { CallRecord } from '../vocabulary';
import { countTokens, journalCalls } from './call-journal';
import { appendFinished, collectFinished, indexPageTasks } from './dataset-pages';
import { DB_NAME, DB_VERSION, type StudioDB } from './schema';
import { StorageError } from './storage-error';
import { abortUnlessFinished } from './write-transaction';

export type StudioDatabase = IDBPDatabase<StudioDB>;

/**
 * Opens (and creates or upgrades) the app's database. `factory` lets tests pass a fresh
 * fake-indexeddb IDBFactory; the browser's own is the default.
 *
 * Tabs of two app versions meet here after an update. A tab that opens a newer version makes the
 * others close their connection (`onClosed` tells them, so they can ask for a reload); a tab of
 * an older version that does not close keeps this one from opening, which fails with advice.
 */
export function openStudioDB(factory?: IDBFactory, onClosed?: () => void): Promise<StudioDatabase> {
  const restore = swapFactory(factory);
  try {
    return new Promise((resolve, reject) => {
      openDB<StudioDB>(DB_NAME, DB_VERSION, {
        upgrade,
        blocked: () => reject(blockedError()),
        blocking: (_current, _next, event) => {
          (event.target as IDBDatabase).close();
          onClosed?.();
        },
      }).then(resolve, (error: unknown) => reject(isVersionError(error) ? outdatedError(error) : error));
    });
  } finally {
    restore();
  }
}

function isVersionError(error: unknown): boolean {
  return error instanceof Error && error.name === 'VersionError';
}

/** A newer version of the app (another tab) upgraded the database since this page loaded: a worker opening it now fails so. */
function outdatedError(cause: unknown): StorageError {
  return new StorageError(
    'storage-outdated',
    'A newer version of Self-Instruct Studio, opened in another tab, has updated the stored data. Reload this page to go on with the newer version; nothing stored is lost.',
    { cause },
  );
}

function blockedError(): StorageError {
  return new StorageError(
    'storage-blocked',
    'Another tab has an older version of Self-Instruct Studio open, and it keeps this version from updating the stored data. Close the other Self-Instruct Studio tabs, then reload this page.',
  );
}

// A ladder of version steps: each runs once, in order, and is never edited after release.
function upgrade(db: StudioDatabase, oldVersion: number, _newVersion: number | null, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
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
  }
  if (oldVersion < 2) {
    // The funnel counts rejections per rule without reading every rejected task.
    tx.objectStore('tasks').createIndex('by-project-rule', ['projectId', 'reason.rule']);
  }
  if (oldVersion < 3) {
    db.createObjectStore('datasetPages', { keyPath: ['projectId', 'page'] });
    // A failed step must not leave a database without pages: aborting fails the whole open.
    pageExistingProjects(tx).catch(() => abortUnlessFinished(tx));
  }
  if (oldVersion < 4) {
    // Until version 4, settings were saved unchecked (a cleared field as null) and merged with the
    // defaults on every load; from now on they are stored whole and valid.
    repairStoredSettings(tx).catch(() => abortUnlessFinished(tx));
  }
  if (oldVersion < 5) {
    db.createObjectStore('parts', { keyPath: ['projectId', 'hash'] });
    journalExistingCalls(tx).catch(() => abortUnlessFinished(tx));
  }
  if (oldVersion < 6) {
    // Curation: deleted tasks wait in the trash, each user action can be undone, and an edit
    // finds its task's dataset page by index instead of reading them all.
    const trash = db.createObjectStore('trash', { keyPath: 'id' });
    trash.createIndex('by-project', 'projectId');
    trash.createIndex('by-task', 'taskIds', { multiEntry: true });
    trash.createIndex('by-project-instance', 'instanceKeys', { multiEntry: true });
    db.createObjectStore('undo', { keyPath: ['projectId', 'seq'] });
    db.createObjectStore('undoStates', { keyPath: ['projectId', 'seq'] });
    tx.objectStore('datasetPages').createIndex('by-task', 'taskIds', { multiEntry: true });
    indexPageTasks(tx.objectStore('datasetPages')).catch(() => abortUnlessFinished(tx));
  }
  if (oldVersion < 7) {
    // Judging: the judge's latest word on each task, and a person's audit of a sample.
    db.createObjectStore('judgments', { keyPath: ['projectId', 'taskId'] });
    db.createObjectStore('audits', { keyPath: 'projectId' });
  }
  if (oldVersion < 8) {
    // The journal's token totals per project, kept as calls are added instead of read from every call.
    db.createObjectStore('callTokens', { keyPath: 'projectId' });
    countExistingTokens(tx).catch(() => abortUnlessFinished(tx));
  }
}

type UpgradeTransaction = IDBPTransaction<StudioDB, StoreNames<StudioDB>[], 'versionchange'>;

/** Writes the pages of every project already stored, one project at a time to bound memory. */
async function pageExistingProjects(tx: UpgradeTransaction): Promise<void> {
  for (const projectId of await tx.objectStore('projects').getAllKeys()) {
    const [tasks, instances] = await Promise.all([
      tx.objectStore('tasks').index('by-project-stage').getAll([projectId, 'done']),
      tx.objectStore('instances').index('by-project').getAll(projectId),
    ]);
    await appendFinished(tx.objectStore('datasetPages'), projectId, collectFinished(tasks, instances));
  }
}

/** Brings every project's stored settings to today's shape. */
async function repairStoredSettings(tx: UpgradeTransaction): Promise<void> {
  for (let cursor = await tx.objectStore('projects').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.settings !== undefined) await cursor.update({ ...cursor.value, settings: repairSettings(cursor.value.settings) });
  }
}

/** Calls converted per batch by the version 5 step: a few MB of records, whatever the project's size. */
const CALLS_PER_BATCH = 500;

/** Stores the calls already journaled the version 5 way: repeated texts as parts, a batch at a time. */
async function journalExistingCalls(tx: UpgradeTransaction): Promise<void> {
  const calls = tx.objectStore('calls');
  let after: IDBKeyRange | null = null;
  for (;;) {
    // Before version 5 the calls store held whole CallRecords.
    const batch = (await calls.getAll(after, CALLS_PER_BATCH)) as unknown as CallRecord[];
    if (batch.length === 0) return;
    const records = await journalCalls(tx.objectStore('parts'), batch);
    await Promise.all(records.map((record) => calls.put(record)));
    after = IDBKeyRange.lowerBound(batch.at(-1)!.id, true);
  }
}

/** Totals the tokens of the calls already journaled, a batch at a time. */
async function countExistingTokens(tx: UpgradeTransaction): Promise<void> {
  const calls = tx.objectStore('calls');
  for (let after: IDBKeyRange | null = null; ; ) {
    const batch = await calls.getAll(after, CALLS_PER_BATCH);
    if (batch.length === 0) return;
    await countTokens(tx.objectStore('callTokens'), batch);
    after = IDBKeyRange.lowerBound(batch.at(-1)!.id, true);
  }
}

// idb's openDB reads the global indexedDB; pointing it at a given factory for the one call keeps
// tests isolated without a global fake.
function swapFactory(factory: IDBFactory | undefined): () => void {
  if (!factory) return () => {};
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
  Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
  return () => {
    if (previous) Object.defineProperty(globalThis, 'indexedDB', previous);
    else delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  };
}
