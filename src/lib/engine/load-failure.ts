import type { LoadFailureReason } from '../vocabulary';

/** What to do about each way a load fails, for errors that have nothing more specific to say. */
export const LOAD_ADVICE: Record<LoadFailureReason, string> = {
  'no-webgpu': 'WebGPU is not available here, so this model cannot run. Use a recent Chrome or Edge with hardware acceleration on.',
  'needs-shader-f16': 'This model needs 16-bit GPU shaders (shader-f16), which this GPU lacks. Pick a q4f32 model instead.',
  'out-of-memory': 'The graphics card ran out of memory while loading this model. Pick a smaller model (fewer parameters) and close other GPU-heavy tabs.',
  network:
    'The model could not be downloaded. Check the network connection (the first load needs the internet; later loads use the browser cache) and try again.',
  offline: 'You are offline and this model is not downloaded yet. Connect to the internet and load it again, or open a .gguf file from this computer.',
  stalled:
    'The model\'s host stopped sending data. Retry, open a .gguf file you already have, or host the model on this site (README, "Self-hosted models").',
  'storage-full': 'The browser has no room left to store the model. Free disk space or delete models you no longer use, then try again.',
  'bad-model-file': 'This model file cannot be used. Download it again, or pick another .gguf file.',
  'not-offered': 'This model is not offered here. Pick one from the list.',
  cancelled: 'Loading was cancelled. A model from the GPU list keeps the parts already downloaded for next time; a GGUF download starts over.',
};
