// A project backup round-trips every row, and anything else is refused with a reason.
import { gunzipSync, gzipSync } from 'fflate';
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { readBackup, writeBackup } from '../../src/lib/backup';
import { openStudioDB, PoolStore, ProjectStore, type ProjectRows } from '../../src/lib/store';
import { everyMethodRequest, journalCall } from '../fixtures/journal-calls';
import { runRow, taskRow } from '../fixtures/pool-rows';

const ROWS: ProjectRows = {
  project: { id: 'project-1', name: 'Recipes', created: 5 },
  seeds: [{ id: 's1', name: 'n', instruction: 'Add two numbers.', instances: [{ input: '1 2', output: '3' }], isClassification: false, projectId: 'project-1', position: 0 }],
  tasks: [taskRow({ id: 'task-1', projectId: 'project-1', instruction: 'Name a “prime”.\nNow.', instanceCount: 1 })],
  instances: [{ id: 'inst-1', projectId: 'project-1', taskId: 'task-1', callId: 'call-2', input: '', output: '7' }],
  calls: [],
  runs: [runRow({ id: 'run-1', projectId: 'project-1' })],
  judgments: [
    {
      projectId: 'project-1',
      taskId: 'task-1',
      callId: 'call-3',
      modelId: 'm',
      judged: 9,
      contentHash: 'abc',
      judgment: { status: 'judged', verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: [false], score: 2, reason: 'Seven is prime, but "now" is no task.' } },
    },
  ],
  audits: [{ projectId: 'project-1', seed: 3, items: [{ taskId: 'task-1', instance: 0 }], answers: { 'task-1': { instruction: true, input: true, output: false } }, created: 1, updated: 2 }],
};

const gz = (text: string) => gzipSync(new TextEncoder().encode(text));

test('a backup reads back to the same rows', () => {
  expect(readBackup(writeBackup(ROWS))).toEqual({ ok: true, rows: ROWS });
});

test('a backup written before judging existed reads back with no judgments and no audit', () => {
  const { judgments: _judgments, audits: _audits, ...before } = ROWS;
  expect(readBackup(writeBackup(before))).toEqual({ ok: true, rows: { ...before, judgments: [], audits: [] } });
});

test('a stored project backs up with its calls whole, and restores to the same calls, stored as parts again', async () => {
  const db = await openStudioDB(new IDBFactory());
  const [projects, pool] = [new ProjectStore(db), new PoolStore(db)];
  const original = await projects.create('Journal');
  for (const [i, request] of everyMethodRequest().entries()) {
    const call = journalCall(original.id, `call-${String(i).padStart(2, '0')}`, request);
    await pool.saveGeneration({ call, candidates: [taskRow({ id: `task-${i}`, projectId: original.id, callId: call.id, stage: 'classify' })], instances: [] });
  }
  const rows = await projects.read(original.id);
  const bytes = writeBackup(rows);
  // The file holds each call's whole request, as backups always have: no part is needed to read it.
  const lines = new TextDecoder().decode(gunzipSync(bytes)).trim().split('\n').map((line) => JSON.parse(line));
  expect(lines.filter((line) => line.store === 'calls').map((line) => line.row)).toStrictEqual(rows.calls);
  expect(lines.some((line) => line.store === 'parts')).toBe(false);

  const result = readBackup(bytes);
  if (!result.ok) throw new Error(result.problem);
  const restored = await projects.adopt(result.rows, 'Restored');
  const suffix = `~${restored.id}`;
  expect((await projects.read(restored.id)).calls).toStrictEqual(rows.calls.map((call) => ({ ...call, id: call.id + suffix, projectId: restored.id })));
  const textsOf = async (projectId: string) => (await db.getAll('parts')).filter((part) => part.projectId === projectId).map((part) => part.text);
  expect((await textsOf(restored.id)).length).toBeGreaterThan(0);
  expect(await textsOf(restored.id)).toEqual(await textsOf(original.id));
});

test.each([
  ['a file that is not gzip', new TextEncoder().encode('{"format":"x"}'), /not a gzip file/],
  ['a gzip file of something else', gz('hello\n'), /not a backup header/],
  ['a newer version', gz(JSON.stringify({ format: 'self-instruct-studio-project', version: 2, project: ROWS.project })), /version 2/],
  ['a row of another project', gz([JSON.stringify({ format: 'self-instruct-studio-project', version: 1, project: ROWS.project }), JSON.stringify({ store: 'tasks', row: { projectId: 'other' } })].join('\n')), /line 2/],
  ['an unknown store', gz([JSON.stringify({ format: 'self-instruct-studio-project', version: 1, project: ROWS.project }), JSON.stringify({ store: 'secrets', row: { projectId: 'project-1' } })].join('\n')), /line 2/],
])('refuses %s with a reason', (_name, bytes, problem) => {
  const result = readBackup(bytes);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problem).toMatch(problem);
});
