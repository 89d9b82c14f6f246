// Models served from the site itself, for teams that run fully air-gapped: an optional
// models/manifest.json lists MLC models (for web-llm) and GGUF files (for wllama). Its paths are
// relative to the manifest; this module checks it and turns every path into the absolute URL the
// engines need. web-llm rejects relative model URLs and caches everything by URL
// (research/webllm.md §1.11). The format is documented in README "Offline use and self-hosting".
import type { GgufModel } from '../wllama';

/** Where the manifest lives, relative to the page (index.html). */
export const SELF_HOSTED_MANIFEST_PATH = 'models/manifest.json';

/** A self-hosted MLC model, shaped as a web-llm `ModelRecord` (and our `CatalogRecord`). */
export interface SelfHostedMlcRecord {
  model_id: string;
  /** Absolute URL of the weights, ending in /resolve/main/ as web-llm expects. */
  model: string;
  /** Absolute URL of the compiled model library (.wasm). */
  model_lib: string;
  vram_required_MB?: number;
  required_features?: string[];
  overrides?: { context_window_size: number };
  /** How the model list names it; the id when the manifest gives no label. */
  label: string;
}

export interface SelfHostedModels {
  mlc: SelfHostedMlcRecord[];
  gguf: GgufModel[];
}

export type SelfHostedManifestResult = { ok: true; models: SelfHostedModels } | { ok: false; problems: string[] };

/** The manifest's URL for a page: pass `document.baseURI` (a worker's own location is under assets/). */
export function selfHostedManifestUrl(pageUrl: string | URL): URL {
  return new URL(SELF_HOSTED_MANIFEST_PATH, pageUrl);
}

/**
 * Checks a manifest's text and resolves its paths against `manifestUrl`. Every model must be on
 * the manifest's own origin. All or nothing: a manifest with any problem yields all of them.
 */
export function parseSelfHostedManifest(text: string, manifestUrl: string | URL): SelfHostedManifestResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${SELF_HOSTED_MANIFEST_PATH} is not valid JSON (${(error as Error).message}).`] };
  }
  const problems: string[] = [];
  const base = new URL(manifestUrl);
  if (!isObject(json)) return { ok: false, problems: [`${SELF_HOSTED_MANIFEST_PATH} must hold a JSON object with "mlc" and/or "gguf" lists.`] };
  if (json.version !== undefined && json.version !== 1) problems.push(`"version" must be 1 (or left out), not ${JSON.stringify(json.version)}.`);
  const mlc = entries(json, 'mlc', problems).map(([where, entry]) => mlcRecord(entry, base, new Problems(where, entry, problems)));
  const gguf = entries(json, 'gguf', problems).map(([where, entry]) => ggufModel(entry, base, new Problems(where, entry, problems)));
  duplicateIds('mlc', mlc.map((record) => record?.model_id), problems);
  duplicateIds('gguf', gguf.map((model) => model?.id), problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, models: { mlc: mlc.filter((record) => record !== undefined), gguf: gguf.filter((model) => model !== undefined) } };
}

function mlcRecord(entry: Record<string, unknown>, base: URL, problems: Problems): SelfHostedMlcRecord | undefined {
  const id = problems.id(entry.id);
  const folder = problems.path(entry.folder, 'folder', '', base);
  const modelLib = problems.path(entry.model_lib, 'model_lib', '.wasm', base);
  const vram = problems.optionalNumber(entry.vram_required_MB, 'vram_required_MB', false);
  const context = problems.optionalNumber(entry.context_window_size, 'context_window_size', true);
  const features = problems.optionalStrings(entry.required_features, 'required_features');
  const label = problems.optionalLabel(entry.label);
  if (id === undefined || folder === undefined || modelLib === undefined || problems.found) return undefined;
  const record: SelfHostedMlcRecord = { model_id: id, model: weightsUrl(folder), model_lib: modelLib.href, label: label ?? id };
  if (vram !== undefined) record.vram_required_MB = vram;
  if (features !== undefined) record.required_features = features;
  if (context !== undefined) record.overrides = { context_window_size: context };
  return record;
}

function ggufModel(entry: Record<string, unknown>, base: URL, problems: Problems): GgufModel | undefined {
  const id = problems.id(entry.id);
  const url = problems.path(entry.path, 'path', '.gguf', base);
  const size =
    entry.size_bytes === undefined
      ? problems.add('"size_bytes" is required: the file size in bytes, for the download estimate')
      : problems.optionalNumber(entry.size_bytes, 'size_bytes', true);
  const label = problems.optionalLabel(entry.label);
  if (id === undefined || url === undefined || size === undefined || problems.found) return undefined;
  const prefixed = id.startsWith('gguf:') ? id : `gguf:${id}`;
  return { id: prefixed, label: label ?? id, url: url.href, downloadMB: Math.round(size / 1e6) };
}

// web-llm appends resolve/main/ to a model URL unless it already has /resolve/<revision>/.
function weightsUrl(folder: URL): string {
  const href = folder.href.endsWith('/') ? folder.href : `${folder.href}/`;
  return /\/resolve\/[^/]+\/$/.test(new URL(href).pathname) ? href : new URL('resolve/main/', href).href;
}

/** Collects the problems of one manifest entry, each prefixed with where it is. */
class Problems {
  found = false;
  readonly #where: string;
  readonly #all: string[];

  constructor(where: string, entry: Record<string, unknown>, all: string[]) {
    this.#where = typeof entry.id === 'string' && entry.id ? `${where} ("${entry.id}")` : where;
    this.#all = all;
  }

  add(problem: string): undefined {
    this.found = true;
    this.#all.push(`${this.#where}: ${problem}.`);
    return undefined;
  }

  id(value: unknown): string | undefined {
    if (typeof value === 'string' && /^[\w.:+-]+$/.test(value)) return value;
    return this.add('"id" must be a non-empty name of letters, digits and . _ - + : (no spaces)');
  }

  path(value: unknown, field: string, extension: string, base: URL): URL | undefined {
    if (typeof value !== 'string' || value.trim() === '') return this.add(`"${field}" must be a path relative to ${SELF_HOSTED_MANIFEST_PATH}`);
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return this.add(`"${field}" is not a usable path: ${JSON.stringify(value)}`);
    }
    if (url.origin !== base.origin) return this.add(`"${field}" must stay on this site (${base.origin}), not ${url.origin}`);
    if (extension && !url.pathname.toLowerCase().endsWith(extension)) return this.add(`"${field}" must name a ${extension} file`);
    return url;
  }

  optionalNumber(value: unknown, field: string, integer: boolean): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))) return value;
    return this.add(`"${field}" must be a positive ${integer ? 'whole ' : ''}number`);
  }

  optionalStrings(value: unknown, field: string): string[] | undefined {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    return this.add(`"${field}" must be a list of strings, such as ["shader-f16"]`);
  }

  optionalLabel(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    return this.add('"label" must be a non-empty string');
  }
}

function entries(json: Record<string, unknown>, key: 'mlc' | 'gguf', problems: string[]): [string, Record<string, unknown>][] {
  const list = json[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`"${key}" must be a list.`);
    return [];
  }
  return list.flatMap((entry, index): [string, Record<string, unknown>][] => {
    if (isObject(entry)) return [[`${key}[${index}]`, entry]];
    problems.push(`${key}[${index}]: must be an object.`);
    return [];
  });
}

function duplicateIds(key: string, ids: (string | undefined)[], problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === undefined) continue;
    if (seen.has(id)) problems.push(`"${key}" lists the id "${id}" more than once.`);
    seen.add(id);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
