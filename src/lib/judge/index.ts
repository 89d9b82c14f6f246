// Judging finished tasks with the loaded model: the pure parts (what is judged, the settings, the
// prompt, the parser). No DOM, no I/O.
export { judgedContentHash } from './content-hash';
export { defaultJudgeSettings } from './judge-settings';
export { checkJudgeSettings, repairJudgeSettings, type JudgeSettingsCheck } from './judge-settings-schema';
export { instancesText, JUDGE_PLACEHOLDER_HELP, JUDGE_PLACEHOLDERS, judgePromptProblems, judgeRequest, type JudgeableTask, type JudgedTask } from './judge-prompt';
export { judgmentSchema } from './judgment-schema';
export { readJudgment } from './read-judgment';
