// The self-hosted models manifest (models/manifest.json): absolute URLs built from where the site
// is served, records shaped for web-llm and wllama, and every problem named with its entry.
import { describe, expect, test } from 'vitest';
import { selfHostedManifestUrl } from '../../src/lib/models';
import { parseSelfHostedManifest, type SelfHostedManifestResult } from '../../src/lib/models/self-hosted';

// The generator worker's built chunk, as the worker sees its own location.
const WORKER_SCRIPT = 'https://intranet.example/tools/studio/assets/generator.worker-C4fq2x9L.js';
const MANIFEST_URL = selfHostedManifestUrl(WORKER_SCRIPT);

const QWEN = {
  id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
  folder: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
  model_lib: 'libs/Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm',
  vram_required_MB: 1629.75,
  context_window_size: 4096,
  required_features: ['shader-f16'],
};
const GGUF = { id: 'qwen2.5-0.5b-instruct-q4_k_m', label: 'Qwen2.5 0.5B (ours)', path: 'gguf/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf', size_bytes: 397_808_192 };

function parse(manifest: unknown): SelfHostedManifestResult {
  return parseSelfHostedManifest(JSON.stringify(manifest), MANIFEST_URL);
}

function problemsOf(manifest: unknown): string[] {
  const result = parse(manifest);
  if (result.ok) throw new Error('expected the manifest to be refused');
  return result.problems;
}

test('the worker finds the manifest in models/ next to index.html, at any sub-path, built or on the dev server', () => {
  expect(MANIFEST_URL.href).toBe('https://intranet.example/tools/studio/models/manifest.json');
  expect(selfHostedManifestUrl('http://127.0.0.1:4173/assets/generator.worker-C4fq2x9L.js').href).toBe('http://127.0.0.1:4173/models/manifest.json');
  expect(selfHostedManifestUrl('http://localhost:5173/workers/generator.worker.ts?worker_file&type=module').href).toBe('http://localhost:5173/models/manifest.json');
});

test('an MLC model becomes a web-llm record with absolute URLs, the weights under resolve/main/', () => {
  expect(parse({ version: 1, mlc: [QWEN] })).toEqual({
    ok: true,
    models: {
      mlc: [
        {
          model_id: QWEN.id,
          label: QWEN.id,
          model: 'https://intranet.example/tools/studio/models/Qwen2.5-1.5B-Instruct-q4f16_1-MLC/resolve/main/',
          model_lib: 'https://intranet.example/tools/studio/models/libs/Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm',
          vram_required_MB: 1629.75,
          required_features: ['shader-f16'],
          overrides: { context_window_size: 4096 },
        },
      ],
      gguf: [],
    },
  });
});

test.each([
  ['a trailing slash', 'weights/qwen/', 'weights/qwen/resolve/main/'],
  ['a folder that already names a revision', 'weights/qwen/resolve/v2', 'weights/qwen/resolve/v2/'],
  ['a path from the site root', '/tools/studio/models/qwen', 'qwen/resolve/main/'],
])('the weights folder with %s resolves as web-llm would fetch it', (_case, folder, expected) => {
  const result = parse({ mlc: [{ ...QWEN, folder }] });
  expect(result.ok && result.models.mlc[0]!.model).toBe(`https://intranet.example/tools/studio/models/${expected}`);
});

test('optional MLC fields stay out of the record when the manifest leaves them out', () => {
  const result = parse({ mlc: [{ id: 'tiny-MLC', folder: 'tiny', model_lib: 'tiny.wasm', label: ' Tiny ' }] });
  expect(result).toEqual({
    ok: true,
    models: {
      mlc: [{ model_id: 'tiny-MLC', label: 'Tiny', model: 'https://intranet.example/tools/studio/models/tiny/resolve/main/', model_lib: 'https://intranet.example/tools/studio/models/tiny.wasm' }],
      gguf: [],
    },
  });
});

