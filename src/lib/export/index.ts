export { exportFile, exportFiles, type ExportOptions, type FormatOptions } from './export-files';
export { EXPORT_FORMATS, type ExportFormat, type FormatInfo } from './formats';
export type { SelfInstructRecord } from './self-instruct-jsonl';
export type { CardFigures, Chunk, DatasetCardInfo, DatasetScope, ExportFile } from './types';
export { zipFiles } from './zip';
export { splitUserTurn } from './instance-rows';
export { splitPrompt } from './prompt-completion-jsonl';
