export { runBootstrap, type RunEvent, type RunOptions, type RunOutcome, type RunPorts } from './bootstrap-run';
