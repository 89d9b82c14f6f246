import type { DeviceReport } from './engine';

/** Reads what the browser's WebGPU offers. Never throws: a missing GPU is a report, not an error. */
export async function probeDevice(gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<DeviceReport> {
  if (!gpu) return { webgpu: false, problem: 'no-webgpu', shaderF16: false };
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return { webgpu: false, problem: 'no-adapter', shaderF16: false };
  const { vendor, architecture, description } = adapter.info;
  return {
    webgpu: true,
    adapter: { vendor, architecture, description },
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
  };
}
