export { runBootstrap, type RunEvent, type RunOptions, type RunOutcome, type RunPorts } from './bootstrap-run';
export { checkWholeNumber, RUN_LIMITS } from './run-limits';
