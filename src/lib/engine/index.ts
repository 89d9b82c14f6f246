export type { DeviceReport, Engine, LoadProgress, ModelOption } from './engine';
export { EngineHost, ModelNotLoadedError, type LoadOutcome, type ProbeResult } from './engine-host';
export { probeDevice } from './device-probe';
export { describeLoadFailure, type LoadFailure } from './load-failure';
export { needsShaderF16, rankModels, type CatalogRecord } from './model-catalog';
