// The built page's own JavaScript stays small: web-llm lives only in the generator worker's chunk,
// and the test engine never reaches the production build.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

const DIST = 'dist';
const MAIN_BUDGET_BYTES = 150 * 1024;
// A message that exists only in web-llm's runtime.
const WEBLLM_MARKER = 'WebGPU is not supported in your current environment';

/** The scripts index.html loads: its entry module and the chunks it preloads. */
async function mainThreadScripts(): Promise<string[]> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/([^"]+\.js)"/g)].map((match) => match[1]!);
}

async function assetTexts(): Promise<Map<string, string>> {
  const names = await readdir(join(DIST, 'assets'));
  const texts = new Map<string, string>();
  for (const name of names.filter((file) => file.endsWith('.js'))) texts.set(`assets/${name}`, await readFile(join(DIST, 'assets', name), 'utf8'));
  return texts;
}

test('the main-thread JavaScript is at most 150 KB gzip and holds no web-llm code', async () => {
  const scripts = await mainThreadScripts();
  expect(scripts.length).toBeGreaterThan(0);
  const texts = await assetTexts();
  let gzipBytes = 0;
  for (const script of scripts) {
    const text = texts.get(script);
    expect(text, `${script} is missing from dist/`).toBeDefined();
    expect(text).not.toContain(WEBLLM_MARKER);
    gzipBytes += gzipSync(text!).length;
  }
  console.log(`main-thread JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${scripts.length} file(s)`);
  expect(gzipBytes).toBeLessThanOrEqual(MAIN_BUDGET_BYTES);
});

test('web-llm is bundled into a worker chunk, and the production build holds no test engine', async () => {
  const texts = [...(await assetTexts()).entries()];
  const withWebLlm = texts.filter(([, text]) => text.includes(WEBLLM_MARKER)).map(([name]) => name);
  expect(withWebLlm).toHaveLength(1);
  expect(withWebLlm[0]).toMatch(/generator\.worker/);
  expect(texts.filter(([, text]) => text.includes('scripted-test-model'))).toEqual([]);
});
