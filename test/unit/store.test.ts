// PoolStore on fake-indexeddb: every step is one transaction, queries list oldest first, and
// storage failures surface as StorageError with the pool left as it was.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { REJECTION_RULES } from '../../src/lib/method';
import type { GenerationStep, Task } from '../../src/lib/vocabulary';
import { openStudioDB, PoolStore, StorageError } from '../../src/lib/store';
import { DB_VERSION } from '../../src/lib/store/schema';
import { toStorageError } from '../../src/lib/store/storage-error';
import { callRow, runRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

const PROJECT = 'p1';

async function freshStore(): Promise<PoolStore> {
  return (await freshDatabase()).pool;
}

function task(id: string, stage: Task['stage'], callId = 'call-1'): Task {
  return taskRow({ id, stage, callId, projectId: PROJECT });
}

function step(callId: string, ...tasks: Task[]): GenerationStep {
  return { call: callRow(PROJECT, callId), candidates: tasks, instances: [] };
}

describe('PoolStore', () => {
  test('counts accepted, rejected, pending and generation calls per project', async () => {
    const store = await freshStore();
    await store.saveGeneration(step('call-1', task('t1', 'classify'), task('t2', 'rejected'), task('t3', 'done')));
    await store.saveGeneration(step('call-2', task('t4', 'instances')));
    expect(await store.counts(PROJECT)).toEqual({ seeds: 0, accepted: 3, rejected: 1, pending: 2, instances: 0, generationCalls: 2 });
    expect((await store.counts('other')).accepted).toBe(0);
  });

  test('nextPending returns the oldest task waiting to be classified before any waiting for instances', async () => {
    const store = await freshStore();
    await store.saveGeneration(step('call-1', task('t1', 'instances'), task('t2', 'classify'), task('t3', 'classify')));
    expect((await store.nextPending(PROJECT))?.id).toBe('t2');
  });

  test('a task step writes the task, its instances and the call together', async () => {
    const store = await freshStore();
    await store.saveGeneration(step('call-1', task('t1', 'instances')));
    const instances = [{ id: 'i1', projectId: PROJECT, taskId: 't1', callId: 'call-2', input: 'a', output: 'b' }];
    await store.saveTaskStep({ call: callRow(PROJECT, 'call-2'), task: { ...task('t1', 'done'), instanceCount: 1 }, instances });
    const [finished] = await store.finishedTasks(PROJECT);
    expect(finished?.task.id).toBe('t1');
    expect(finished?.instances).toEqual([{ input: 'a', output: 'b' }]);
    expect((await store.taskDetail('t1'))?.task.instanceCount).toBe(1);
  });

  test('a failing step writes nothing at all and throws a StorageError', async () => {
    const store = await freshStore();
    await store.saveGeneration(step('call-1', task('t1', 'classify')));
    // The second candidate reuses an existing id, so its add fails after the call was added.
    const failing = store.saveGeneration(step('call-2', task('t2', 'classify'), task('t1', 'classify')));
    await expect(failing).rejects.toMatchObject({ name: 'StorageError', reason: 'storage-conflict' });
    expect(await store.counts(PROJECT)).toMatchObject({ accepted: 1, generationCalls: 1 });
  });

  test('seeds keep their order and replacing them drops the old set', async () => {
    const store = await freshStore();
    const seed = (id: string) => ({ id, name: id, instruction: `Do ${id}`, instances: [{ input: '', output: 'x' }], isClassification: false });
    await store.putSeeds(PROJECT, [seed('b'), seed('a'), seed('c')]);
    expect((await store.seeds(PROJECT)).map((s) => s.id)).toEqual(['b', 'a', 'c']);
    await store.putSeeds(PROJECT, [seed('z')]);
    expect(await store.seeds(PROJECT)).toEqual([seed('z')]);
  });

  test('the latest run is the one started last', async () => {
    const store = await freshStore();
    await store.saveRun(runRow({ id: 'r2', projectId: PROJECT, started: 2, status: 'paused' }));
    await store.saveRun(runRow({ id: 'r1', projectId: PROJECT, started: 1 }));
    expect((await store.latestRun(PROJECT))?.id).toBe('r2');
  });
});

describe('toStorageError', () => {
  test('names a full disk as storage-full and says what to do', () => {
    const error = toStorageError(new DOMException('full', 'QuotaExceededError'));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.reason).toBe('storage-full');
    expect(error.message).toMatch(/Free disk space/);
  });

  test('keeps any other failure as unavailable with its message', () => {
    expect(toStorageError(new Error('boom'))).toMatchObject({ reason: 'storage-failed', message: expect.stringContaining('boom') });
  });
});

