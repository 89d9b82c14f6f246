export { WllamaEngine, type ModelCache, type WllamaEngineOptions } from './wllama-engine';
export { createWllama, type CreateWllama, type WllamaAssets, type WllamaLike } from './wllama-instance';
export { GGUF_MODELS, type GgufModel } from './gguf-catalog';
export { threadCount } from './thread-count';
