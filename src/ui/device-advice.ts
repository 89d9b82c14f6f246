import type { DeviceReport } from '../lib/engine';

/** What the device check found, in words: what it means for the user, and what they can do. */
export interface DeviceAdvice {
  /** A warning the user should read (no GPU models here), or plain information. */
  tone: 'warning' | 'info';
  summary: string;
  /** What to do about it, when there is anything. */
  detail?: string;
}

const CPU_STILL_RUNS = 'The CPU models (llama.cpp, GGUF files) run here, more slowly than a GPU model would.';

/**
 * One message per case, so the page never says WebGPU is missing and then that it is present:
 * no WebGPU at all, WebGPU without a usable adapter, an adapter without 16-bit shaders, or a GPU
 * that runs every model build.
 */
export function deviceAdvice(device: DeviceReport): DeviceAdvice {
  if (!device.webgpu && device.problem === 'no-adapter') {
    return {
      tone: 'warning',
      summary: 'This browser has WebGPU, but it found no graphics adapter it can use, so models run on the CPU here.',
      detail: `${CPU_STILL_RUNS} For the GPU models, turn on hardware acceleration in the browser's settings and update the graphics driver, or try Chrome or Edge; on Linux, Chrome may need --enable-features=Vulkan.`,
    };
  }
  if (!device.webgpu) {
    return {
      tone: 'warning',
      summary: 'This browser has no WebGPU, so models run on the CPU here.',
      detail: `${CPU_STILL_RUNS} For the faster GPU models, open this page in Chrome or Edge 113 or later on a desktop or laptop, Safari 26, or Firefox 141 or later on Windows.`,
    };
  }
  if (isSoftware(device.adapter)) {
    // Information, not a warning box: everything works, and the first step stays above the fold.
    return {
      tone: 'info',
      summary: "GPU: SwiftShader, a software stand-in that runs on the CPU: the GPU models load, but answer very slowly here.",
      detail: `${device.shaderF16 ? '' : 'It lacks 16-bit shaders, so only the q4f32 builds are offered. '}The CPU models (llama.cpp, GGUF files) are made for the CPU and may well be faster. For the GPU models at their speed, turn on hardware acceleration in the browser's settings and update the graphics driver; on Linux, Chrome may need --enable-features=Vulkan.`,
    };
  }
  const gpu = `GPU: ${adapterName(device.adapter)}.`;
  if (!device.shaderF16) {
    return {
      tone: 'info',
      summary: `${gpu} It lacks 16-bit shaders (shader-f16), so only the q4f32 build of each model runs here.`,
      detail: 'The list offers only those: they need more GPU memory than the q4f16 builds and usually run a little slower. A newer browser or graphics driver may add 16-bit shaders.',
    };
  }
  return { tone: 'info', summary: `${gpu} It has 16-bit shaders, so every model build in the list runs here.` };
}

/** SwiftShader, Chrome's software renderer, reports itself as vendor "google", architecture "swiftshader". */
function isSoftware(adapter: DeviceReport['adapter']): boolean {
  return /swiftshader/i.test(`${adapter?.architecture ?? ''} ${adapter?.description ?? ''}`);
}

/** The adapter's own description, else its vendor and architecture (SwiftShader gives only "google", "swiftshader"). */
function adapterName(adapter: DeviceReport['adapter']): string {
  const name = adapter?.description || [adapter?.vendor, adapter?.architecture].filter(Boolean).join(' ');
  return name || 'an unnamed adapter';
}
