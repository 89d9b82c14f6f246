export { WebLlmEngine, type MlcEngineLike } from './webllm-engine';
