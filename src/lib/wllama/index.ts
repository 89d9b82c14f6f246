export { WllamaEngine, type WllamaEngineOptions } from './wllama-engine';
export type { WllamaLike } from './wllama-instance';
export { GGUF_MODELS, type GgufModel } from './gguf-catalog';
