// The journal's upgrades on fake-indexeddb: at version 5 a version 3 database's whole calls are
// converted in place, in batches, to records that name parts, and every call reads back as it was
// stored; at version 8 each project's calls are totalled into its token counts.
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { openStudioDB, PoolStore, ProjectStore } from '../../src/lib/store';
import { splitCall } from '../../src/lib/store/call-pieces';
import type { CallRecord } from '../../src/lib/vocabulary';
import { everyMethodRequest, journalCall } from '../fixtures/journal-calls';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

/** More than one upgrade batch (500 calls), in two projects, interleaved by id. */
const CALLS = 1_050;

test('a version 3 database upgrades in place: every call reads back identical, its repeated texts stored once', async () => {
  const factory = new IDBFactory();
  const requests = everyMethodRequest();
  const calls: CallRecord[] = Array.from({ length: CALLS }, (_, i) => journalCall(i % 3 ? 'a' : 'b', `call-${String(i).padStart(5, '0')}`, requests[i % requests.length]!));
  const v3 = await openReleasedVersion(factory, 3);
  await putRows(v3, { projects: ['a', 'b'].map((id) => ({ id, name: id, created: 0 })), calls });
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
  for (const projectId of ['a', 'b']) expect(await new PoolStore(db).tokenUsage(projectId)).toEqual(tokensOf(calls.filter((call) => call.projectId === projectId)));
});

test('a version 7 database gets each project’s token totals from its journaled calls, which later calls add to', async () => {
  const factory = new IDBFactory();
  const requests = everyMethodRequest();
  const calls: CallRecord[] = Array.from({ length: CALLS }, (_, i) => {
    const row = journalCall(i % 3 ? 'a' : 'b', `call-${String(i).padStart(5, '0')}`, requests[i % requests.length]!);
    return { ...row, result: { ...row.result, promptTokens: 100 + i, completionTokens: i % 7 } };
  });
  // Version 7 stored calls as records that name parts, as version 5 made them.
  const split = calls.map((call) => ({ projectId: call.projectId, ...splitCall(call) }));
  const parts = new Map(split.flatMap(({ projectId, parts }) => [...parts].map(([hash, text]) => [`${projectId} ${hash}`, { projectId, hash, text }] as const)));
  const v7 = await openReleasedVersion(factory, 7);
  await putRows(v7, { projects: ['a', 'b', 'c'].map((id) => ({ id, name: id, created: 0 })), calls: split.map(({ record }) => record), parts: [...parts.values()] });
  v7.close();

  const pool = new PoolStore(await openStudioDB(factory));
  const [a, b] = [calls.filter((call) => call.projectId === 'a'), calls.filter((call) => call.projectId === 'b')];
  expect(await pool.tokenUsage('a')).toEqual(tokensOf(a));
  expect(await pool.tokenUsage('b')).toEqual(tokensOf(b));
  expect(await pool.tokenUsage('c')).toEqual({ promptTokens: 0, completionTokens: 0 });
  const more = journalCall('a', 'call-99999', requests[0]!);
  await pool.saveGeneration({ call: more, candidates: [], instances: [] });
  expect(await pool.tokenUsage('a')).toEqual(tokensOf([...a, more]));
});

function tokensOf(calls: readonly CallRecord[]): { promptTokens: number; completionTokens: number } {
  return {
    promptTokens: calls.reduce((sum, call) => sum + call.result.promptTokens, 0),
    completionTokens: calls.reduce((sum, call) => sum + call.result.completionTokens, 0),
  };
}
