// The version 5 upgrade on fake-indexeddb: a version 3 database's whole calls are converted in
// place, in batches, to records that name parts, and every call reads back as it was stored.
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { openStudioDB, PoolStore, ProjectStore } from '../../src/lib/store';
import { splitCall } from '../../src/lib/store/call-pieces';
import type { CallRecord } from '../../src/lib/vocabulary';
import { everyMethodRequest, journalCall } from '../fixtures/journal-calls';

/** More than one upgrade batch (500 calls), in two projects, interleaved by id. */
const CALLS = 1_050;

test('a version 3 database upgrades in place: every call reads back identical, its repeated texts stored once', async () => {
  const factory = new IDBFactory();
  const requests = everyMethodRequest();
  const calls: CallRecord[] = Array.from({ length: CALLS }, (_, i) => journalCall(i % 3 ? 'a' : 'b', `call-${String(i).padStart(5, '0')}`, requests[i % requests.length]!));
  const v3 = await openVersion3(factory);
  const tx = v3.transaction(['projects', 'calls'], 'readwrite');
  for (const id of ['a', 'b']) tx.objectStore('projects').put({ id, name: id, created: 0 });
  for (const call of calls) tx.objectStore('calls').put(call);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  v3.close();

  const db = await openStudioDB(factory);
  const projects = new ProjectStore(db);
  const read = [...(await projects.read('a')).calls, ...(await projects.read('b')).calls].sort((x, y) => x.id.localeCompare(y.id));
  expect(read.map((call) => JSON.stringify(call))).toEqual(calls.map((call) => JSON.stringify(call)));
  expect(read).toStrictEqual(calls);

  // Converted, not copied: records name parts, and each project holds each repeated text once.
  const stored = await db.getAll('calls');
  expect(stored.every(({ request }) => (request.mode === 'chat' ? Array.isArray(request.messages.earlier) : Array.isArray(request.prompt)))).toBe(true);
  const parts = await db.getAll('parts');
  const repeated = new Set(calls.flatMap((call) => [...splitCall(call).parts.keys()].map((hash) => `${call.projectId} ${hash}`)));
  expect(parts.map((part) => `${part.projectId} ${part.hash}`).sort()).toEqual([...repeated].sort());
  expect(parts.length).toBeLessThan(calls.length / 10);
  expect(await new PoolStore(db).counts('a')).toMatchObject({ generationCalls: calls.filter((call) => call.projectId === 'a' && call.purpose === 'instructions').length });
});

/** The released version 3 schema, as a user's browser holds it. */
function openVersion3(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open('self-instruct-studio', 3);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('projects', { keyPath: 'id' });
      db.createObjectStore('seeds', { keyPath: ['projectId', 'position'] }).createIndex('by-project', 'projectId');
      const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
      tasks.createIndex('by-project', 'projectId');
      tasks.createIndex('by-project-stage', ['projectId', 'stage']);
      tasks.createIndex('by-project-rule', ['projectId', 'reason.rule']);
      const instances = db.createObjectStore('instances', { keyPath: 'id' });
      instances.createIndex('by-project', 'projectId');
      instances.createIndex('by-task', 'taskId');
      db.createObjectStore('calls', { keyPath: 'id' }).createIndex('by-project-purpose', ['projectId', 'purpose']);
      db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-project', 'projectId');
      db.createObjectStore('datasetPages', { keyPath: ['projectId', 'page'] });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}
