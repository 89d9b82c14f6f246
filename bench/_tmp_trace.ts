import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { runBenchPage } from './bench-page';
const PAGE_ROOT = fileURLToPath(new URL('./stats/', import.meta.url));
await runBenchPage('trace', PAGE_ROOT, 600_000, async (page: Page) => {
  const call = (e: string) => page.evaluate(`globalThis.statsBench.${e}`);
  await page.waitForFunction('"statsBench" in globalThis');
  await call(`insert(${JSON.stringify({ accepted: 100000, sample: 0, seed: 20240508 })})`);
  await page.reload();
  await page.waitForFunction('"statsBench" in globalThis');
  const browser = page.context().browser()!;
  await browser.startTracing(page, { path: '/tmp/ana/trace2.json', categories: ['toplevel', 'disabled-by-default-v8.cpu_profiler', 'v8'] });
  const r: any = await call('compute()');
  await browser.stopTracing();
  console.log('first', r.first.ms, 'again', r.again.ms);
});
