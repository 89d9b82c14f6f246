export { BUILT_IN_MODEL_ID, PromptApiEngine } from './prompt-api-engine';
export { NO_RAW_COMPLETION } from './prompt-input';
export type { Availability, LanguageModelApi } from './language-model';
