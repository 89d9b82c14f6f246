export { WebLlmEngine } from './webllm-engine';
