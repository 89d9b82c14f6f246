// The project's vocabulary: the types every area shares (tasks, calls, runs, settings, the run
// loop's ports, failures). Types only, importing nothing else of ours: the ground floor every area stands on.
export type * from './task';
export type * from './call';
export type * from './run';
export type * from './settings';
export type * from './ports';
export type * from './dataset';
export type * from './curation';
export type * from './judge';
export type * from './failure';
