// The engine interface inside the generator worker: one contract that web-llm, wllama (llama.cpp
// in WebAssembly) and the deterministic test engine in test/ all implement. Types only.
import type { CompletionRequest, CompletionResult } from '../vocabulary';
import type { ModelKind } from './model-profile';

/**
 * Why WebGPU cannot run models: the browser has no WebGPU at all, or it has WebGPU but no usable
 * graphics adapter (hardware acceleration off, a blocked driver). The page words each.
 */
export type DeviceProblem = 'no-webgpu' | 'no-adapter';

/** What the browser offers for running a model, read once in the generator worker. */
export interface DeviceReport {
  webgpu: boolean;
  /** Absent when WebGPU can be used. */
  problem?: DeviceProblem;
  adapter?: { vendor: string; architecture: string; description: string };
  /** Without it only q4f32 models run: q4f16 kernels fail to compile. */
  shaderF16: boolean;
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
}

/** A model a user can pick, already filtered for this device. */
export interface ModelOption {
  id: string;
  /** A short human name, e.g. "Qwen2.5 1.5B Instruct, 4-bit". */
  label: string;
  /** What the model was trained for; absent for models offered as chat models (GGUF, self-hosted). */
  kind?: ModelKind;
  /** Parameters in billions, where known. */
  billions?: number;
  /** Offered only under "Show all models": not in the short list of chat models for this method. */
  onlyInFullList?: true;
  /** GPU memory the model needs at its default context, in MB, where known. */
  vramMB?: number;
  /** The size of the model file to download, in MB, for models that run on the CPU. */
  downloadMB?: number;
  contextWindow?: number;
  /** True for the one model this device should start with. */
  recommended: boolean;
  /**
   * The browser's own model (Chrome's Prompt API): ready now, or downloaded by the browser once a
   * person clicks to load it.
   */
  browserManaged?: 'available' | 'downloadable';
}

export interface LoadProgress {
  /** 0..1 */
  fraction: number;
  text: string;
}

/** A model whose weights this browser keeps, so it loads without the network. */
export interface StoredModel {
  id: string;
  /** Bytes on disk, as far as the cache tells. */
  bytes: number;
}

/** How the user wants a model run, where an engine has a choice. */
export interface LoadPreferences {
  /** On the GPU (WebGPU), where the engine can and the device has one; false keeps it on the CPU. */
  gpu: boolean;
}

export interface Engine {
  /** The models this engine can run on this device, best first. */
  catalog(device: DeviceReport): ModelOption[];
  /**
   * Rejects with a ModelLoadError (or its ModelFileError) for each failure the engine recognises
   * in its library's errors (src/lib/engine/engine-errors.ts); the host shows anything else as it came.
   */
  load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<void>;
  /**
   * Loads a model file the user picked, with no network at all; only engines that read model
   * files have it. Resolves with the id the loaded model is known by.
   */
  loadFile?(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<string>;
  /**
   * Rejects with a ModelCrashedError when the engine has lost its model (load it again), a
   * CompletionFailedError when only this request failed, or a ModelNotLoadedError before a load.
   */
  complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult>;
  /** Ends the completion in flight early; it then resolves with finishReason 'abort'. */
  interrupt(): void;
  unload(): Promise<void>;
  /** Where the loaded model runs, in words for the page (e.g. "CPU, 2 threads"); engines with nothing to add leave it out. */
  runsOn?(): string | undefined;
  /** The engine's models kept in this browser's storage. */
  storedModels(): Promise<StoredModel[]>;
  /** Frees the storage one stored model takes; it downloads again on its next load. */
  deleteStored(modelId: string): Promise<void>;
}
