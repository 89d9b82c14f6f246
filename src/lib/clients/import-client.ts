import { proxy } from 'comlink';
import type { ImportApi, ImportProgress, SavedImport } from '../seeds';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the import worker. */
export class ImportClient {
  constructor(private readonly connection: WorkerConnection<ImportApi>) {}

  importFile(projectId: string, file: File, onProgress: (progress: ImportProgress) => void): Promise<SavedImport> {
    // comlink types a union result as a union of promises; name the result type to join them.
    return this.connection.guard<SavedImport>(this.connection.remote.importFile(projectId, file, file.name, proxy(onProgress)));
  }

  importText(projectId: string, text: string, onProgress: (progress: ImportProgress) => void): Promise<SavedImport> {
    return this.connection.guard<SavedImport>(this.connection.remote.importText(projectId, text, proxy(onProgress)));
  }
}
