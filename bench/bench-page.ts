// Runs a bench page in headless Chromium for the benches that measure the product's code in a
// browser (bench:store, bench:pool): the page alone, built without the app's vite.config.ts (no
// Svelte, no PWA) and served on 127.0.0.1; the page's errors fail the bench and its console lines
// that start with "[" are progress, echoed.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from '../test/browser/site';

/** Other work on the machine skews every figure, so a bench says how busy it was. */
export function machineLoad(): string {
  return `  (machine load average over the last minute: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`;
}

export interface BenchPageOptions {
  /**
   * Also build the real site (the app's own vite.config.ts) and serve it at the root, the bench
   * page then at `bench/`: one origin, so the app opens the database the bench page filled.
   */
  withApp?: boolean;
  /** Response headers for every file served, e.g. COOP and COEP for a cross-origin isolated page. */
  headers?: Record<string, string>;
}

/**
 * Builds the page in `pageRoot`, opens it and hands it to `run` with a line naming the browser
 * and machine, and the site's URL. Past `deadlineMs` the bench fails; any failure sets the exit
 * code to 1.
 */
export async function runBenchPage(
  name: string,
  pageRoot: string,
  deadlineMs: number,
  run: (page: Page, machine: string, siteUrl: string) => Promise<void>,
  { withApp = false, headers = {} }: BenchPageOptions = {},
): Promise<void> {
  const started = Date.now();
  const tempDir = mkdtempSync(join(tmpdir(), `${name.replace(/\W/g, '-')}-`));
  const outDir = join(tempDir, 'site');
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const errors: string[] = [];
  try {
    if (withApp) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
    await build({
      configFile: false,
      root: pageRoot,
      base: './',
      logLevel: 'warn',
      build: { outDir: withApp ? join(outDir, 'bench') : outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
      worker: { format: 'es' },
    });
    server = await preview({
      configFile: false,
      root: tempDir,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false, headers },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The preview server did not report its URL.');
    browser = await launchChromium({ webgpu: false });
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      else if (message.text().startsWith('[')) console.log(`  ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    await page.goto(withApp ? `${url}bench/` : url);
    const machine = `headless Chromium ${browser.version()}, Node ${process.version}, ${cpus().length} CPUs`;
    const timeout = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new Error(`The bench passed its ${deadlineMs / 60_000}-minute deadline.`)), deadlineMs);
    });
    await Promise.race([run(page, machine, url), timeout]);
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  } catch (error) {
    console.error(`\nBENCH FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (errors.length > 0) console.error(errors.join('\n'));
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(tempDir, { recursive: true, force: true });
    console.log(`\n${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
