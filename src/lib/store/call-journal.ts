// The call journal in IndexedDB: each call's record in the calls store, the texts its project's
// calls repeat in the parts store, once each (call-pieces.ts). Parts belong to one project and
// are written only in the transaction that writes a call naming them, so an aborted step leaves
// none behind, and deleting the project deletes them all.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { CallRecord } from '../vocabulary';
import { joinCall, partHashes, splitCall, type StoredCall, type StoredPart } from './call-pieces';
import type { StudioDB } from './schema';

type Store<Name extends StoreNames<StudioDB>, Mode extends IDBTransactionMode> = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, Name, Mode>;
type WritableParts = Store<'parts', 'readwrite' | 'versionchange'>;

/** Adds calls to the journal: their records, and the parts their project does not hold yet. */
export async function addCalls(calls: Store<'calls', 'readwrite'>, parts: WritableParts, rows: readonly CallRecord[]): Promise<void> {
  const records = await journalCalls(parts, rows);
  await Promise.all(records.map((record) => calls.add(record)));
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
