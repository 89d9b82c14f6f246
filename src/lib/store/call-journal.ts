// The call journal in IndexedDB: each call's record in the calls store, the texts its project's
// calls repeat in the parts store, once each (call-pieces.ts). Parts belong to one project and
// are written only in the transaction that writes a call naming them, so an aborted step leaves
// none behind, and deleting the project deletes them all.
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { CallRecord, TokenUsage } from '../vocabulary';
import { joinCall, partHashes, splitCall, type StoredCall, type StoredPart } from './call-pieces';
import type { StudioDB } from './schema';

type Store<Name extends StoreNames<StudioDB>, Mode extends IDBTransactionMode> = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, Name, Mode>;
type WritableParts = Store<'parts', 'readwrite' | 'versionchange'>;
type WritableTokens = Store<'callTokens', 'readwrite' | 'versionchange'>;

/** The stores a call is written to. */
export interface JournalStores {
  calls: Store<'calls', 'readwrite'>;
  parts: WritableParts;
  callTokens: WritableTokens;
}

/** Adds calls to the journal: their records, the parts their project does not hold yet, and their tokens to its totals. */
export async function addCalls({ calls, parts, callTokens }: JournalStores, rows: readonly CallRecord[]): Promise<void> {
  const records = await journalCalls(parts, rows);
  await Promise.all([...records.map((record) => calls.add(record)), countTokens(callTokens, rows)]);
}

/** The stores a transaction needs to add calls (with others of its own). */
export const JOURNAL_STORES = ['calls', 'parts', 'callTokens'] as const;

/** The journal's stores in a transaction that has them (JOURNAL_STORES among its own). */
export function journalStores(tx: IDBPTransaction<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'readwrite'>): JournalStores {
  return { calls: tx.objectStore('calls'), parts: tx.objectStore('parts'), callTokens: tx.objectStore('callTokens') };
}

/** Adds the calls' prompt and completion tokens to their projects' totals. */
export async function countTokens(callTokens: WritableTokens, rows: readonly Pick<CallRecord, 'projectId' | 'result'>[]): Promise<void> {
  const byProject = new Map<string, TokenUsage>();
  for (const { projectId, result } of rows) {
    const usage = byProject.get(projectId) ?? { promptTokens: 0, completionTokens: 0 };
    usage.promptTokens += result.promptTokens;
    usage.completionTokens += result.completionTokens;
    byProject.set(projectId, usage);
  }
  await Promise.all(
    [...byProject].map(async ([projectId, usage]) => {
      const stored = await callTokens.get(projectId);
      await callTokens.put({
        projectId,
        promptTokens: (stored?.promptTokens ?? 0) + usage.promptTokens,
        completionTokens: (stored?.completionTokens ?? 0) + usage.completionTokens,
      });
    }),
  );
}

/**
 * Writes the parts of `rows` that are not stored yet and returns the records that name them. A
 * part whose hash is taken by another text (a SHA-256 collision) would rebuild the wrong prompt,
 * so a call with such a part keeps all its texts in its record instead.
 */
export async function journalCalls(parts: WritableParts, rows: readonly CallRecord[]): Promise<StoredCall[]> {
  const split = rows.map((row) => splitCall(row));
  const wanted = new Map<string, StoredPart>();
  for (const [i, { parts: texts }] of split.entries()) {
    for (const [hash, text] of texts) {
      const key = partKey(rows[i]!.projectId, hash);
      if (!wanted.has(key)) wanted.set(key, { projectId: rows[i]!.projectId, hash, text });
    }
  }
  const held = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([key, part]) => {
      const stored = await parts.get([part.projectId, part.hash]);
      held.set(key, stored?.text ?? part.text);
      if (!stored) await parts.add(part);
    }),
  );
  return split.map(({ record, parts: texts }, i) => {
    const clash = [...texts].some(([hash, text]) => held.get(partKey(record.projectId, hash)) !== text);
    return clash ? splitCall(rows[i]!, Infinity).record : record;
  });
}

/** The calls as they were made, each request rebuilt from its record and its project's parts. */
export async function readCalls(parts: Store<'parts', IDBTransactionMode>, records: readonly StoredCall[]): Promise<CallRecord[]> {
  const keys = new Map(records.flatMap((record) => partHashes(record).map((hash): [string, [string, string]] => [partKey(record.projectId, hash), [record.projectId, hash]])));
  const texts = new Map<string, string>();
  await Promise.all(
    [...keys].map(async ([key, dbKey]) => {
      const part = await parts.get(dbKey);
      if (part) texts.set(key, part.text);
    }),
  );
  return records.map((record) =>
    joinCall(record, (hash) => {
      const text = texts.get(partKey(record.projectId, hash));
      if (text === undefined) throw new Error(`The journal of call ${record.id} names a part that is not stored (${hash}).`);
      return text;
    }),
  );
}

export function deleteParts(parts: WritableParts, projectId: string): Promise<void> {
  return parts.delete(IDBKeyRange.bound([projectId], [projectId, []]));
}

function partKey(projectId: string, hash: string): string {
  return `${projectId}\n${hash}`;
}
