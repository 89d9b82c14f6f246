import { gunzipSync, gzipSync } from 'fflate';
import type { ProjectRows } from '../store';

/** The first line of a backup: what it is and what it holds. */
interface BackupHeader {
  format: typeof FORMAT;
  version: 1;
  exported: string;
  project: ProjectRows['project'];
}

type RowStore = Exclude<keyof ProjectRows, 'project'>;

const FORMAT = 'self-instruct-studio-project';
// A backup written before judging existed has no judgments or audits: they start empty.
const ROW_STORES: RowStore[] = ['seeds', 'tasks', 'instances', 'calls', 'runs', 'judgments', 'audits'];

export type BackupResult = { ok: true; rows: ProjectRows } | { ok: false; problem: string };

/**
 * A whole project as one file: gzip-compressed JSON Lines, a header line and then one
 * `{"store", "row"}` line per stored row, so another browser can import it and continue the run.
 */
export function writeBackup(rows: ProjectRows, now = new Date()): Uint8Array<ArrayBuffer> {
  const header: BackupHeader = { format: FORMAT, version: 1, exported: now.toISOString(), project: rows.project };
  const lines = [JSON.stringify(header)];
  for (const store of ROW_STORES) for (const row of rows[store] ?? []) lines.push(JSON.stringify({ store, row }));
  // fflate allocates plain ArrayBuffers, never shared ones, so the bytes can go into a Blob.
  return gzipSync(new TextEncoder().encode(lines.join('\n') + '\n')) as Uint8Array<ArrayBuffer>;
}

/** Reads a backup back; anything that is not one of ours, or is damaged, is named, and nothing is kept. */
export function readBackup(bytes: Uint8Array): BackupResult {
  const text = decompress(bytes);
  if (text === undefined) return { ok: false, problem: 'This is not a Self-Instruct Studio project backup (it is not a gzip file).' };
  const lines = text.split('\n').filter((line) => line !== '');
  const header = parseLine(lines[0] ?? '') as Partial<BackupHeader> | undefined;
  if (header?.format !== FORMAT || !header.project) {
    return { ok: false, problem: 'This is not a Self-Instruct Studio project backup (its first line is not a backup header).' };
  }
  if (header.version !== 1) return { ok: false, problem: `This backup has version ${header.version}; this app reads version 1. Update the app and try again.` };
  const rows: ProjectRows = { project: header.project, seeds: [], tasks: [], instances: [], calls: [], runs: [], judgments: [], audits: [] };
  for (const [index, line] of lines.slice(1).entries()) {
    const entry = parseLine(line) as { store?: string; row?: { projectId?: unknown } } | undefined;
    const store = ROW_STORES.find((name) => name === entry?.store);
    if (!store || entry?.row?.projectId !== header.project.id) {
      return { ok: false, problem: `The backup is damaged at line ${index + 2}: it is not a row of this project.` };
    }
    (rows[store] as unknown[] | undefined)?.push(entry.row);
  }
  return { ok: true, rows };
}

function decompress(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
  } catch {
    return undefined;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
