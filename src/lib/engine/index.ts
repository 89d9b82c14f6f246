export type { DeviceReport, Engine, LoadProgress, ModelOption, StoredModel } from './engine';
export { EngineHost, ModelNotLoadedError, type LoadOutcome, type ProbeResult } from './engine-host';
export { CompletionFailedError, ModelCrashedError, ModelFileError } from './engine-errors';
export { probeDevice } from './device-probe';
export { describeLoadFailure, type LoadFailure } from './load-failure';
export { needsShaderF16, rankModels, type CatalogRecord } from './model-catalog';
export { openAiSampling } from './openai-sampling';
export { createGeneratorService, type GeneratorApi } from './generator-service';
