export { runBootstrap, type RunEvent, type RunOptions, type RunOutcome, type RunPorts } from './bootstrap-run';
export { tryGenerationStep, type TriedStep, type TryOutcome, type TryPorts } from './try-step';
export { loadScreeningPool, type ScreenedCandidate } from './screen-candidate';
export { checkWholeNumber, RUN_LIMITS } from './run-limits';
export { formatElapsed, runSpeed, type RunProgress, type RunSpeed } from './run-speed';
export { tokensPerFinishedTask, type TokenCost } from './token-cost';
export { measuredGenerator } from './measured-generator';
export { proposedInstances } from './proposed-instances';
export { judgeEachFinished, MAX_UNREADABLE_IN_A_ROW, runJudge, type JudgeConfig, type JudgeEvent, type JudgeOptions, type JudgeOutcome, type JudgePorts, type JudgeProgress, type JudgeStore } from './judge-run';
