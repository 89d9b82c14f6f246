import { parseSelfHostedManifest, SELF_HOSTED_MANIFEST_PATH, type SelfHostedModels } from './self-hosted';

export interface SelfHostedLoad {
  models: SelfHostedModels;
  /** What is wrong with a manifest that exists, for the page to show; empty when none exists. */
  problems: string[];
}

const NONE: SelfHostedModels = { mlc: [], gguf: [] };

/** Reads the site's optional models/manifest.json; a site without one simply has no self-hosted models. */
export async function fetchSelfHostedModels(manifestUrl: URL, fetchText: (url: URL) => Promise<Response> = (url) => fetch(url)): Promise<SelfHostedLoad> {
  let response: Response;
  try {
    response = await fetchText(manifestUrl);
  } catch {
    return { models: NONE, problems: [] };
  }
  // Hosts that serve the app's page for every unknown path (vite preview, "SPA" settings) answer
  // a missing manifest with HTML, not 404.
  if (response.status === 404 || response.headers.get('content-type')?.startsWith('text/html')) return { models: NONE, problems: [] };
  if (!response.ok) return { models: NONE, problems: [`${SELF_HOSTED_MANIFEST_PATH} could not be read (HTTP ${response.status}).`] };
  const parsed = parseSelfHostedManifest(await response.text(), manifestUrl);
  return parsed.ok ? { models: parsed.models, problems: [] } : { models: NONE, problems: parsed.problems };
}
