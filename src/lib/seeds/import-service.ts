import { openStudioDB, PoolStore, type StudioDatabase } from '../store';
import { sizeProblem } from './decode-text';
import { throttledProgress, type ImportProgress, type StageReport } from './import-progress';
import type { ImportProblem, ImportResult, SeedFormat } from './import-result';
import { importPastedText, importSeeds } from './import-seeds';
import { summarizeSeeds, type SeedSetSummary } from './seed-summary';

/** What an import saved, summarized for the page; or why it saved nothing. */
export type SavedImport = { ok: true; format: SeedFormat; notes: string[]; summary: SeedSetSummary } | ImportProblem;

/** The verbs the import worker serves (workers/import.worker.ts). */
export interface ImportApi {
  /**
   * Reads seed tasks from a file and, when it has no problem, makes them the project's seeds. The
   * name comes apart from the Blob, since not every realm's structured clone keeps a File's name.
   */
  importFile(projectId: string, file: Blob, fileName: string, onProgress: (progress: ImportProgress) => void): Promise<SavedImport>;
  /** The same for pasted text, one instruction per line. */
  importText(projectId: string, text: string, onProgress: (progress: ImportProgress) => void): Promise<SavedImport>;
}

/**
 * What the import worker serves: seed tasks read and saved off the page's thread. Parsing 100,000
 * lines takes about half a second and writing them several seconds, so the worker does both, over
 * its own connection to the database (as the download worker reads). A refused import writes nothing.
 */
export function createImportService(open: () => Promise<StudioDatabase> = () => openStudioDB()): ImportApi {
  let db: Promise<StudioDatabase> | undefined;
  async function save(projectId: string, result: ImportResult, report: StageReport): Promise<SavedImport> {
    if (!result.ok) return result;
    const { seeds, format, notes } = result;
    report('reading', 1);
    // Saving shows at once: the first write completes only once all are issued, seconds later for 100,000.
    report('saving', 0);
    db ??= open();
    await new PoolStore(await db).putSeeds(projectId, seeds, (fraction) => report('saving', fraction));
    return { ok: true, format, notes, summary: summarizeSeeds(seeds) };
  }
  return {
    async importFile(projectId, file, fileName, onProgress) {
      // Checked before reading, so a file of gigabytes is never loaded into memory.
      const tooBig = sizeProblem(file.size);
      if (tooBig) return tooBig;
      const report = throttledProgress(onProgress);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return save(projectId, await importSeeds(bytes, fileName, (fraction) => report('reading', fraction)), report);
    },
    async importText(projectId, text, onProgress) {
      const report = throttledProgress(onProgress);
      return save(projectId, importPastedText(text, (fraction) => report('reading', fraction)), report);
    },
  };
}
