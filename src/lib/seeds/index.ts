export { MAX_IMPORT_BYTES } from './decode-text';
export type { ImportResult, SeedFormat } from './import-result';
export { importPastedText, importSeeds } from './import-seeds';
export { MAX_EXAMPLE_CHARS, MAX_INSTRUCTION_CHARS } from './seed-limits';
export { parseSeedFile, type SeedFileResult } from './parse-seed-file';
