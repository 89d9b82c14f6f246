// The Self-Instruct and Alpaca methods' steps as pure functions: settings and templates, sampling,
// prompts, parsers and filters. No DOM, no I/O, and none of the project's code but the port types.
export { createRng, type Rng } from './rng';
export { defaultSettings } from './settings';
export { checkSettings, SETTINGS_LIMITS, type SettingsCheck, type SettingsDraft, type SettingsProblems } from './settings-schema';
export { repairSettings } from './settings-repair';
export { ALPACA_BLACKLIST, SELF_INSTRUCT_BLACKLIST } from './blacklists';
export { PLACEHOLDER_HELP, PLACEHOLDERS, placeholderProblems, renderTemplate, TemplateError, validateTemplates, type PlaceholderSpec, type TemplatePart } from './templates';
// The judge (src/lib/judge) reads its JSON answers as the method's parsers do.
export { isRecord, readJson } from './json-read';
export { sampleInContext } from './sampling';
export { instructionRequest } from './instruction-prompt';
export { parseInstructions } from './instruction-parser';
export { screenInstruction, type Screening } from './heuristic-filters';
export { REJECTION_RULES, SWITCHABLE_RULES } from './rejection-rules';
export { classifyRequest, parseClassification } from './classify';
export { instancesRequest } from './instance-prompt';
export { parseInstances } from './instance-parser';
export { filterInstances } from './instance-filters';
export { alpacaRequest } from './alpaca-prompt';
export { parseAlpacaTasks, type AlpacaTask } from './alpaca-parser';
export { generationRequest, parseProposals, type Proposal } from './generation-step';
export { hashSeedSet, settingsFingerprint } from './fingerprint';
