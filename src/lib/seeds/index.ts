export type { SeedFormat } from './import-result';
export type { ImportProgress } from './import-progress';
export { createImportService, type ImportApi, type SavedImport } from './import-service';
export { summarizeSeeds, type SeedSetSummary } from './seed-summary';
export { MAX_EXAMPLE_CHARS, MAX_INSTRUCTION_CHARS } from './seed-limits';
export { parseSeedFile, type SeedFileResult } from './parse-seed-file';
export { SEED_FILE_EXTENSIONS } from './detect-format';
