export type { DeviceReport, Engine, LoadPreferences, LoadProgress, ModelOption, StoredModel } from './engine';
export { EngineHost, PROBE_STEPS, type LoadOutcome, type ProbeResult, type ProbeStep } from './engine-host';
export { CompletionFailedError, ModelCrashedError, ModelFileError, ModelLoadError, ModelNotLoadedError, UnknownModelError } from './engine-errors';
export { probeDevice } from './device-probe';
export { rankModels, type CatalogRecord } from './model-catalog';
export type { ModelKind } from './model-profile';
export { openAiSampling } from './openai-sampling';
export { createGeneratorService, type GeneratorApi } from './generator-service';
export { browserLoadReason } from './browser-errors';