test('a GGUF file becomes a catalog entry with the gguf: prefix, an absolute .gguf URL and its size in MB', () => {
  expect(parse({ gguf: [GGUF, { ...GGUF, id: 'gguf:already-prefixed', label: undefined }] })).toEqual({
    ok: true,
    models: {
      mlc: [],
      gguf: [
        { id: 'gguf:qwen2.5-0.5b-instruct-q4_k_m', label: 'Qwen2.5 0.5B (ours)', url: 'https://intranet.example/tools/studio/models/gguf/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf', downloadMB: 398 },
        { id: 'gguf:already-prefixed', label: 'gguf:already-prefixed', url: 'https://intranet.example/tools/studio/models/gguf/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf', downloadMB: 398 },
      ],
    },
  });
});

test('an empty manifest is valid and lists nothing', () => {
  expect(parse({})).toEqual({ ok: true, models: { mlc: [], gguf: [] } });
});

test('text that is not JSON is refused with the parser’s reason', () => {
  const result = parseSelfHostedManifest('{ "mlc": [', MANIFEST_URL);
  expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^models\/manifest\.json is not valid JSON \(.+\)\.$/)] });
});

test.each([
  ['a list', [QWEN], /must hold a JSON object/],
  ['another version', { version: 2, mlc: [QWEN] }, /"version" must be 1/],
  ['"mlc" that is not a list', { mlc: QWEN }, /^"mlc" must be a list\.$/],
  ['an entry that is not an object', { gguf: ['model.gguf'] }, /^gguf\[0\]: must be an object\.$/],
  ['an id with spaces', { mlc: [{ ...QWEN, id: 'my model' }] }, /^mlc\[0\] \("my model"\): "id" must be a non-empty name/],
  ['a missing folder', { mlc: [{ ...QWEN, folder: undefined }] }, /^mlc\[0\] \("Qwen2\.5-1\.5B-Instruct-q4f16_1-MLC"\): "folder" must be a path relative to models\/manifest\.json\.$/],
  ['a model library that is not wasm', { mlc: [{ ...QWEN, model_lib: 'libs/qwen.js' }] }, /"model_lib" must name a \.wasm file/],
  ['weights on another host', { mlc: [{ ...QWEN, folder: 'https://huggingface.co/mlc-ai/x' }] }, /"folder" must stay on this site \(https:\/\/intranet\.example\), not https:\/\/huggingface\.co/],
  ['a negative VRAM figure', { mlc: [{ ...QWEN, vram_required_MB: -1 }] }, /"vram_required_MB" must be a positive number/],
  ['a fractional context window', { mlc: [{ ...QWEN, context_window_size: 4096.5 }] }, /"context_window_size" must be a positive whole number/],
  ['features that are not strings', { mlc: [{ ...QWEN, required_features: 'shader-f16' }] }, /"required_features" must be a list of strings/],
  ['a GGUF path without .gguf', { gguf: [{ ...GGUF, path: 'gguf/qwen.bin' }] }, /"path" must name a \.gguf file/],
  ['a GGUF without its size', { gguf: [{ ...GGUF, size_bytes: undefined }] }, /^gguf\[0\] \("qwen2\.5-0\.5b-instruct-q4_k_m"\): "size_bytes" is required/],
  ['an empty label', { gguf: [{ ...GGUF, label: ' ' }] }, /"label" must be a non-empty string/],
  ['a repeated id', { mlc: [QWEN, QWEN] }, /^"mlc" lists the id "Qwen2\.5-1\.5B-Instruct-q4f16_1-MLC" more than once\.$/],
])('a manifest with %s is refused, saying where', (_case, manifest, problem) => {
  expect(problemsOf(manifest)).toEqual([expect.stringMatching(problem)]);
});

describe('a manifest with several problems', () => {
  test('lists every one of them and yields no models', () => {
    const problems = problemsOf({ mlc: [{ ...QWEN, model_lib: 7 }, QWEN], gguf: [{ id: 'x', path: 'gguf/x.gguf', size_bytes: 0 }] });
    expect(problems).toEqual([
      expect.stringMatching(/^mlc\[0\] .*"model_lib" must be a path/),
      expect.stringMatching(/^gguf\[0\] \("x"\): "size_bytes" must be a positive whole number/),
    ]);
  });
});
