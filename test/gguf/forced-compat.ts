// wllama's compatibility build, forced in Chromium, which has JSPI and Memory64 and so runs the
// default build: the e2e build's second wllama engine uses this, so that a browser test runs what
// Safari runs. Only the e2e build's generator worker imports this file.
import { createWllama, type CreateWllama } from '../../src/lib/wllama';

/**
 * The real wllama, told its worker runs the compatibility build: wllama asks this method at each
 * load, and on Safari its own feature checks return the same (wllama's getWorkerResources).
 */
export const createForcedCompatWllama: CreateWllama = async (assets, config) => {
  const { compat } = assets;
  if (!compat) throw new Error('The forced compatibility build needs its assets.');
  const wllama = await createWllama(assets, config);
  return Object.assign(wllama, {
    getWorkerResources: () => ({ wasmPath: new URL(compat.wasm, self.location.href).href, jsPath: compat.worker, compat: true }),
  });
};
