// What the Model card says about the device, from the probe's report to the words: one message
// for each case (no WebGPU, WebGPU without a usable adapter, an adapter without shader-f16, a
// full GPU), each saying what it means for the user and what to do.
import { describe, expect, it } from 'vitest';
import { probeDevice } from '../../src/lib/engine';
import { deviceAdvice } from '../../src/ui/device-advice';

/** A browser's WebGPU as the probe sees it: an adapter with these features, none, or a failing request. */
function fakeGpu(adapter: { features: string[]; vendor?: string; architecture?: string; description?: string } | null | 'throws'): GPU {
  return {
    requestAdapter: async () => {
      if (adapter === 'throws') throw new Error('adapter request failed');
      if (adapter === null) return null;
      const { features, vendor = '', architecture = '', description = '' } = adapter;
      return { info: { vendor, architecture, description }, features: new Set(features), limits: { maxBufferSize: 1 << 30, maxStorageBufferBindingSize: 1 << 30 } };
    },
  } as unknown as GPU;
}

const advise = async (gpu: GPU | undefined) => deviceAdvice(await probeDevice(gpu));

describe('the device check, in words', () => {
  it('without WebGPU: the CPU models still run, and which browsers have WebGPU', async () => {
    const advice = await advise(undefined);
    expect(advice).toEqual({ tone: 'warning', summary: 'This browser has no WebGPU, so models run on the CPU here.', detail: expect.stringMatching(/^The CPU models .* run here.*Chrome or Edge 113/) });
  });

  it.each([
    ['finds no adapter', fakeGpu(null)],
    ['fails to ask for one', fakeGpu('throws')],
  ])('with WebGPU that %s: says WebGPU is there, never that it is not, and how to turn the GPU on', async (_, gpu) => {
    const advice = await advise(gpu);
    expect(advice.tone).toBe('warning');
    expect(advice.summary).toBe('This browser has WebGPU, but it found no graphics adapter it can use, so models run on the CPU here.');
    expect(advice.detail).toMatch(/The CPU models .* run here.*hardware acceleration.*graphics driver/);
    expect(`${advice.summary} ${advice.detail}`).not.toMatch(/no WebGPU|not available/);
  });

  it('on an adapter without shader-f16: names it, and says only q4f32 builds are offered and why', async () => {
    const advice = await advise(fakeGpu({ features: [], vendor: 'intel', architecture: 'gen-12lp' }));
    expect(advice).toEqual({
      tone: 'info',
      summary: 'GPU: intel gen-12lp. It lacks 16-bit shaders (shader-f16), so only the q4f32 build of each model runs here.',
      detail: expect.stringMatching(/^The list offers only those: they need more GPU memory/),
    });
  });

  it('on SwiftShader: says it is a software GPU on the CPU, that GPU models are slow there, and what to do', async () => {
    const advice = await advise(fakeGpu({ features: [], vendor: 'google', architecture: 'swiftshader' }));
    expect(advice.tone).toBe('info');
    expect(advice.summary).toMatch(/^GPU: SwiftShader, a software stand-in that runs on the CPU.*very slowly/);
    expect(advice.detail).toMatch(/^It lacks 16-bit shaders, so only the q4f32 builds are offered\. The CPU models .* may well be faster.*hardware acceleration/);
  });

  it('on a GPU with shader-f16: every build runs, and there is nothing to do', async () => {
    const advice = await advise(fakeGpu({ features: ['shader-f16'], vendor: 'nvidia', description: 'NVIDIA GeForce RTX 4070' }));
    expect(advice).toEqual({ tone: 'info', summary: 'GPU: NVIDIA GeForce RTX 4070. It has 16-bit shaders, so every model build in the list runs here.' });
  });
});
