import type { DeviceReport, ModelOption } from '../engine';

/** A GGUF model that wllama downloads by URL and keeps in the browser's cache. */
export interface GgufModel {
  /** Starts with "gguf:", so that no web-llm model has the same id: the engine host finds a model's engine by its id. */
  id: string;
  label: string;
  /** Absolute, ending in .gguf, as wllama requires. */
  url: string;
  downloadMB: number;
}

// Small instruct models in llama.cpp's Q4_K_M, from bartowski's Hugging Face repositories (sizes as
// listed there). Best first: Qwen2.5 1.5B is also web-llm's default, so a run reads the same on
// either engine; the 0.5B is for slow machines. Each of them runs on any CPU.
export const GGUF_MODELS: readonly GgufModel[] = [
  {
    id: 'gguf:qwen2.5-1.5b-instruct-q4_k_m',
    label: 'Qwen2.5 1.5B Instruct (GGUF Q4_K_M, CPU)',
    url: 'https://huggingface.co/bartowski/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf',
    downloadMB: 986,
  },
  {
    id: 'gguf:llama-3.2-1b-instruct-q4_k_m',
    label: 'Llama 3.2 1B Instruct (GGUF Q4_K_M, CPU)',
    url: 'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    downloadMB: 808,
  },
  {
    id: 'gguf:qwen2.5-0.5b-instruct-q4_k_m',
    label: 'Qwen2.5 0.5B Instruct (GGUF Q4_K_M, CPU)',
    url: 'https://huggingface.co/bartowski/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf',
    downloadMB: 398,
  },
];

/**
 * The CPU models, offered on every device. With WebGPU the GPU models come first and are
 * recommended; without it the first of these is.
 */
export function ggufOptions(models: readonly GgufModel[], device: DeviceReport, contextWindow: number): ModelOption[] {
  return models.map((model, index) => ({
    id: model.id,
    label: model.label,
    downloadMB: model.downloadMB,
    contextWindow,
    recommended: !device.webgpu && index === 0,
  }));
}
