import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { openStudioDB, QualityStore } from '../../src/lib/store';
import { DB_VERSION } from '../../src/lib/store/schema';
import type { Audit, StoredJudgment } from '../../src/lib/vocabulary';
import { freshDatabase } from '../helpers/fresh-database';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

function judgment(projectId: string, taskId: string): StoredJudgment {
  return {
    projectId,
    taskId,
    callId: `call-${taskId}`,
    modelId: 'm',
    judged: 1,
    contentHash: 'h',
    judgment: { status: 'judged', verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: [true], score: 4, reason: 'Fine.' } },
  };
}

const audit = (projectId: string): Audit => ({ projectId, seed: 7, items: [{ taskId: 't1', instance: 0 }], answers: {}, created: 1, updated: 1 });

test("a project's judgments are read apart from another's, and its audit is saved and read back", async () => {
  const { db } = await freshDatabase();
  await db.put('judgments', judgment('p1', 't2'));
  await db.put('judgments', judgment('p1', 't1'));
  await db.put('judgments', judgment('p10', 't1'));
  const quality = new QualityStore(db);
  expect((await quality.judgments('p1')).map((row) => row.taskId)).toEqual(['t1', 't2']);
  await quality.saveAudit(audit('p1'));
  expect(await quality.audit('p1')).toEqual(audit('p1'));
  expect(await quality.audit('p10')).toBeUndefined();
});

test("deleting a project deletes its judgments and its audit, and no other project's", async () => {
  const { db, projects } = await freshDatabase();
  const [a, b] = [await projects.create('A'), await projects.create('B')];
  await Promise.all([db.put('judgments', judgment(a.id, 't1')), db.put('judgments', judgment(b.id, 't1'))]);
  const quality = new QualityStore(db);
  await Promise.all([quality.saveAudit(audit(a.id)), quality.saveAudit(audit(b.id))]);
  await projects.remove(a.id);
  expect(await quality.judgments(a.id)).toEqual([]);
  expect(await quality.audit(a.id)).toBeUndefined();
  expect(await quality.judgments(b.id)).toHaveLength(1);
  expect(await quality.audit(b.id)).toBeDefined();
});

test('a version 6 database upgrades (7: judging) with empty judgments and audits, its pool intact', async () => {
  const factory = new IDBFactory();
  const v6 = await openReleasedVersion(factory, 6);
  await putRows(v6, { projects: [{ id: 'p1', name: 'P', created: 0 }] });
  v6.close();
  const db = await openStudioDB(factory);
  expect(db.version).toBe(DB_VERSION);
  expect(await new QualityStore(db).judgments('p1')).toEqual([]);
  expect(await db.get('projects', 'p1')).toEqual({ id: 'p1', name: 'P', created: 0 });
});
