/** Why a model did not load, with what the user can do about it. */
export interface LoadFailure {
  kind: 'no-webgpu' | 'out-of-memory' | 'needs-shader-f16' | 'network' | 'storage' | 'bad-model-file' | 'cancelled' | 'unknown';
  message: string;
}

// web-llm's and wllama's errors arrive by class name and message text (research/webllm.md §1.12,
// §6); match on both, since a worker hop or a wrapped DOMException keeps only the strings.
const RULES: { kind: LoadFailure['kind']; test: RegExp; message: string }[] = [
  {
    kind: 'no-webgpu',
    test: /WebGPUNotAvailable|WebGPU is not supported|compatible GPU/i,
    message: 'WebGPU is not available here, so this model cannot run. Use a recent Chrome or Edge with hardware acceleration on.',
  },
  {
    // llama.cpp in WebAssembly runs on the CPU: its heap, not the GPU, is what runs out.
    kind: 'out-of-memory',
    test: /Cannot enlarge memory|Aborted\(OOM\)|WebAssembly\.Memory|wasm memory/i,
    message: 'The browser ran out of memory while loading this model on the CPU. Pick a smaller model and close other tabs, then try again.',
  },
  {
    kind: 'out-of-memory',
    test: /DeviceLost|device (was )?lost|out of memory|OOM|exceeds limit|GPUPipelineError/i,
    message: 'The graphics card ran out of memory while loading this model. Pick a smaller model (fewer parameters) and close other GPU-heavy tabs.',
  },
  {
    kind: 'needs-shader-f16',
    test: /shader-f16|ShaderF16|extension 'f16'|enable f16/i,
    message: 'This model needs 16-bit GPU shaders (shader-f16), which this GPU lacks. Pick a q4f32 model instead.',
  },
  {
    kind: 'storage',
    test: /QuotaExceeded|quota/i,
    message: 'The browser has no room left to store the model. Free disk space or delete models you no longer use, then try again.',
  },
  {
    kind: 'network',
    test: /Failed to fetch|NetworkError|network error|Load failed|ERR_|status 40\d|status 50\d/i,
    message: 'The model could not be downloaded. Check the network connection (the first load needs the internet; later loads use the browser cache) and try again.',
  },
];

export function describeLoadFailure(error: unknown): LoadFailure {
  if (error instanceof Error && error.name === 'ModelFileError') return { kind: 'bad-model-file', message: error.message };
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const rule = RULES.find(({ test }) => test.test(text));
  if (rule) return { kind: rule.kind, message: rule.message };
  return { kind: 'unknown', message: `The model failed to load: ${text}` };
}
