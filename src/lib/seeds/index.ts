export { parseSeedFile, type SeedFileResult } from './parse-seed-file';
