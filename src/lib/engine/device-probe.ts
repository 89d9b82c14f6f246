import type { DeviceReport } from './engine';

const NO_WEBGPU =
  'This browser does not offer WebGPU, so only the slower CPU models (llama.cpp, GGUF) can run here. For the faster GPU models, use a recent Chrome or Edge (version 113 or later) on a desktop or laptop; in Firefox or Safari, update to a version with WebGPU turned on.';
const NO_ADAPTER =
  'WebGPU is present but found no usable graphics adapter, so only the slower CPU models (llama.cpp, GGUF) can run here. For the GPU models, turn on hardware acceleration in the browser settings, update the graphics driver, or try Chrome or Edge.';

/** Reads what the browser's WebGPU offers. Never throws: a missing GPU is a report, not an error. */
export async function probeDevice(gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<DeviceReport> {
  if (!gpu) return { webgpu: false, problem: NO_WEBGPU, shaderF16: false };
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return { webgpu: false, problem: NO_ADAPTER, shaderF16: false };
  const { vendor, architecture, description } = adapter.info;
  return {
    webgpu: true,
    adapter: { vendor, architecture, description },
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
  };
}