describe('the funnel and a task’s history', () => {
  test('counts rejections per rule, and nothing for accepted tasks', async () => {
    const store = await freshStore();
    const rejected = (id: string, reason: Task['reason']) => taskRow({ id, stage: 'rejected', reason, projectId: PROJECT });
    await store.saveGeneration(
      step(
        'call-1',
        rejected('t1', { rule: 'too-short', detail: '2 words' }),
        rejected('t2', { rule: 'too-short', detail: '3 words' }),
        rejected('t3', { rule: 'rouge', score: 0.9, nearest: { id: 's', instruction: 'x' } }),
        task('t4', 'classify'),
      ),
    );
    expect(await store.rejectionsByRule(PROJECT, REJECTION_RULES)).toMatchObject({ 'too-short': 2, rouge: 1, 'too-long': 0, empty: 0 });
    // The acceptance curve's read: each rejected task's id and rule, from the index's keys.
    const candidates = await store.rejectedCandidates(PROJECT);
    expect(candidates.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 't1', reason: { rule: 'too-short' } },
      { id: 't2', reason: { rule: 'too-short' } },
      { id: 't3', reason: { rule: 'rouge' } },
    ]);
    expect(await store.rejectedCandidates('another project')).toEqual([]);
  });

  test('taskDetail gathers the task, its instances and every call behind it', async () => {
    const store = await freshStore();
    await store.saveGeneration(step('call-1', task('t1', 'instances')));
    await store.saveTaskStep({ call: callRow(PROJECT, 'call-2', 'classify'), task: taskRow({ id: 't1', projectId: PROJECT, stage: 'instances', classifyCallId: 'call-2' }), instances: [] });
    const instances = [{ id: 'i1', projectId: PROJECT, taskId: 't1', callId: 'call-3', input: 'a', output: 'b' }];
    await store.saveTaskStep({ call: callRow(PROJECT, 'call-3', 'instances'), task: taskRow({ id: 't1', projectId: PROJECT, classifyCallId: 'call-2', instanceCount: 1 }), instances });
    const detail = await store.taskDetail('t1');
    expect(detail?.calls.map((call) => [call.id, call.purpose])).toEqual([
      ['call-1', 'instructions'],
      ['call-2', 'classify'],
      ['call-3', 'instances'],
    ]);
    expect(detail?.instances).toEqual(instances);
    expect(await store.taskDetail('nope')).toBeUndefined();
  });
});

test('a version 1 database upgrades in place: its rows stay and the rule index covers them', async () => {
  const factory = new IDBFactory();
  const v1 = await openReleasedVersion(factory, 1);
  await putRows(v1, { tasks: [taskRow({ id: 'old', projectId: PROJECT, stage: 'rejected', reason: { rule: 'too-long', detail: '151 words' } })] });
  v1.close();
  const store = new PoolStore(await openStudioDB(factory));
  expect((await store.rejectionsByRule(PROJECT, REJECTION_RULES))['too-long']).toBe(1);
  expect(await store.counts(PROJECT)).toMatchObject({ rejected: 1 });
});

describe('tabs of two app versions', () => {
  test('a connection closes itself when another tab opens a newer version, and says so', async () => {
    const factory = new IDBFactory();
    let closed = false;
    await openStudioDB(factory, () => (closed = true));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open('self-instruct-studio', DB_VERSION + 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked by the older connection'));
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(closed).toBe(true);
  });

  test('an older version that holds on to the database makes opening fail with what to do', async () => {
    const factory = new IDBFactory();
    await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open('self-instruct-studio', DB_VERSION - 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await expect(openStudioDB(factory)).rejects.toMatchObject({ name: 'StorageError', reason: 'storage-blocked', message: expect.stringMatching(/Close the other Self-Instruct Studio tabs, then reload/) });
  });

  test('a database a newer version already upgraded makes opening fail with a reload to do (a worker started after the upgrade)', async () => {
    const factory = new IDBFactory();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open('self-instruct-studio', DB_VERSION + 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    newer.close();
    await expect(openStudioDB(factory)).rejects.toMatchObject({ name: 'StorageError', reason: 'storage-outdated', message: expect.stringMatching(/newer version.*another tab.*Reload this page/) });
  });
});
